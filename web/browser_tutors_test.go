package web_test

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/mail/mailtest"
)

// TestBrowserTutorLinkFromWindowToHome: a teacher opens the tutor window from the period's
// menu, chooses a student and sends the link; a real SMTP server receives the email; the link
// read from it, opened in the browser, lands on the tutor's home — an address without the
// token — from which the tutor reads the portfolio and comments.
func TestBrowserTutorLinkFromWindowToHome(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	srv := mailtest.Start(t)
	a.MustSMTP(t, srv)
	e31 := a.MustFind(t, "periods", "name", demoE31)
	shots := apptest.ShotsDir()
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=1re&periode="+e31.Id))
	apptest.MustDo(t, ctx,
		chromedp.Click(chromedp.CSS("#period-menu summary")),
		chromedp.Click(chromedp.Search(`//details[@id="period-menu"]//a[contains(., "Gérer les tuteurs")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Gestion des tuteurs")
	require.Contains(t, apptest.MustText(t, ctx, "#tutor-apprentices"), "Maître d'apprentissage : Julien BOISSEAU")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//ul[@id="tutor-students"]//a[contains(., "Sarah BONNET")]`)))
	apptest.MustWaitText(t, ctx, "#tutor-panel h2", "Sarah BONNET")
	email := apptest.MustRun(t, ctx, chromedp.Evaluate[string](`document.getElementById("f-tutor_email").value`))
	require.Equal(t, "s.lemaire@normandie-emballages.example", email, "pre-filled from the fiche")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//button[contains(., "Envoyer un lien d'accès au tuteur")]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Lien d'accès envoyé à s.lemaire@normandie-emballages.example")
	apptest.MustWaitText(t, ctx, "#link-state", "Lien tuteur valable")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "tuteurs-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustDo(t, ctx, chromedp.Reload())
	apptest.MustWaitText(t, ctx, "#link-state", "Lien tuteur valable")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "tuteurs-phone.png"))
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=1re&periode="+e31.Id))
	apptest.MustWaitText(t, ctx, "#student-list .link-mark", "valable")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "periode-marques-phone.png"))
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes/"+e31.Id+"/modifier?onglet=apprenants"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS("#assigned-students details.referents summary")))
	apptest.MustWaitText(t, ctx, "#assigned-students details.referents[open]", "Karim BENALI")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "referents-phone.png"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`header .user-box form[action="/deconnexion"] button`)))
	apptest.MustWaitURL(t, ctx, "/connexion after logout", func(u *url.URL) bool { return u.Path == "/connexion" })
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.ID("courriel")))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "connexion-lien-perdu-phone.png"))

	link := linkRe.FindString(srv.Wait(t, 1, 10*time.Second)[0].Text)
	require.NotEmpty(t, link)
	token := link[strings.LastIndex(link, "/")+1:]
	apptest.MustDo(t, ctx, chromedp.Navigate(link))
	u := apptest.MustWaitURL(t, ctx, "the tutor's home", func(u *url.URL) bool { return u.Path == "/mes-apprenants" })
	require.NotContains(t, u.String(), token)
	home := apptest.MustWaitText(t, ctx, "#main", "Sarah BONNET")
	require.Contains(t, home, "Professeur référent : Claire MARTIN")
	html := apptest.MustRun(t, ctx, chromedp.Evaluate[string](`document.documentElement.outerHTML`))
	require.NotContains(t, html, token, "the landing page holds no token")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "tuteur-accueil-phone.png"))

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//a[contains(., "Portfolio et commentaires")]`)))
	apptest.MustWaitText(t, ctx, "#portfolio-tab", "Normandie Emballages")
	controls := apptest.MustRun(t, ctx, chromedp.Evaluate[int](
		`document.querySelectorAll("#portfolio-tab input, #portfolio-tab textarea, #portfolio-tab select, #portfolio-tab button").length`))
	require.Zero(t, controls, "the portfolio is read-only")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.tabs a[href$="/portfolio/commentaires"]`)))
	apptest.MustDo(t, ctx,
		chromedp.WaitVisible(chromedp.CSS(`#portfolio-tab textarea[name="body"]`)),
		chromedp.SendKeys(chromedp.CSS(`#portfolio-tab textarea[name="body"]`), "Très bon accueil de la part de l'équipe."),
		chromedp.Click(chromedp.CSS(`#portfolio-tab form button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#portfolio-tab", "Très bon accueil")

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/acces/"+strings.Repeat("x", 43)))
	apptest.MustWaitText(t, ctx, "#main h1", "Lien d'accès non valable")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "tuteur-lien-invalide-phone.png"))
}
