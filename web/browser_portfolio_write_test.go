package web_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/pfmp"
)

// activeID is the id of the focused element.
func activeID(t *testing.T, ctx context.Context) string {
	t.Helper()
	return apptest.MustRun(t, ctx, chromedp.Evaluate[string](`document.activeElement ? document.activeElement.id : ""`))
}

// editControls counts what would let the reader change the portfolio inside the tab.
const editControls = `document.querySelectorAll('#portfolio-tab :is(form[method="post"], textarea:not([readonly]), ' +
	'input[type="file"], input[type="checkbox"], input[type="text"], input[type="url"], input[type="date"], ' +
	'button[type="submit"], .btn-danger, [data-confirm])').length`

func TestBrowserStudentWritesWeeksReportAndPhotoOnAPhone(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "adam.vincent")
	weeks := periodWeeksOf(t, a, p)
	ctx := apptest.MustBrowser(t)
	shots := apptest.ShotsDir()
	base := a.URL + portfolioPath(p, "")

	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	a.MustBrowserSession(t, ctx, "adam.vincent", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(base+"semaines?semaine=1"))
	apptest.MustWaitText(t, ctx, "#week-title", weeks[0].Label())
	assert.Equal(t, "Semaines", apptest.MustText(t, ctx, `nav.tabs a[aria-current="page"] .tab-short`), "the short label on a phone")

	// Week 1: typed, saved by itself after a pause, the cursor still in the text area.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("f-activities")),
		chromedp.SendKeys(chromedp.ID("f-activities"), "Accueil, consignes de sécurité, visite de l'atelier."))
	apptest.MustWaitText(t, ctx, "#week-status", "enregistré")
	assert.Equal(t, "f-activities", activeID(t, ctx), "saving does not steal the focus")
	apptest.MustDo(t, ctx, chromedp.SendKeys(chromedp.ID("f-activities"), " Rondes avec le tuteur."))
	apptest.MustWaitText(t, ctx, "#week-status", "enregistré") // typing cleared the previous one
	assert.Equal(t, "2", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("week-version"))), "the version came back")
	assert.Equal(t, "f-activities", activeID(t, ctx))

	// The slider, by keyboard, to week 2: the week is loaded in place and the URL follows.
	apptest.MustDo(t, ctx, chromedp.Focus(chromedp.ID("week-range")), chromedp.KeyEvent(kb.ArrowRight))
	apptest.MustWaitText(t, ctx, "#week-title", weeks[1].Label())
	apptest.MustWaitURL(t, ctx, "semaine=2", func(u *url.URL) bool { return u.Query().Get("semaine") == "2" })
	assert.Equal(t, "2", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("week-range"))))
	assert.Equal(t, "week-range", activeID(t, ctx), "the slider keeps the focus across the swap")
	assert.Empty(t, apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-activities"))))

	// Week 2: the activities, then what he liked.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("f-activities")),
		chromedp.SendKeys(chromedp.ID("f-activities"), "Remplacement d'un roulement sur le convoyeur C3."),
		chromedp.Click(chromedp.ID("f-liked")),
		chromedp.SendKeys(chromedp.ID("f-liked"), "Démonter le palier."))
	apptest.MustWaitText(t, ctx, "#week-status", "enregistré")
	assert.Equal(t, "f-liked", activeID(t, ctx))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-semaines-phone.png"))

	// Typing then leaving at once: the week is saved before the next one loads.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("f-succeeded")),
		chromedp.SendKeys(chromedp.ID("f-succeeded"), "Le serrage au couple."),
		chromedp.Click(chromedp.ID("week-prev")))
	apptest.MustWaitText(t, ctx, "#week-title", weeks[0].Label())
	assert.Contains(t, apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-activities"))), "Rondes avec le tuteur.")

	stored := weeksOf(t, a, p)
	require.Len(t, stored, 2)
	w1, w2 := stored[pfmp.ISODate(weeks[0].Start)], stored[pfmp.ISODate(weeks[1].Start)]
	assert.Equal(t, "Accueil, consignes de sécurité, visite de l'atelier. Rondes avec le tuteur.", w1.GetString("activities"))
	assert.Equal(t, "Remplacement d'un roulement sur le convoyeur C3.", w2.GetString("activities"))
	assert.Equal(t, "Démonter le palier.", w2.GetString("liked"))
	assert.Equal(t, "Le serrage au couple.", w2.GetString("succeeded"))

	// An intervention report, from the tab.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.tabs a[href$="/portfolio/activites"]`)))
	apptest.MustWaitText(t, ctx, "#portfolio-tab h2", "Présenter une activité")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#portfolio-tab a[href$="/activites/nouvelle"]`)))
	apptest.MustWaitText(t, ctx, "#portfolio-tab h2", "Nouveau compte rendu")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-compte-rendu-vide-phone.png"))
	for id, v := range map[string]string{"f-title": "Remplacement d'un roulement", "f-wo_machine": "Convoyeur C3",
		"f-defects": "Bruit au palier", "f-repairs": "Roulement changé", "f-duration": "1 h"} {
		apptest.MustDo(t, ctx, chromedp.SendKeys(chromedp.ID(id), v))
	}
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-compte-rendu-phone.png"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#portfolio-tab button[type="submit"].btn-primary`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Compte rendu enregistré.")
	reports := reportsOf(t, a, p)
	require.Len(t, reports, 1)
	assert.Equal(t, "Convoyeur C3", reports[0].GetString("wo_machine"))

	// Selected for the export from its card: greyed.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.tabs a[href$="/portfolio/activites"]`)))
	apptest.MustWaitText(t, ctx, `nav.tabs a[aria-current="page"]`, "1")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("iv-sel-"+reports[0].Id)))
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.CSS("#iv-"+reports[0].Id+".is-selected")))
	assert.True(t, pfReload(t, a, reports[0]).GetBool("selected"))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-activites-phone.png"))

	// A photo, from a file on the phone.
	photo := filepath.Join(t.TempDir(), "IMG_2041.png")
	require.NoError(t, os.WriteFile(photo, pngFile(t), 0o644))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.tabs a[href$="/portfolio/annexes"]`)))
	apptest.MustWaitText(t, ctx, "#portfolio-tab h2", "Ajouter des annexes")
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.ID("f-titre"), "Palier démonté"),
		chromedp.SetUploadFiles(chromedp.ID("f-fichier"), []string{photo}),
		chromedp.Click(chromedp.CSS(`form[enctype="multipart/form-data"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Fichier « Palier démonté » ajouté.")
	apptest.MustWaitText(t, ctx, ".att-list", "Palier démonté")
	atts := attachmentsOf(t, a, p)
	require.Len(t, atts, 1)
	assert.Equal(t, "image/png", atts[0].GetString("mime"))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-annexes-phone.png"))

	// Desktop shots of the three tabs.
	apptest.MustDo(t, ctx, apptest.DesktopViewport())
	for _, tab := range []string{"semaines?semaine=2", "activites", "annexes"} {
		apptest.MustDo(t, ctx, chromedp.Navigate(base+tab))
		apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.ID("portfolio-tab")))
		apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-"+map[string]string{
			"semaines?semaine=2": "semaines", "activites": "activites", "annexes": "annexes"}[tab]+"-desktop.png"))
	}

	// The teacher opens the same tabs: the same content, no edit control anywhere.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`header .user-box form[action="/deconnexion"] button`)))
	apptest.MustWaitURL(t, ctx, "/connexion", func(u *url.URL) bool { return u.Path == "/connexion" })
	apptest.MustLoginUI(t, ctx, a.URL, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	checks := []struct{ path, text, shot string }{
		{"semaines", "Rondes avec le tuteur.", "semaines"},
		{"semaines?semaine=2", "Démonter le palier.", ""},
		{"activites", "Remplacement d'un roulement", "activites"},
		{"activites/" + reports[0].Id, "Roulement changé", "compte-rendu"},
		{"annexes", "Palier démonté", "annexes"},
	}
	for _, ch := range checks {
		apptest.MustDo(t, ctx, chromedp.Navigate(base+ch.path))
		apptest.MustWaitText(t, ctx, "#portfolio-tab", ch.text)
		assert.Equal(t, 0, apptest.MustRun(t, ctx, chromedp.Evaluate[int](editControls)), "edit controls on %s", ch.path)
		if ch.shot != "" {
			apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-"+ch.shot+"-enseignant-phone.png"))
		}
	}
	// The slider still moves between weeks for him.
	apptest.MustDo(t, ctx, chromedp.Navigate(base+"semaines"), chromedp.Click(chromedp.ID("week-next")))
	apptest.MustWaitText(t, ctx, "#week-title", weeks[1].Label())
	apptest.MustWaitText(t, ctx, "#portfolio-tab", "Démonter le palier.")
}
