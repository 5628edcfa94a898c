package web_test

import (
	"html"
	"net/url"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/pfmp"
)

// closeWithLeaver closes the year through the pages with one student leaving, then moves the
// clock past her retention.
func closeWithLeaver(t *testing.T, a *apptest.App, admin *apptest.Client, studentID string) {
	t.Helper()
	r := admin.PostForm("/annee/cloture", url.Values{"depart": {studentID}, "confirmer": {"oui"}})
	require.Equal(t, 303, r.Status, alertOf(r.Body))
	mustPollDone(t, admin, r.Header.Get("Location"), time.Minute, "the closing")
	a.Clock.Set(a.Clock.Now().AddDate(2, 0, 0))
}

// The preview of one leaver's purge speaks of one student in the singular, her dates written
// out like every date of the year's pages. The emails about her dossier that went to the outbox
// folder (no SMTP server) name her and her tutor: the purge deletes their files, and only theirs.
func TestPurgeOfOneLeaverPreviewAndOutbox(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	period := a.MustFind(t, "periods", "name", demoE31)
	manon := a.MustFind(t, "users", "username", "manon.girard")
	outboxLink(t, admin, period.Id, a.MustPlacement(t, demoE31, "manon.girard").Id, "tuteur.manon@usine.example")
	outboxLink(t, admin, period.Id, a.MustPlacement(t, demoE31, "sarah.bonnet").Id, "tuteur.sarah@usine.example")
	files := waitOutbox(t, a, 2)
	closeWithLeaver(t, a, admin, manon.Id)

	// The year's page counts the students due without collecting their records.
	var collected atomic.Int64
	countQueries(t, a, func(sql string) {
		if strings.Contains(sql, "mail_log") {
			collected.Add(1)
		}
	})
	require.Contains(t, textOf(element(t, admin.Get("/annee").Body, `id="purge-state"`)), "1 élève(s)")
	require.Zero(t, collected.Load(), "no record collected for a count")

	preview := admin.Get("/annee/purge").Body
	require.NotContains(t, preview, "(s)")
	counts := html.UnescapeString(textOf(element(t, preview, `id="purge-counts"`)))
	for _, want := range []string{"1 compte d'élève", "1 dossier (fiche de liaison, portfolio)", "1 accès de tuteur",
		"1 archive de fin d'année", "1 courriel envoyé au sujet de ces dossiers"} {
		require.Contains(t, counts, want)
	}
	require.Contains(t, preview, "Je confirme la suppression définitive des données de cet élève.")
	require.Contains(t, preview, `<td data-label="Parti le">`+pfmp.FormatLong(apptest.DefaultNow)+`</td>`)
	require.Contains(t, preview, "Le compte de tuteur suivant ne sert qu&#39;à ces dossiers et sera supprimé aussi")

	r := admin.PostForm("/annee/purge", url.Values{"eleve": {manon.Id}, "confirmer": {"oui"}})
	require.Equal(t, 303, r.Status, alertOf(r.Body))
	var kept []string
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			kept = append(kept, f)
		}
	}
	require.Len(t, kept, 1, "Manon's email is gone, Sarah's stays")
	body, err := os.ReadFile(kept[0])
	require.NoError(t, err)
	require.Contains(t, string(body), "tuteur.sarah@usine.example")
}
