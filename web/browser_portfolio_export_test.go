package web_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// mustClickDownload clicks the link and waits until the download it starts has completed;
// it returns the name the browser was given for the file, and the file's content.
func mustClickDownload(t *testing.T, ctx context.Context, dir, selector string) (string, []byte) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, apptest.StepTimeout)
	defer cancel()
	begun := chromedp.Events(sctx, browser.DownloadWillBegin)
	progress := chromedp.Events(sctx, browser.DownloadProgress)
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(selector)))
	var name, guid string
	for ev, err := range begun {
		require.NoError(t, err, "no download began after clicking %s", selector)
		name, guid = ev.SuggestedFilename, ev.GUID
		break
	}
	for ev, err := range progress {
		require.NoError(t, err, "the download of %s did not complete", name)
		if ev.GUID == guid && ev.State == browser.DownloadProgressStateCompleted {
			break
		}
		require.NotEqual(t, browser.DownloadProgressStateCanceled, ev.State, "download of %s canceled", name)
	}
	content, err := os.ReadFile(filepath.Join(dir, guid))
	require.NoError(t, err)
	return name, content
}

// The student exports his portfolio as DOCX from his phone; his teacher exports it as PDF.
func TestBrowserPortfolioExport(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	r := mustRichDossier(t, a)
	dir := t.TempDir()
	page := a.URL + "/dossiers/" + r.placement.Id + "/portfolio/entreprise"
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, pfOffline(), apptest.PhoneViewport(), apptest.AllowDownloads(dir))

	pfLogin(t, ctx, a, "lucas.lambert")
	apptest.MustDo(t, ctx, chromedp.Navigate(page))
	buttons := apptest.MustWaitText(t, ctx, `[role="group"][aria-labelledby="export-label"]`, "Exporter (DOCX)")
	for _, label := range []string{"Exporter (ODT)", "Exporter (PDF)", "Version imprimable"} {
		assert.Contains(t, buttons, label)
	}
	apptest.MustScreenshot(t, ctx, filepath.Join(os.TempDir(), "livret-shots", "portfolio-export-phone.png"))
	name, docx := mustClickDownload(t, ctx, dir, `a[href$="/portfolio.docx"]`)
	assert.Equal(t, "Portfolio "+demoE31+" Lucas Lambert.docx", name)
	assert.Equal(t, "PK\x03\x04", string(docx[:4]), "a zip: the DOCX package")
	assert.Equal(t, page, apptest.MustLocation(t, ctx).String(), "the page stays")
	pfLogout(t, ctx)

	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, apptest.DesktopViewport(), chromedp.Navigate(page))
	apptest.MustWaitText(t, ctx, `[role="group"][aria-labelledby="export-label"]`, "Exporter (PDF)")
	apptest.MustScreenshot(t, ctx, filepath.Join(os.TempDir(), "livret-shots", "portfolio-export-desktop.png"))
	name, pdf := mustClickDownload(t, ctx, dir, `a[href$="/portfolio.pdf"]`)
	assert.Equal(t, "Portfolio "+demoE31+" Lucas Lambert.pdf", name)
	assert.Equal(t, "%PDF-", string(pdf[:5]))
}
