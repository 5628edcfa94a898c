package web_test

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// periodLink is the link of a period in the "Vue par périodes" list, by its name.
func periodLink(name string) chromedp.Search {
	return chromedp.Search(`//ul[@id="period-list"]//a[contains(normalize-space(.), "` + name + `")]`)
}

func TestBrowserTeacherLogsInSeesPeriodsLogsOut(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	ctx := apptest.MustBrowser(t)
	onLogin := func(u *url.URL) bool { return u.Path == "/connexion" }

	// An anonymous visitor is sent to the login page.
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/"))
	apptest.MustWaitURL(t, ctx, "/connexion", onLogin)
	apptest.MustWaitText(t, ctx, "h1", "Connexion")

	// A wrong password: the French message, the username kept.
	apptest.MustWaitHTMXIdle(t, ctx)
	apptest.MustDo(t, ctx,
		chromedp.WaitVisible(chromedp.ID("identifiant")),
		chromedp.SendKeys(chromedp.ID("identifiant"), "prof.martin"),
		chromedp.SendKeys(chromedp.ID("mot_de_passe"), "pas-le-bon"),
		chromedp.Click(chromedp.CSS(`form[action="/connexion"] button[type="submit"]`)),
	)
	assert.Equal(t, "Identifiant ou mot de passe incorrect.",
		apptest.MustWaitText(t, ctx, "#login-error", "Identifiant ou mot de passe incorrect."))
	assert.Equal(t, "prof.martin", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("identifiant"))))
	assert.Empty(t, apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("mot_de_passe"))))
	assert.Equal(t, "/connexion", apptest.MustLocation(t, ctx).Path)

	// The right password in the same form: the teacher lands on the periods.
	apptest.MustDo(t, ctx, chromedp.SendKeys(chromedp.ID("mot_de_passe"), demo.Password))
	require.Equal(t, "prof.martin", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("identifiant"))))
	require.Equal(t, demo.Password, apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("mot_de_passe"))))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`form[action="/connexion"] button[type="submit"]`)))
	apptest.MustWaitURL(t, ctx, "/periodes", func(u *url.URL) bool { return u.Path == "/periodes" })
	assert.Equal(t, "Vue par périodes", apptest.MustWaitText(t, ctx, "#main h1", "Vue par périodes"))
	assert.Contains(t, apptest.MustText(t, ctx, "header .user-box"), "Claire MARTIN")
	assert.Equal(t, "2de Bac Pro famille des métiers PMIA", apptest.MustText(t, ctx, `nav.level-tabs a[aria-current="page"]`))
	list := apptest.MustText(t, ctx, "#period-list")
	assert.Contains(t, list, "PFMP 1 — 2de PMIA")
	assert.Contains(t, list, "PFMP 2 — 2de PMIA")
	assert.NotContains(t, list, "PFMP 1re MSPC — E31")

	// Choosing a period loads its students into the panel (htmx) and pushes the URL.
	apptest.MustDo(t, ctx, chromedp.Click(periodLink("PFMP 2 — 2de PMIA")))
	apptest.MustWaitText(t, ctx, "#period-panel #period-title", "PFMP 2 — 2de PMIA")
	assert.Contains(t, apptest.MustWaitText(t, ctx, "#period-panel #student-list", "Léa DUPONT"), "Léa DUPONT")
	assert.Contains(t, apptest.MustText(t, ctx, `#period-list li[aria-current="true"]`), "PFMP 2 — 2de PMIA",
		"the chosen period is marked in the list")
	u := apptest.MustWaitURL(t, ctx, "with periode=", func(u *url.URL) bool { return u.Query().Get("periode") != "" })
	assert.Equal(t, "/periodes", u.Path)
	assert.Equal(t, "2de", u.Query().Get("niveau"))

	// Screenshots for a human eye, outside the repository.
	shots := apptest.ShotsDir()
	require.NoError(t, os.MkdirAll(shots, 0o755))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "periodes-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustWaitText(t, ctx, "#period-panel #student-list", "Léa DUPONT")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "periodes-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())

	// The 1re tab lists the 1re periods.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.level-tabs a[href="/periodes?niveau=1re"]`)))
	apptest.MustWaitText(t, ctx, "#period-list", "PFMP 1re MSPC — E31")
	assert.Equal(t, "1re Bac Pro MSPC", apptest.MustText(t, ctx, `nav.level-tabs a[aria-current="page"]`))
	assert.NotContains(t, apptest.MustText(t, ctx, "#period-list"), "2de PMIA")

	// Logging out goes back to the login page, and the periods are closed again.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`header .user-box form[action="/deconnexion"] button`)))
	apptest.MustWaitURL(t, ctx, "/connexion after logout", onLogin)
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.ID("identifiant")))
	apptest.MustDo(t, ctx, chromedp.WaitNotPresent(chromedp.CSS("header .user-box")))

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes"))
	u = apptest.MustWaitURL(t, ctx, "/connexion", onLogin)
	assert.Equal(t, "/periodes", u.Query().Get("suite"))
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.ID("identifiant")))

	// A new session works after the logout (and MustLoginUI does).
	apptest.MustLoginUI(t, ctx, a.URL, "prof.martin", demo.Password)
	apptest.MustWaitText(t, ctx, "#main h1", "Vue par périodes")
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
