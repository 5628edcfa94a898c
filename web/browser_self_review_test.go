package web_test

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// The student writes his bilan personnel on his phone, from « Mes évaluations »: leaving before
// saving asks first; saved, it stays on the page and reaches the database.
func TestBrowserStudentWritesHisBilanPersonnelOnAPhone(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustLoginUI(t, ctx, a.URL, "lucas.lambert", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/mes-evaluations"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`a[href="/dossiers/`+p.Id+`/bilan-personnel"]`)))
	apptest.MustWaitText(t, ctx, "#self-title", "Mon bilan de la période")
	apptest.MustWaitHTMXIdle(t, ctx)
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.ID("f-strengths"), "Rigueur dans les consignations."),
		chromedp.SendKeys(chromedp.ID("f-improvements"), "Lire les schémas pneumatiques."),
		chromedp.SendKeys(chromedp.ID("f-next_goals"), "Diagnostiquer seul une panne simple."))

	apptest.MustDo(t, ctx, chromedp.Evaluate[chromedp.Void](`window.asked = ""; window.confirm = m => { window.asked = m; return false; }`),
		chromedp.Click(chromedp.CSS(`.actions a[href^="/dossiers/"]`)))
	assert.Contains(t, apptest.MustRun(t, ctx, chromedp.Evaluate[string](`window.asked`)), "ne sont pas enregistrées")
	require.Equal(t, "/dossiers/"+p.Id+"/bilan-personnel", apptest.MustLocation(t, ctx).Path, "he stays when he says no")

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`form[action$="/bilan-personnel"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Bilan personnel enregistré.")
	assert.Equal(t, "Lire les schémas pneumatiques.", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-improvements"))))
	saved := a.MustFind(t, "self_reviews", "placement", p.Id)
	assert.Equal(t, "Rigueur dans les consignations.", saved.GetString("strengths"))
	assert.Equal(t, "Diagnostiquer seul une panne simple.", saved.GetString("next_goals"))
	apptest.MustScreenshot(t, ctx, filepath.Join(apptest.ShotsDir(), "bilan-personnel-phone.png"))
}

// A teacher changes his password at will from the header's link: a wrong current password is
// refused on its field; the right one saves the new password, which then opens his session.
func TestBrowserTeacherChangesHisPassword(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	ctx := apptest.MustBrowser(t)
	apptest.MustLoginUI(t, ctx, a.URL, "prof.benali", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`header .user-box a[href="/mot-de-passe"]`)))
	apptest.MustWaitText(t, ctx, "#pw-title", "Changer mon mot de passe")
	apptest.MustWaitHTMXIdle(t, ctx)
	const chosen = "la craie verte 42"
	fill := func(current string) {
		apptest.MustDo(t, ctx,
			chromedp.SendKeys(chromedp.ID("f-actuel"), current), // a refused form gives the fields back empty
			chromedp.SendKeys(chromedp.ID("f-mot_de_passe"), chosen),
			chromedp.SendKeys(chromedp.ID("f-confirmation"), chosen),
			chromedp.Click(chromedp.CSS(`form[action="/mot-de-passe"] button[type="submit"]`)))
	}
	fill("pas le bon")
	apptest.MustWaitText(t, ctx, "#e-actuel", "")
	apptest.MustWaitHTMXIdle(t, ctx)
	fill(demo.Password)
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Mot de passe enregistré")
	assert.True(t, a.MustFind(t, "users", "username", "prof.benali").ValidatePassword(chosen))
	a.MustLogin(t, "prof.benali", chosen)
}
