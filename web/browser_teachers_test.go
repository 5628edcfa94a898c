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
	"livret/mail/mailtest"
)

// The administrator imports the teachers' file through the pages and confirms it; the new
// teacher receives the invitation, opens its link in the browser, chooses his password (after a
// refused one) and lands on his home; logged out, he logs in with it.
func TestBrowserTeacherImportAndInvitation(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	srv := mailtest.Start(t)
	a.MustSMTP(t, srv)
	dir := t.TempDir()
	csv := filepath.Join(dir, "enseignants.csv")
	require.NoError(t, os.WriteFile(csv, teachersCSV("Lefèvre;Éloïse;eloise.lefevre@lycee.example;",
		"N'Diaye;Aïcha;a.ndiaye@lycee.example;", "Benali;Karim;prof.benali@demo.livret.fr;", "Sansmail;Paul;;"), 0o600))
	shots := apptest.ShotsDir()
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.DesktopViewport())

	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.mainnav a[href="/comptes"]`)))
	apptest.MustWaitText(t, ctx, "h1", "Comptes des élèves")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`a[href="/comptes/enseignants"]`)))
	apptest.MustWaitText(t, ctx, "h1", "Comptes des enseignants")
	counts := mustPreviewUI(t, ctx, teachersImportURL, "Importer des enseignants", csv)
	assert.Contains(t, counts, "2 compte(s) à créer")
	assert.Contains(t, counts, "1 enseignant(s) déjà à jour")
	assert.Contains(t, apptest.MustText(t, ctx, "#rejected"), "Adresse électronique manquante")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "teachers-import-preview-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "teachers-import-preview-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#import-confirm button`)))
	assert.Contains(t, apptest.MustWaitText(t, ctx, "#import-done", "Import terminé"), "2 compte(s) créé(s)")
	assert.Contains(t, apptest.MustText(t, ctx, "#import-invitations"), "2 invitation(s) envoyée(s)")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#import-invitations a[href="/comptes/enseignants"]`)))
	apptest.MustWaitText(t, ctx, "#teacher-accounts", "Éloïse LEFÈVRE")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "teachers-list-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "teachers-list-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())
	pfLogout(t, ctx)

	var link string
	for i := 1; link == ""; i++ {
		if m := srv.Wait(t, i, apptest.StepTimeout)[i-1]; m.To[0] == "eloise.lefevre@lycee.example" {
			link = invitationRe.FindString(m.Text)
		}
	}
	apptest.MustDo(t, ctx, apptest.PhoneViewport(), chromedp.Navigate(link))
	apptest.MustWaitURL(t, ctx, "the password form", func(u *url.URL) bool { return u.Path == "/invitation" })
	assert.Contains(t, apptest.MustText(t, ctx, "main"), "Bienvenue, Éloïse Lefèvre")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "invitation-password-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "invitation-password-desktop.png"))
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#f-mot_de_passe`), "eloise-2026"),
		chromedp.SendKeys(chromedp.CSS(`#f-confirmation`), "eloise-2026"),
		chromedp.Click(chromedp.CSS(`form[action="/invitation"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#e-mot_de_passe", "ni votre prénom")
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#f-mot_de_passe`), "la craie verte 42"),
		chromedp.SendKeys(chromedp.CSS(`#f-confirmation`), "la craie verte 42"),
		chromedp.Click(chromedp.CSS(`form[action="/invitation"] button[type="submit"]`)))
	apptest.MustWaitURL(t, ctx, "the teacher's home", func(u *url.URL) bool { return u.Path == "/periodes" })
	apptest.MustWaitText(t, ctx, "main", "Mot de passe enregistré")

	pfLogout(t, ctx)
	apptest.MustLoginUI(t, ctx, a.URL, "eloise.lefevre", "la craie verte 42")
	apptest.MustWaitURL(t, ctx, "the teacher's home", func(u *url.URL) bool { return u.Path == "/periodes" })
	pfLogout(t, ctx)

	apptest.MustDo(t, ctx, apptest.PhoneViewport(), chromedp.Navigate(link))
	apptest.MustWaitText(t, ctx, "h1", "Lien d'invitation déjà utilisé")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "invitation-used-phone.png"))
}
