package web_test

import (
	"net/url"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
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

// The emails about a purged dossier that went to the outbox folder (no SMTP server) name the
// student and her tutor: the purge deletes their files, and only theirs.
func TestPurgeDeletesTheLeaversOutboxFiles(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	period := a.MustFind(t, "periods", "name", demoE31)
	manon := a.MustFind(t, "users", "username", "manon.girard")
	outboxLink(t, admin, period.Id, a.MustPlacement(t, demoE31, "manon.girard").Id, "tuteur.manon@usine.example")
	outboxLink(t, admin, period.Id, a.MustPlacement(t, demoE31, "sarah.bonnet").Id, "tuteur.sarah@usine.example")
	files := waitOutbox(t, a, 2)
	closeWithLeaver(t, a, admin, manon.Id)

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
