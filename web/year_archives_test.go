package web_test

import (
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/pfmp"
)

// mustCloseThroughThePages closes the year with one student leaving, as the administrator
// does, and waits for the closing's end.
func mustCloseThroughThePages(t *testing.T, admin *apptest.Client, leaverID string) {
	t.Helper()
	r := admin.PostForm("/annee/cloture", url.Values{"depart": {leaverID}, "confirmer": {"oui"}})
	require.Equal(t, 303, r.Status, alertOf(r.Body))
	require.Contains(t, mustPollDone(t, admin, r.Header.Get("Location"), time.Minute, "the closing"), `id="close-done"`)
}

// The administrator finds the leavers' archives on « Fin d'année scolaire » and downloads
// them; after a retention change, the date shown to him and to the student is the day the
// purge preview takes her, and announced before as the next purge.
func TestYearArchivesListedDownloadedAndDatedByTheRetention(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	manon := a.MustFind(t, "users", "username", "manon.girard")
	class := a.MustFind(t, "classes", "id", manon.GetString("class")).GetString("name")

	hub := admin.Get("/annee").Body
	require.Contains(t, hub, `id="archives-none"`, "no archive before the closing")
	require.Contains(t, hub, "aucun élève parti n'attend de suppression")

	left := a.Clock.Now()
	mustCloseThroughThePages(t, admin, manon.Id)
	stored := a.MustFind(t, "archives", "student", manon.Id)
	hub = admin.Get("/annee").Body
	require.Contains(t, hub, `<td data-label="Élève">Manon GIRARD</td><td data-label="Classe quittée">`+class+`</td><td data-label="Année scolaire">2025-2026</td>`)
	require.Contains(t, hub, `href="/annee/archives/`+stored.Id+`"`)
	until := pfmp.FormatLong(pfmp.PurgeDate(left, pfmp.DefaultRetentionMonths))
	require.Contains(t, hub, `<td data-label="Disponible jusqu'au">`+until+`</td>`)
	require.Contains(t, hub, "prochaine suppression possible le "+until)

	r := admin.Get("/annee/archives/" + stored.Id)
	require.Equal(t, 200, r.Status)
	require.Equal(t, "application/zip", r.Header.Get("Content-Type"))
	require.Contains(t, r.Header.Get("Content-Disposition"), "filename*=UTF-8''Archive%20Manon%20Girard%202025-2026.zip")
	require.Contains(t, zipEntries(t, r.Body)["LISEZMOI.txt"], "Manon GIRARD")
	require.Equal(t, 403, a.MustLogin(t, "prof.benali", demo.Password).Get("/annee/archives/"+stored.Id).Status, "not the administrator")
	student := a.MustLogin(t, "manon.girard", demo.Password)
	require.Equal(t, 403, student.Get("/annee/archives/"+stored.Id).Status, "hers through her own page only")

	require.Equal(t, 303, admin.PostForm("/annee/conservation", url.Values{"mois": {"3"}}).Status)
	purgeDay := pfmp.PurgeDate(left, 3)
	until = pfmp.FormatLong(purgeDay)
	require.Contains(t, admin.Get("/annee").Body, `<td data-label="Disponible jusqu'au">`+until+`</td>`, "the retention in force")
	require.Contains(t, student.Get("/mes-periodes").Body, "jusqu'au "+until)

	a.Clock.Set(purgeDay.Add(-time.Minute))
	purge := admin.Get("/annee/purge").Body
	require.Contains(t, purge, `id="purge-none"`)
	require.Contains(t, purge, "Prochaine suppression possible le "+until)
	a.Clock.Set(purgeDay.Add(8 * time.Hour))
	purge = admin.Get("/annee/purge").Body
	require.Contains(t, purge, `<td data-label="Conservé jusqu'au">`+pfmp.FormatLong(purgeDay)+`</td>`)
	require.Contains(t, purge, "Manon GIRARD")
	require.Contains(t, admin.Get("/annee").Body, "<strong>1 élève(s)</strong> ont dépassé la durée de conservation")
}

// Closed in the summer holidays or after a forgotten rentrée, the page names the year that
// has just ended, and says why.
func TestYearClosePageNamesTheYearJustEnded(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	for at, note := range map[time.Time]string{
		time.Date(2026, time.August, 20, 8, 0, 0, 0, time.UTC):   "s&#39;est terminée en juillet 2026",
		time.Date(2026, time.September, 7, 8, 0, 0, 0, time.UTC): "avant d&#39;importer les listes d&#39;élèves de 2026-2027",
		time.Date(2026, time.June, 30, 8, 0, 0, 0, time.UTC):     "se termine en juillet 2026",
	} {
		a.Clock.Set(at)
		page := admin.Get("/annee/cloture").Body
		require.Contains(t, page, "<h1>Clôturer l'année scolaire 2025-2026</h1>", at)
		require.Contains(t, page, note, at)
		require.Contains(t, admin.Get("/annee").Body, "Année scolaire à clôturer : <strong>2025-2026</strong>", at)
	}
}
