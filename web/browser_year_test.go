package web_test

import (
	"fmt"
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
	shots := apptest.ShotsDir()
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.DesktopViewport(), apptest.AllowDownloads(dir))

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
	assert.NotContains(t, apptest.MustLocation(t, ctx).RawQuery, "_csrf", "the preview keeps the form's token out of the address")
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

// studentRow is one student's row of the closing's preview, as laid out.
type studentRow struct {
	Height, LeaveTop, RepeatTop, LeaveRight, RepeatLeft float64
	RepeatRight, WrapRight, PageWide                    float64
	WrapScrolls                                         bool
}

// On a phone the closing's preview gives each student one compact row, the two marks side by
// side: a class of 30 stays a short scroll.
func TestBrowserYearClosePreviewOnAPhone(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	class := a.MustRecord(t, "classes", map[string]any{"name": "2de MELEC", "level": "2de"})
	for i := range 30 {
		a.MustRecord(t, "users", map[string]any{"role": "student", "username": fmt.Sprintf("eleve.melec%02d", i),
			"first_name": "Marie-Charlotte", "last_name": fmt.Sprintf("DE LA FONTAINE-%02d", i), "class": class.Id,
			"password": "x-123456789"})
	}
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/annee/cloture"))
	apptest.MustWaitText(t, ctx, "h1", "Clôturer l'année scolaire")
	rows := apptest.MustRun(t, ctx, chromedp.Evaluate[[]studentRow](`[...document.querySelectorAll(".year-students tbody tr")].map(tr => {
		const leave = tr.querySelector('input[name="depart"]').closest("label").getBoundingClientRect();
		const repeat = tr.querySelector('input[name="redouble"]').closest("label").getBoundingClientRect();
		const wrap = tr.closest(".table-wrap");
		return {Height: tr.getBoundingClientRect().height, LeaveTop: leave.top, RepeatTop: repeat.top,
			LeaveRight: leave.right, RepeatLeft: repeat.left, RepeatRight: repeat.right,
			WrapRight: wrap.getBoundingClientRect().right, WrapScrolls: wrap.scrollWidth > wrap.clientWidth,
			PageWide: document.documentElement.scrollWidth};
	})`))
	require.Len(t, rows, 42, "the demo's 12 students and the 30 of 2de MELEC")
	for i, r := range rows {
		assert.LessOrEqual(t, r.Height, 80.0, "row %d: one compact row (it took 400 px)", i)
		assert.Equal(t, r.LeaveTop, r.RepeatTop, "row %d: the two marks on one line", i)
		assert.LessOrEqual(t, r.LeaveRight, r.RepeatLeft, "row %d: side by side", i)
		assert.LessOrEqual(t, r.RepeatRight, r.WrapRight, "row %d: the marks within the card", i)
		assert.False(t, r.WrapScrolls, "row %d: nothing hidden sideways", i)
		assert.LessOrEqual(t, r.PageWide, float64(apptest.PhoneWidth), "nothing scrolls sideways")
	}
	apptest.MustScreenshot(t, ctx, filepath.Join(os.TempDir(), "livret-shots", "year-close-30-phone.png"))
}
