package web_test

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// typeInto replaces a field's value the way a user does: empty it, then type.
func typeInto(id, text string) []chromedp.Action[chromedp.Void] {
	return []chromedp.Action[chromedp.Void]{chromedp.Clear(chromedp.ID(id)), chromedp.SendKeys(chromedp.ID(id), text)}
}

func TestBrowserStudentFillsTheFicheDeLiaisonOnAPhone(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	ctx := apptest.MustBrowser(t)
	shots := apptest.ShotsDir()
	apptest.MustDo(t, ctx, apptest.PhoneViewport())

	// From his periods to the dossier, then to the fiche.
	a.MustBrowserSession(t, ctx, "adam.vincent", demo.Password)
	apptest.MustWaitURL(t, ctx, "/mes-periodes", func(u *url.URL) bool { return u.Path == "/mes-periodes" })
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#main a[href^="/dossiers/"]`)))
	apptest.MustWaitURL(t, ctx, "the dossier", func(u *url.URL) bool { return strings.HasPrefix(u.Path, "/dossiers/") })
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#main a[href$="/liaison"]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Fiche de liaison entreprise")
	assert.Equal(t, "Lieu de réalisation", apptest.MustText(t, ctx, `nav.tabs a[aria-current="page"]`))

	// Everything typed, one postal code short of a digit.
	typed := map[string]string{
		"f-company_name": "Forges et Mécanique SARL", "f-company_address": "8, rue des Forges",
		"f-company_postal_code": "7500", "f-company_city": "Paris", "f-company_phone": "01 43 55 66 77",
		"f-tutor_last_name": "Durand", "f-tutor_first_name": "Sophie",
		"f-tutor_email": "sophie.durand@forges.example",
	}
	for id, v := range typed {
		apptest.MustDo(t, ctx, typeInto(id, v)...)
	}
	submit := chromedp.CSS(`form[action$="/liaison/entreprise"] button[type="submit"]`)
	apptest.MustDo(t, ctx, chromedp.Click(submit))
	apptest.MustWaitText(t, ctx, "#e-company_postal_code", "Code postal invalide : 5 chiffres attendus.")
	assert.Equal(t, "true", apptest.MustRun(t, ctx, chromedp.AttributeValue(chromedp.ID("f-company_postal_code"), "aria-invalid")).Value)
	for id, v := range typed {
		assert.Equal(t, v, apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID(id))), "%s kept", id)
	}
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "liaison-erreur-phone.png"))

	// Corrected and saved: the message, the values, stored.
	apptest.MustDo(t, ctx, typeInto("f-company_postal_code", "75011")...)
	apptest.MustDo(t, ctx, chromedp.Click(submit))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Fiche de liaison enregistrée.")
	apptest.MustDo(t, ctx, chromedp.WaitNotPresent(chromedp.ID("e-company_postal_code")))
	assert.Equal(t, "75011", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-company_postal_code"))))
	assert.Equal(t, "Forges et Mécanique SARL", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-company_name"))))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "liaison-phone.png"))
	p := a.MustPlacement(t, demoE31, "adam.vincent")
	require.Equal(t, "75011", p.GetString("company_postal_code"))
	require.Equal(t, "sophie.durand@forges.example", p.GetString("tutor_email"))

	// The objectives tab, read-only for him, loaded by htmx.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.tabs a[href$="onglet=objectifs"]`)))
	apptest.MustWaitText(t, ctx, "#liaison-tab-title", "Objectifs et activités")
	apptest.MustWaitText(t, ctx, "#liaison", "A1T1")
	apptest.MustWaitURL(t, ctx, "the objectives tab", func(u *url.URL) bool { return u.Query().Get("onglet") == "objectifs" })
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "liaison-objectifs-phone.png"))

	apptest.MustDo(t, ctx, apptest.DesktopViewport(), chromedp.Click(chromedp.CSS(`nav.tabs a[href$="/liaison"]`)))
	apptest.MustWaitText(t, ctx, "#liaison-tab-title", "Lieu de réalisation")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "liaison-desktop.png"))
}

func TestBrowserTeacherPersonalisesTheObjectivesThenResets(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "manon.girard")
	ctx := apptest.MustBrowser(t)
	shots := apptest.ShotsDir()

	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/liaison?onglet=objectifs"))
	apptest.MustWaitText(t, ctx, "#liaison", "Issus de l'annexe pédagogique")
	a4t2 := a.MustFind(t, "tasks", "code", "A4T2")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`input[name="tasks"][value="`+a4t2.Id+`"]`)))
	apptest.MustDo(t, ctx, typeInto("f-objectives", "Proposer une amélioration du poste de conditionnement.")...)
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`form[action$="/liaison/objectifs"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Fiche de liaison enregistrée.")
	apptest.MustWaitText(t, ctx, "#liaison", "Personnalisé pour cet apprenant")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "liaison-objectifs-enseignant-desktop.png"))
	require.True(t, reload(t, a, p).GetBool("custom_objectives"))

	// The reset asks first (app.js data-confirm); the test answers yes for the user.
	apptest.MustDo(t, ctx,
		chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`),
		chromedp.Click(chromedp.CSS(`form[action$="/liaison/reinitialiser"] button[type="submit"]`)),
	)
	apptest.MustWaitText(t, ctx, "#liaison", "Issus de l'annexe pédagogique")
	require.False(t, reload(t, a, p).GetBool("custom_objectives"))
}
