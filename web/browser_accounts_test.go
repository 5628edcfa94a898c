package web_test

import (
	"context"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// A teacher imports a class, prints its login slips; a student logs in from his phone with
// his slip, must choose his password first, then lands on his home.
func TestBrowserImportSlipsAndFirstLogin(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	dir := t.TempDir()
	csv := filepath.Join(dir, "Tle MSPC.csv")
	require.NoError(t, os.WriteFile(csv, studentsCSV("Cœur;Éloïse;Tle MSPC;02/11/2007;apprentie",
		"N'Diaye;Aïcha;Tle MSPC;30/01/2008;", "Lambert;Lucas;Tle MSPC;01/09/2008;apprenti", "Sansdate;Paul;Tle MSPC;;"), 0o600))
	shots := apptest.ShotsDir()
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.DesktopViewport(), apptest.AllowDownloads(dir))

	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.mainnav a[href="/comptes"]`)))
	apptest.MustWaitText(t, ctx, "h1", "Comptes des élèves")
	counts := mustPreviewUI(t, ctx, "/comptes/import", "Importer des élèves", csv)
	assert.Contains(t, counts, "2 compte(s) à créer")
	assert.Contains(t, counts, "1 compte(s) à mettre à jour, dont 1 changement(s) de classe")
	assert.Contains(t, apptest.MustText(t, ctx, "#rejected"), "Date de naissance manquante.")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "import-preview-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	// On a phone each row is a block: its number is labelled, at its start.
	line := apptest.MustRun(t, ctx, chromedp.Evaluate[string](`(() => { const td = document.querySelector('#rejected td.num');
		return getComputedStyle(td, '::before').content + '|' + getComputedStyle(td).textAlign; })()`))
	assert.Equal(t, `"Ligne : "|start`, line)
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "import-preview-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#import-confirm button`)))
	done := apptest.MustWaitText(t, ctx, "#import-done", "Import terminé")
	assert.Contains(t, done, "2 compte(s) créé(s), 1 mis à jour")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#slip-classes a`)))
	apptest.MustWaitText(t, ctx, "h1", "Comptes — Tle MSPC")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "accounts-class-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "accounts-class-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())
	name, pdf := mustClickDownload(t, ctx, dir, `#slips-form button[value="pdf"]`)
	assert.Equal(t, "Identifiants Tle MSPC.pdf", name)
	slips := slipsOf(t, pdfPages(t, pdf))
	assert.Len(t, slips, 2, "the new accounts; Lucas keeps his password")
	pfLogout(t, ctx)

	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustLoginUI(t, ctx, a.URL, "aicha.ndiaye", slips["aicha.ndiaye"])
	apptest.MustWaitURL(t, ctx, "the password page", func(u *url.URL) bool { return u.Path == "/mot-de-passe" })
	assert.Contains(t, apptest.MustText(t, ctx, "#pw-rule"), "Au moins 10 caractères")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "password-first-login-phone.png"))
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#f-mot_de_passe`), "court"),
		chromedp.SendKeys(chromedp.CSS(`#f-confirmation`), "court"),
		chromedp.Click(chromedp.CSS(`form[action="/mot-de-passe"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#e-mot_de_passe", "Mot de passe trop court")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "password-refused-phone.png"))
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.CSS(`#f-mot_de_passe`), "le chat de 2008 !"),
		chromedp.SendKeys(chromedp.CSS(`#f-confirmation`), "le chat de 2008 !"),
		chromedp.Click(chromedp.CSS(`form[action="/mot-de-passe"] button[type="submit"]`)))
	apptest.MustWaitURL(t, ctx, "the student's home", func(u *url.URL) bool { return u.Path == "/mes-periodes" })
	apptest.MustWaitText(t, ctx, "main", "Mot de passe enregistré")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "student-home-after-password-phone.png"))
	a.MustLogin(t, "aicha.ndiaye", "le chat de 2008 !")
}

// mustPreviewUI follows the page's link to an import's form, sends the file and returns the
// preview's counts.
func mustPreviewUI(t *testing.T, ctx context.Context, link, heading, csv string) string {
	t.Helper()
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`a[href="`+link+`"]`)))
	apptest.MustWaitText(t, ctx, "h1", heading)
	apptest.MustDo(t, ctx,
		chromedp.SetUploadFiles(chromedp.CSS(`#f-fichier`), []string{csv}),
		chromedp.Click(chromedp.CSS(`#import-form button[type="submit"]`)))
	return apptest.MustWaitText(t, ctx, "#import-counts", "compte(s) à créer")
}
