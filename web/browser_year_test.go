package web_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// The administrator closes the year through the pages: the preview, one student marked
// leaving, the confirmation, the progress to its end; the leaver then downloads her archive
// from her home.
func TestBrowserYearEnd(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	manon := a.MustFind(t, "users", "username", "manon.girard")
	dir := t.TempDir()
	shots := filepath.Join(os.TempDir(), "livret-shots")
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.DesktopViewport(), allowDownloads(dir))

	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.mainnav a[href="/annee"]`)))
	apptest.MustWaitText(t, ctx, "h1", "Fin d'année scolaire")
	apptest.MustWaitText(t, ctx, "#archives-none", "Aucune archive conservée")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("year-close-link")))
	apptest.MustWaitText(t, ctx, "h1", "Clôturer l'année scolaire 2025-2026")
	apptest.MustDo(t, ctx,
		chromedp.Click(chromedp.CSS(`input[name="depart"][value="`+manon.Id+`"]`)),
		chromedp.Click(chromedp.ID("preview-update")))
	apptest.MustWaitText(t, ctx, "#archive-count", "1")
	assert.Contains(t, apptest.MustText(t, ctx, "#st-"+manon.Id), "Quitte l'établissement")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-close-preview-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-close-preview-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport(),
		chromedp.Click(chromedp.ID("f-confirmer")),
		chromedp.Click(chromedp.ID("year-close-confirm")))
	done := apptest.MustWaitText(t, ctx, "#close-done", "Année clôturée")
	assert.Contains(t, done, "1 départ(s), 1 archive(s) conservée(s)")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-close-done-desktop.png"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`.actions a[href="/annee"]`)))
	apptest.MustWaitText(t, ctx, "h1", "Fin d'année scolaire")
	assert.Contains(t, apptest.MustWaitText(t, ctx, "#archives", "Manon GIRARD"), "2025-2026")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-archives-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-archives-phone.png"))
	name, zip := mustClickDownload(t, ctx, dir, `#archives a[href^="/annee/archives/"]`)
	assert.Equal(t, "Archive Manon Girard 2025-2026.zip", name)
	require.Contains(t, zipEntries(t, string(zip))["LISEZMOI.txt"], "Manon GIRARD")
	apptest.MustDo(t, ctx, apptest.DesktopViewport(), chromedp.Click(chromedp.ID("purge-link")))
	apptest.MustWaitText(t, ctx, "h1", "Supprimer les données")
	apptest.MustWaitText(t, ctx, "#purge-next", "Prochaine suppression possible le")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-purge-desktop.png"))
	pfLogout(t, ctx)

	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	pfLogin(t, ctx, a, "manon.girard")
	apptest.MustWaitText(t, ctx, "#my-archive", "archive de fin d'année 2025-2026")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "student-my-data-phone.png"))
	name, zip = mustClickDownload(t, ctx, dir, "#my-archive-download")
	assert.Equal(t, "Archive Manon Girard 2025-2026.zip", name)
	require.Contains(t, zipEntries(t, string(zip))["LISEZMOI.txt"], "Manon GIRARD")
	pfLogout(t, ctx)

	// A year later, the purge: its preview, its confirmation, its record.
	a.Clock.Set(a.Clock.Now().AddDate(1, 0, 1))
	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/annee/purge"))
	assert.Contains(t, apptest.MustWaitText(t, ctx, "#purge-students", "Manon GIRARD"), "Manon GIRARD")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-purge-preview-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-purge-preview-desktop.png"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("f-confirmer")), chromedp.Click(chromedp.ID("purge-confirm")))
	assert.Contains(t, apptest.MustWaitText(t, ctx, "#purges", "1 élève"), "1 élève, 0 tuteur, ")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "year-purge-done-desktop.png"))
}
