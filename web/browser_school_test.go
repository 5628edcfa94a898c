package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// TestBrowserTeacherRemovesDeletesAndLocks: the destructive paths, each through its confirmation
// page — remove a student, duplicate then delete an annexe, delete a period — then a bilan
// intermédiaire for a class that locks its period.
func TestBrowserTeacherRemovesDeletesAndLocks(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	p2 := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	danger := chromedp.Click(chromedp.CSS(`#main button.btn-danger`))

	// Remove Chloé from PFMP 2: her menu, the confirmation, the dossier gone.
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=2de&periode="+p2.Id))
	apptest.MustWaitText(t, ctx, "#student-list", "Chloé ROUX")
	apptest.MustDo(t, ctx,
		chromedp.Click(chromedp.Search(`//li[contains(., "Chloé ROUX")]//summary`)),
		chromedp.Click(chromedp.Search(`//li[contains(., "Chloé ROUX")]//a[contains(., "Retirer de la période")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Retirer Chloé ROUX")
	apptest.MustDo(t, ctx, danger)
	apptest.MustWaitText(t, ctx, "#main .alert-success", "retiré(e) de la période")
	require.NotContains(t, apptest.MustText(t, ctx, "#assigned-students"), "Chloé ROUX")

	// Duplicate an annexe, then delete the copy.
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/annexes"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//tr[contains(., "Découverte")]//button[contains(., "Dupliquer")]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Annexe dupliquée")
	copyURL := apptest.MustLocation(t, ctx).Path
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+copyURL+"/supprimer"))
	apptest.MustWaitText(t, ctx, "#main h1", "Copie de Découverte")
	apptest.MustDo(t, ctx, danger)
	apptest.MustWaitText(t, ctx, "#main .alert-success", "supprimée")
	require.NotContains(t, apptest.MustText(t, ctx, "#annexe-list"), "Copie de")

	// Delete PFMP 2: the period menu, the plain warning, the period gone with its dossiers.
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=2de&periode="+p2.Id))
	apptest.MustDo(t, ctx,
		chromedp.Click(chromedp.CSS("#period-menu summary")),
		chromedp.Click(chromedp.Search(`//details[@id="period-menu"]//a[contains(., "Supprimer la période")]`)))
	require.Contains(t, apptest.MustWaitText(t, ctx, "#main .alert-error", "définitive"), "sera supprimé")
	apptest.MustDo(t, ctx, danger)
	apptest.MustWaitText(t, ctx, "#main .alert-success", "supprimée")
	require.NotContains(t, apptest.MustText(t, ctx, "#period-list"), "PFMP 2")

	// A bilan intermédiaire for the whole 1re class, after the E31 period's bilans: it locks it
	// from its day on.
	e31 := a.MustFind(t, "periods", "name", demoE31)
	on := e31.GetDateTime("end").Time().AddDate(0, 0, 3)
	a.Clock.Set(on.Add(8 * time.Hour))
	after := on.Format("2006-01-02")
	class := a.MustFind(t, "classes", "name", "1re MSPC")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//nav[@class="mainnav"]//a[contains(., "Bilans")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Bilans intermédiaires")
	apptest.MustDo(t, ctx,
		chromedp.SetValue(chromedp.ID("f-target"), "classe:"+class.Id),
		chromedp.SetValue(chromedp.ID("f-date"), after),
		chromedp.SendKeys(chromedp.ID("f-label"), "Bilan de fin de période"),
		chromedp.Click(chromedp.CSS(`form[action="/bilans-intermediaires"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "pour 6 apprenants")
	apptest.MustWaitText(t, ctx, "#checkpoint-list", "Bilan de fin de période")
	require.Contains(t, apptest.MustText(t, ctx, "#checkpoint-list"), "Verrouille 1 période(s)",
		"a bilan that locks offers no delete")

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=1re&periode="+e31.Id))
	apptest.MustWaitText(t, ctx, "#period-panel .lock-note", "Période verrouillée")
	apptest.MustWaitURL(t, ctx, "the period view", func(u *url.URL) bool { return u.Query().Get("periode") == e31.Id })
}

// TestBrowserMasterReadsHisApprentice: from "Mes apprenants" to the dossier, the fiche and the
// portfolio, with no control to change anything but a comment.
func TestBrowserMasterReadsHisApprentice(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	a.MustBrowserSession(t, ctx, "julien.boisseau", demo.Password)
	apptest.MustWaitText(t, ctx, "#main h1", "Mes apprenants")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//a[contains(., "Lucas LAMBERT")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Lucas LAMBERT")

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#main a[href$="/liaison"]`)))
	apptest.MustWaitText(t, ctx, "#main", "Papeteries de la Seine")
	apptest.MustDo(t, ctx, chromedp.WaitNotPresent(chromedp.CSS(`#main form[action$="/liaison/entreprise"]`)))

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+a.MustPlacement(t, demoE31, "lucas.lambert").Id+"/portfolio"))
	apptest.MustWaitText(t, ctx, "#portfolio-tab", "Papeteries de la Seine")
	controls := apptest.MustRun(t, ctx, chromedp.Evaluate[int](
		`document.querySelectorAll("#portfolio-tab input, #portfolio-tab textarea, #portfolio-tab select, #portfolio-tab button").length`))
	require.Zero(t, controls, "read-only")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.tabs a[href$="/portfolio/commentaires"]`)))
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.CSS(`#portfolio-tab textarea[name="body"]`)))
}
