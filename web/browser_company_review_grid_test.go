package web_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// The teacher prepares the meeting from the bilan entreprise: « Préparer la rencontre (grille
// papier) » downloads the grid to print, named as the reference system names it.
func TestBrowserTeacherPrintsThePaperGrid(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "lea.dupont")
	dir := t.TempDir()
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, pfOffline(), apptest.AllowDownloads(dir))
	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/bilan-entreprise"))
	apptest.MustWaitText(t, ctx, "#paper-grid", "Préparer la rencontre (grille papier)")
	apptest.MustScreenshot(t, ctx, filepath.Join(os.TempDir(), "livret-shots", "bilan-grille-desktop.png"))
	name, pdf := mustClickDownload(t, ctx, dir, "#paper-grid")
	require.Equal(t, "Grille "+demoP2+" Léa Dupont.pdf", name)
	require.Equal(t, "%PDF-", string(pdf[:5]))
}
