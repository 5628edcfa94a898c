package web_test

import (
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// Helpers of the print tests: real PDFs, read back with pdftotext (poppler-utils).

// preconventionTitles are the six section titles of a printed pré-convention, as far as their
// first line goes.
var preconventionTitles = []string{
	"1. Horaires journaliers de l'élève",
	"2. Modalités de concertation entre le(s) enseignant(s) référent(s)",
	"3. Objectifs assignés et compétences à acquérir",
	"4. Activités prévues en milieu professionnel",
	"5. Travaux effectués, équipements ou produits utilisés",
	"6. Modalités d'évaluation",
}

// mustPDF checks a response is a PDF download and returns its file name and its pages' text.
func mustPDF(t *testing.T, r *apptest.Response) (name string, pages []string) {
	t.Helper()
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Equal(t, "application/pdf", r.Header.Get("Content-Type"))
	require.True(t, strings.HasPrefix(r.Body, "%PDF-"), "not a PDF")
	kind, params, err := mime.ParseMediaType(r.Header.Get("Content-Disposition"))
	require.NoError(t, err)
	require.Equal(t, "attachment", kind)
	return params["filename"], pdfPages(t, []byte(r.Body))
}

// pdfPages is the text of each page of pdf, as pdftotext lays it out.
func pdfPages(t *testing.T, pdf []byte) []string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command("pdftotext", "-layout", path, "-").CombinedOutput()
	require.NoError(t, err, string(out))
	pages := strings.Split(string(out), "\f")
	return pages[:len(pages)-1] // pdftotext ends every page with a form feed
}

// mustBatchDone polls a batch's page as htmx does until its print is over, and returns the
// last progress fragment.
func mustBatchDone(t *testing.T, c *apptest.Client, batch string) string {
	t.Helper()
	return mustPollDone(t, c, batch, 60*time.Second, "the batch")
}

// mustPollDone polls a background job's page as htmx does (every second while it runs) until
// it stops polling, and returns its last fragment.
func mustPollDone(t *testing.T, c *apptest.Client, page string, limit time.Duration, what string) string {
	t.Helper()
	deadline := time.Now().Add(limit)
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for {
		r := c.Get(page, "HX-Request", "true")
		require.Equal(t, http.StatusOK, r.Status, r.Body)
		if !strings.Contains(r.Body, `hx-trigger="every 1s"`) {
			return r.Body
		}
		require.True(t, time.Now().Before(deadline), "%s is still running: %s", what, r.Body)
		<-tick.C
	}
}

// mustStartBatch starts the pré-conventions of a period as c and returns the batch's page.
func mustStartBatch(t *testing.T, c *apptest.Client, periodID string) string {
	t.Helper()
	r := c.PostForm("/periodes/"+periodID+"/preconvention/impression", url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	batch := r.Header.Get("Location")
	require.Regexp(t, `^/impressions/[A-Za-z0-9]+$`, batch)
	return batch
}

// mustFillPeriod adds students to the class of a period and to the period until it has n.
func mustFillPeriod(t *testing.T, a *apptest.App, period *core.Record, n int) []string {
	t.Helper()
	class := a.MustFind(t, "classes", "name", "1re MSPC")
	have, err := a.PB.CountRecords("placements", dbx.HashExp{"period": period.Id})
	require.NoError(t, err)
	firstNames := []string{"Zoé", "Élodie", "Maël", "Anaïs", "Noé", "Jérôme", "Loïc", "Hélène"}
	var added []string
	for i := int(have); i < n; i++ {
		first, last := firstNames[i%len(firstNames)], fmt.Sprintf("Élève%02d", i)
		st := a.MustRecord(t, "users", map[string]any{"role": "student", "username": fmt.Sprintf("eleve.%02d", i),
			"first_name": first, "last_name": last, "class": class.Id, "status": "scolaire", "password": "motdepasse-long"})
		a.MustRecord(t, "placements", map[string]any{"period": period.Id, "student": st.Id})
		added = append(added, first+" "+strings.ToUpper(last))
	}
	return added
}
