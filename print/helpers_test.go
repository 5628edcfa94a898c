package print

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"
)

// shared prints the documents of the content tests: one warm Chromium for all of them.
var shared *Service

func TestMain(m *testing.M) {
	shared = New(Options{})
	code := m.Run()
	shared.Close()
	os.Exit(code)
}

var (
	testSchool = School{Name: "Lycée professionnel Émile Zola", Address: "12 rue des Écoles, 75011 Paris"}
	testPeriod = Period{Name: "PFMP 1", Start: day(1, 5), End: day(1, 30)}
)

func day(month, d int) time.Time { return time.Date(2026, time.Month(month), d, 0, 0, 0, 0, time.UTC) }

var firstNames = []string{"Zoé", "Lucas", "Chloé", "Inès", "Noé", "Léa", "Hugo", "Maël", "Anaïs", "Jules"}

// testStudent is the i-th student of a class, each with a name of their own.
func testStudent(i int) Student {
	return Student{FirstName: firstNames[i%len(firstNames)], LastName: fmt.Sprintf("DUPONT%02d", i), Class: "1re MSPC"}
}

// mustPDF prints a document rendered without error with the shared service.
func mustPDF(t testing.TB, doc Document, renderErr error) []byte {
	t.Helper()
	require.NoError(t, renderErr)
	pdf, err := shared.PDF(context.Background(), doc)
	require.NoError(t, err)
	return pdf
}

// pdfPages is the text of each page of pdf, as pdftotext lays it out.
func pdfPages(t testing.TB, pdf []byte) []string {
	t.Helper()
	out := poppler(t, "pdftotext", pdf, "-layout")
	pages := strings.Split(out, "\f")
	return pages[:len(pages)-1] // pdftotext ends every page with a form feed
}

// pdfText is the whole text of pdf.
func pdfText(t testing.TB, pdf []byte) string {
	return strings.Join(pdfPages(t, pdf), "\n")
}

// poppler runs one of the poppler-utils on pdf and returns what it prints.
func poppler(t testing.TB, tool string, pdf []byte, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	if tool == "pdftotext" {
		args = append(args, path, "-")
	} else {
		args = append(args, path)
	}
	out, err := exec.Command(tool, args...).CombinedOutput()
	require.NoError(t, err, string(out))
	return string(out)
}

// pid is the running Chromium's process id, 0 when none runs.
func (s *Service) pid() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur == nil {
		return 0
	}
	return chromedp.FromContext(s.cur.ctx).Browser.Process().Pid
}

// processGone tells whether the process pid has exited (and was reaped).
func processGone(pid int) bool {
	return syscall.Kill(pid, 0) == syscall.ESRCH
}

// stallServer serves an image whose first stalls requests hang until Chromium drops them:
// a document that shows it is stuck in a worker for as long as the test wants.
type stallServer struct {
	*httptest.Server
	stalls  atomic.Int32
	arrived chan struct{} // one send per stalled request
}

func newStallServer(t testing.TB, stalls int) *stallServer {
	s := &stallServer{arrived: make(chan struct{}, stalls)}
	s.stalls.Store(int32(stalls))
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.stalls.Add(-1) >= 0 {
			s.arrived <- struct{}{}
			<-r.Context().Done()
			return
		}
		w.Header().Set("Content-Type", "image/svg+xml")
		fmt.Fprint(w, `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`)
	}))
	t.Cleanup(s.Close)
	return s
}

// doc is a small document that shows the server's image.
func (s *stallServer) doc(title string) Document {
	return Document{Title: title, Footer: testSchool.Name, HTML: []byte(
		`<!doctype html><title>` + title + `</title><p>` + title + `</p><img src="` + s.URL + `/img.svg">`)}
}

// waitArrived waits until a stalled request has reached the server.
func (s *stallServer) waitArrived(t testing.TB) {
	t.Helper()
	select {
	case <-s.arrived:
	case <-time.After(30 * time.Second):
		t.Fatal("Chromium never asked for the image")
	}
}

// tinyDoc is the smallest document: one line of text.
func tinyDoc(text string) Document {
	return Document{Title: text, Footer: testSchool.Name, HTML: []byte(`<!doctype html><p>` + text + `</p>`)}
}
