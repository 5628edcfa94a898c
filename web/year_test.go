package web_test

import (
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// Every page of the end of the year is the school administrator's: another teacher gets 403.
func TestYearPagesAreTheAdministrators(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	benali := a.MustLogin(t, "prof.benali", demo.Password)
	for _, path := range []string{"/annee", "/annee/cloture", "/annee/cloture/inconnue", "/annee/purge"} {
		require.Equal(t, 403, benali.Get(path).Status, path)
	}
	for _, path := range []string{"/annee/conservation", "/annee/cloture", "/annee/purge"} {
		require.Equal(t, 403, benali.PostForm(path, url.Values{"mois": {"24"}, "confirmer": {"oui"}}).Status, path)
	}
	require.NotContains(t, benali.Get("/periodes").Body, `href="/annee"`, "no menu entry either")
	require.Contains(t, a.MustLogin(t, "prof.martin", demo.Password).Get("/periodes").Body, `href="/annee"`)
}

var jobRe = regexp.MustCompile(`^/annee/cloture/[0-9a-f]+$`)

// The year's end through the pages: the retention changed and listed, the closing previewed
// and confirmed with one student marked leaving, its progress followed to the end, the
// leaver's archive downloaded from her home, a second closing refused; a year later the purge.
func TestYearEndThroughThePages(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	manon := a.MustFind(t, "users", "username", "manon.girard")

	r := admin.PostForm("/annee/conservation", url.Values{"mois": {"abc"}})
	require.Equal(t, 422, r.Status)
	require.Contains(t, r.Body, `value="abc"`, "the form comes back with what was typed")
	require.Equal(t, 303, admin.PostForm("/annee/conservation", url.Values{"mois": {"13"}}).Status)
	page := admin.Get("/annee").Body
	require.Contains(t, page, "12 mois</td><td data-label=\"Nouvelle durée\">13 mois")
	require.Contains(t, page, "Claire MARTIN")

	preview := admin.Get("/annee/cloture").Body
	require.Contains(t, preview, "Devient <strong>1re PMIA</strong>")
	require.Contains(t, preview, "Devient <strong>Tle MSPC</strong>")
	require.Contains(t, admin.Get("/annee/cloture?depart="+manon.Id).Body, `<strong id="archive-count">1</strong>`)

	r = admin.PostForm("/annee/cloture", url.Values{"depart": {manon.Id}})
	require.Equal(t, 422, r.Status, "not confirmed")
	require.Contains(t, r.Body, "Cochez la case de confirmation")
	r = admin.PostForm("/annee/cloture", url.Values{"depart": {manon.Id}, "confirmer": {"oui"}})
	require.Equal(t, 303, r.Status, alertOf(r.Body))
	job := r.Header.Get("Location")
	require.Regexp(t, jobRe, job)
	done := mustPollDone(t, admin, job, time.Minute, "the closing")
	require.Contains(t, done, "1 départ(s), 1 archive(s) conservée(s), 2 classe(s) montée(s)")
	require.Equal(t, 403, a.MustLogin(t, "prof.benali", demo.Password).Get(job).Status)

	require.Equal(t, 409, admin.PostForm("/annee/cloture", url.Values{"confirmer": {"oui"}}).Status, "a year is closed once")
	require.Contains(t, admin.Get("/annee/cloture").Body, `id="year-closed"`)

	student := a.MustLogin(t, "manon.girard", demo.Password)
	home := student.Get("/mes-periodes").Body
	require.Contains(t, home, `id="my-archive"`)
	require.Contains(t, home, "11 avril 2027", "kept for the 13 months chosen")
	stored := student.Get("/mes-donnees/archive")
	require.Equal(t, 200, stored.Status)
	files := zipEntries(t, stored.Body)
	require.Contains(t, files["LISEZMOI.txt"], "Manon GIRARD")
	require.Contains(t, files, "01 PFMP 1re MSPC — E31/Portfolio PFMP 1re MSPC — E31 Manon Girard.odt")
	require.Equal(t, 200, student.Get("/mes-donnees").Status, "her own data, on demand, after the closing too")

	require.Contains(t, admin.Get("/annee/purge").Body, `id="purge-none"`, "nothing is due yet")
	a.Clock.Set(a.Clock.Now().AddDate(1, 2, 0))
	purge := admin.Get("/annee/purge").Body
	require.Contains(t, purge, "Manon GIRARD")
	require.Equal(t, 422, admin.PostForm("/annee/purge", url.Values{"eleve": {manon.Id}}).Status, "not confirmed")
	r = admin.PostForm("/annee/purge", url.Values{"eleve": {manon.Id}, "confirmer": {"oui"}})
	require.Equal(t, 303, r.Status, alertOf(r.Body))
	after := admin.Get("/annee/purge").Body
	require.Contains(t, after, "1 élève, 0 tuteur, ")
	require.NotContains(t, after, "Manon")
	require.Equal(t, 303, student.Get("/mes-periodes").Status, "her session ended with her account")
}

// After the rentrée's students' import, the closing's page explains why the year just ended
// can no longer be closed, offers no form, and a posted closing is refused.
func TestYearCloseRefusedAfterTheNextYearsImport(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	a.Clock.Set(time.Date(2026, time.September, 7, 8, 0, 0, 0, time.UTC))
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	require.NotContains(t, admin.Get("/annee/cloture").Body, "déjà commencé", "no invitation to close late")
	a.MustRecord(t, "audit_log", map[string]any{"action": "import_eleves", "collection": "users"})

	page := admin.Get("/annee/cloture").Body
	require.Contains(t, page, `id="year-refused"`)
	require.Contains(t, page, "une seconde fois")
	require.NotContains(t, page, `id="year-close-form"`)
	r := admin.PostForm("/annee/cloture", url.Values{"confirmer": {"oui"}})
	require.Equal(t, 409, r.Status)
	require.Contains(t, r.Body, "une seconde fois")
}

// A student marked both leaving and repeating: the preview refuses the marks naming him,
// both boxes still ticked so the administrator sees which row to correct.
func TestYearCloseNamesTheStudentMarkedTwice(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	manon := a.MustFind(t, "users", "username", "manon.girard")
	r := admin.PostForm("/annee/cloture", url.Values{"depart": {manon.Id}, "redouble": {manon.Id}, "apercu": {"oui"}})
	require.Equal(t, 422, r.Status)
	require.Contains(t, alertOf(r.Body), "Manon GIRARD")
	row := element(t, r.Body, `id="st-`+manon.Id+`"`)
	require.Contains(t, row, `name="depart" value="`+manon.Id+`" checked`)
	require.Contains(t, row, `name="redouble" value="`+manon.Id+`" checked`)
}
