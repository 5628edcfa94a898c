package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/print"
)

// stallImage serves an image whose request hangs until release: a document showing it holds a
// print worker for as long as the test wants.
type stallImage struct {
	*httptest.Server
	arrived, released chan struct{}
}

func newStallImage(t *testing.T) *stallImage {
	s := &stallImage{arrived: make(chan struct{}, 1), released: make(chan struct{})}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.arrived <- struct{}{}
		select {
		case <-s.released:
		case <-r.Context().Done():
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		fmt.Fprint(w, `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`)
	}))
	t.Cleanup(s.Close)
	return s
}

// hold prints a document showing the image on printer, and returns once Chromium waits for it.
func (s *stallImage) hold(t *testing.T, printer *print.Service) {
	t.Helper()
	doc := print.Document{Title: "bloque", HTML: []byte(`<!doctype html><p>bloque</p><img src="` + s.URL + `/img.svg">`)}
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, _ = printer.PDF(context.Background(), doc)
	}()
	t.Cleanup(func() { s.release(); <-done })
	select {
	case <-s.arrived:
	case <-time.After(30 * time.Second):
		t.Fatal("Chromium never asked for the image")
	}
}

func (s *stallImage) release() {
	select {
	case <-s.released:
	default:
		close(s.released)
	}
}

// TestBrowserTeacherPrintsThePeriodsPreconventions: from the period's menu, the common hours
// typed once, then the whole period printed in the background: the page shows the progress
// while the only print worker is busy, then, polled by htmx without leaving it, offers the PDF,
// which downloads under its French name.
func TestBrowserTeacherPrintsThePeriodsPreconventions(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t, apptest.WithPrintOptions(print.Options{Workers: 1}))
	period := a.MustFind(t, "periods", "name", demoE31)
	shots := apptest.ShotsDir()
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=1re&periode="+period.Id))
	apptest.MustWaitText(t, ctx, "#student-list", "Lucas LAMBERT")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS("#period-menu summary")),
		chromedp.Click(chromedp.Search(`//details[@id="period-menu"]//a[contains(., "Ouvrir pour imprimer la pré-convention pour tous")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Pré-conventions de la période")
	apptest.MustDo(t, ctx, chromedp.SendKeys(chromedp.ID("f-hours"), "8 h – 12 h et 13 h 30 – 17 h"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`form[action$="/preconvention"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Textes communs enregistrés")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "preconvention-periode-phone.png"))

	// The only worker is busy: the batch waits, and its page says so at once.
	stall := newStallImage(t)
	stall.hold(t, a.Printer)
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("print-all")))
	page := apptest.MustWaitURL(t, ctx, "the batch's page", func(u *url.URL) bool { return strings.HasPrefix(u.Path, "/impressions/") })
	apptest.MustWaitText(t, ctx, "#batch", "Impression en cours : 0 / 6 élèves")
	require.Equal(t, "6", apptest.MustRun(t, ctx, chromedp.AttributeValue(chromedp.ID("batch-progress"), "max")).Value)
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "impression-en-cours-phone.png"))

	// The worker is freed: the polled block turns into the download, on the same page.
	stall.release()
	apptest.MustWaitText(t, ctx, "#batch", "Impression terminée")
	require.Equal(t, page.String(), apptest.MustLocation(t, ctx).String())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "impression-terminee-phone.png"))

	dir := t.TempDir()
	begin := chromedp.Events(ctx, browser.DownloadWillBegin)
	progress := chromedp.Events(ctx, browser.DownloadProgress)
	apptest.MustDo(t, ctx, apptest.AllowDownloads(dir), chromedp.Click(chromedp.ID("batch-file")))
	var suggested string
	for ev, err := range begin {
		require.NoError(t, err)
		suggested = ev.SuggestedFilename
		break
	}
	require.Equal(t, "Annexes PFMP 1re MSPC — E31.pdf", suggested)
	var file string
	for ev, err := range progress {
		require.NoError(t, err)
		require.NotEqual(t, browser.DownloadProgressStateCanceled, ev.State)
		if ev.State == browser.DownloadProgressStateCompleted {
			file = filepath.Join(dir, ev.GUID)
			break
		}
	}
	pdf, err := os.ReadFile(file)
	require.NoError(t, err)
	text := strings.Join(pdfPages(t, pdf), "\n")
	require.Equal(t, 6, strings.Count(text, "8 h – 12 h et 13 h 30 – 17 h"), "the common hours on every pré-convention")
	require.Contains(t, text, "Lucas LAMBERT")
}

// TestBrowserStudentTypesHisAttestation: on a phone, from his dossier, the student types the
// attestation's fields before printing it, and reads his pré-convention without a form.
func TestBrowserStudentTypesHisAttestation(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	shots := apptest.ShotsDir()
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	a.MustBrowserSession(t, ctx, "lucas.lambert", demo.Password)
	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+lucas.Id))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//section[@aria-labelledby="docs-title"]//a[contains(., "Attestation de présence")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Attestation de présence")
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.ID("f-student_address"), "3, rue Verte 76000 Rouen"),
		chromedp.SendKeys(chromedp.ID("f-hours"), "140"),
		chromedp.Click(chromedp.CSS(`form[action$="/attestation"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Attestation enregistrée.")
	require.Equal(t, "140", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-hours"))))
	require.Equal(t, "140", a.MustPlacement(t, demoE31, "lucas.lambert").GetString("attestation_hours"))
	require.Equal(t, "Imprimer (PDF)", apptest.MustText(t, ctx, "#print-pdf"))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "attestation-phone.png"))

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+lucas.Id))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//section[@aria-labelledby="docs-title"]//a[contains(., "Pré-convention")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Pré-convention")
	apptest.MustWaitText(t, ctx, "#main", "À compléter à la main sur le document imprimé.")
	require.Zero(t, apptest.MustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#main textarea").length`)))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "preconvention-eleve-phone.png"))
}
