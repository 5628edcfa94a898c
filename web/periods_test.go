package web_test

import (
	"context"
	"database/sql"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

func teacher(t *testing.T) (*apptest.App, *apptest.Client) {
	a := apptest.MustStartDemo(t)
	return a, a.MustLogin(t, "prof.martin", demo.Password)
}

func taskIDs(t *testing.T, a *apptest.App, codes ...string) []string {
	var ids []string
	for _, code := range codes {
		ids = append(ids, a.MustFind(t, "tasks", "code", code).Id)
	}
	return ids
}

func TestAnnexeCreateKeepsTypedValuesOnError(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	tasks := taskIDs(t, a, "A1T1", "A3T2")

	bad := c.PostForm("/annexes", url.Values{"name": {""}, "level": {"1re"}, "objectives": {"Mes objectifs"}, "tasks": tasks})
	require.Equal(t, http.StatusUnprocessableEntity, bad.Status)
	require.Contains(t, bad.Body, "Le champ « Nom de l&#39;annexe » est obligatoire.")
	require.Contains(t, bad.Body, "Mes objectifs")
	require.Regexp(t, `value="`+tasks[1]+`" checked`, bad.Body, "ticked tasks stay ticked")

	ok := c.PostForm("/annexes", url.Values{"name": {"Annexe 1re bis"}, "level": {"1re"}, "objectives": {"Mes objectifs"},
		"tasks": append(tasks, "pas-une-tache")})
	require.Equal(t, http.StatusSeeOther, ok.Status)
	saved := a.MustFind(t, "annexes", "name", "Annexe 1re bis")
	require.ElementsMatch(t, tasks, saved.GetStringSlice("tasks"), "unknown task ids are dropped")
}

func TestAnnexeDuplicateAndDelete(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	orig := a.MustFind(t, "annexes", "level", "1re")
	r := c.PostForm("/annexes/"+orig.Id+"/dupliquer", url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	dup := a.MustFind(t, "annexes", "name", "Copie de "+orig.GetString("name"))
	require.Equal(t, orig.GetStringSlice("tasks"), dup.GetStringSlice("tasks"))

	period := a.MustFind(t, "periods", "annexe", orig.Id)
	require.Equal(t, http.StatusSeeOther, c.PostForm("/annexes/"+orig.Id+"/supprimer", url.Values{}).Status)
	_, err := a.PB.FindRecordById("annexes", orig.Id)
	require.Error(t, err)
	kept, err := a.PB.FindRecordById("periods", period.Id)
	require.NoError(t, err, "periods made from it stay")
	require.NotEmpty(t, kept.GetStringSlice("tasks"))
}

func TestPeriodCreatedFromAnnexeForAWholeClass(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	annexe := a.MustFind(t, "annexes", "level", "1re")
	class := a.MustFind(t, "classes", "name", "1re MSPC")

	bad := c.PostForm("/annexes/"+annexe.Id+"/periode", url.Values{"name": {"PFMP 3"}, "level": {"1re"}, "kind": {"P2"},
		"start": {"2026-05-04"}, "end": {"2026-04-30"}, "classes": {class.Id}})
	require.Equal(t, http.StatusUnprocessableEntity, bad.Status)
	require.Contains(t, bad.Body, "La date de fin doit suivre la date de début.")
	require.Contains(t, bad.Body, `value="PFMP 3"`)
	_, err := a.PB.FindFirstRecordByData("periods", "name", "PFMP 3")
	require.Error(t, err, "nothing created")

	ok := c.PostForm("/annexes/"+annexe.Id+"/periode", url.Values{"name": {"PFMP 3"}, "level": {"1re"}, "kind": {"P2"},
		"start": {"2026-05-04"}, "end": {"2026-05-29"}, "classes": {class.Id}})
	require.Equal(t, http.StatusSeeOther, ok.Status)
	period := a.MustFind(t, "periods", "name", "PFMP 3")
	require.Equal(t, annexe.GetString("objectives"), period.GetString("objectives"))
	require.Equal(t, annexe.GetStringSlice("tasks"), period.GetStringSlice("tasks"))
	require.Empty(t, period.GetString("review_date"), "bilans on the last day: not set, they follow it")
	placements, err := a.PB.FindAllRecords("placements", dbx.HashExp{"period": period.Id})
	require.NoError(t, err)
	require.Len(t, placements, 6, "the whole class")

	page := c.Get(ok.Header.Get("Location"))
	require.Contains(t, page.Body, "Période « PFMP 3 » créée.")
	require.Contains(t, page.Body, "Adam VINCENT")
}

func TestPeriodEditTabs(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	period := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	base := "/periodes/" + period.Id + "/modifier/"

	r := c.PostForm(base+"informations", url.Values{"name": {"PFMP 2 renommée"}, "kind": {"autre"},
		"start": {"2026-03-02"}, "end": {"2026-03-27"}, "review_date": {"2026-03-30"}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	period = a.MustFind(t, "periods", "id", period.Id)
	require.Equal(t, "PFMP 2 renommée", period.GetString("name"))
	require.Equal(t, "autre", period.GetString("kind"))

	r = c.PostForm(base+"informations", url.Values{"name": {"PFMP 2 renommée"}, "kind": {"E31"},
		"start": {"2026-03-02"}, "end": {"2026-03-27"}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "Le type « Épreuve E31 » n&#39;est pas proposé en 2de Bac Pro.")

	require.Equal(t, http.StatusSeeOther, c.PostForm(base+"objectifs", url.Values{"objectives": {"Nouveaux objectifs"}}).Status)
	require.Equal(t, http.StatusSeeOther, c.PostForm(base+"activites", url.Values{"tasks": taskIDs(t, a, "A2T1")}).Status)
	period = a.MustFind(t, "periods", "id", period.Id)
	require.Equal(t, "Nouveaux objectifs", period.GetString("objectives"))
	require.Equal(t, taskIDs(t, a, "A2T1"), period.GetStringSlice("tasks"))

	require.Equal(t, http.StatusNotFound, c.Get("/periodes/"+period.Id+"/modifier?onglet=inconnu").Status)
}

func TestPeriodDeleteRemovesEveryDossier(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	period := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	confirm := c.Get("/periodes/" + period.Id + "/supprimer")
	require.Contains(t, confirm.Body, "la suppression est définitive")
	require.Contains(t, confirm.Body, "6 apprenant(s)")

	require.Equal(t, http.StatusSeeOther, c.PostForm("/periodes/"+period.Id+"/supprimer", url.Values{}).Status)
	left, err := a.PB.FindAllRecords("placements", dbx.HashExp{"period": period.Id})
	require.NoError(t, err)
	require.Empty(t, left)
}

func TestLockedPeriodRefusesEveryChange(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	locked := a.MustFind(t, "periods", "name", "PFMP 1 — 2de PMIA")
	placement := a.MustFind(t, "placements", "period", locked.Id)

	view := c.Get("/periodes?niveau=2de&periode=" + locked.Id)
	require.Contains(t, view.Body, "Période verrouillée")
	require.NotContains(t, view.Body, `href="/periodes/`+locked.Id+`/supprimer"`, "greyed, not a link")

	for _, path := range []string{"/supprimer", "/modifier/objectifs", "/apprenants/" + placement.Id + "/retirer"} {
		r := c.PostForm("/periodes/"+locked.Id+path, url.Values{"objectives": {"x"}})
		require.Equal(t, http.StatusConflict, r.Status, path)
		require.Contains(t, r.Body, "Période verrouillée", path)
	}
	_, err := a.PB.FindRecordById("placements", placement.Id)
	require.NoError(t, err, "nothing deleted")
}

func TestRemoveOneStudentAsksThenDeletesTheDossier(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	period := a.MustFind(t, "periods", "name", "PFMP 1re MSPC — E31")
	manon := a.MustFind(t, "users", "username", "manon.girard")
	p, err := a.PB.FindFirstRecordByFilter("placements", "period = {:p} && student = {:s}", dbx.Params{"p": period.Id, "s": manon.Id})
	require.NoError(t, err)
	path := "/periodes/" + period.Id + "/apprenants/" + p.Id + "/retirer"

	require.Contains(t, c.Get(path).Body, "Son dossier pour cette période sera définitivement supprimé")
	require.Equal(t, http.StatusSeeOther, c.PostForm(path, url.Values{}).Status)
	_, err = a.PB.FindRecordById("placements", p.Id)
	require.Error(t, err)
	_, err = a.PB.FindFirstRecordByData("journal_weeks", "placement", p.Id)
	require.Error(t, err, "her portfolio went with it")

	other := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	require.Equal(t, http.StatusNotFound, c.Get("/periodes/"+other.Id+"/apprenants/"+p.Id+"/retirer").Status)
}

func TestCheckpointForAClassLocksItsPeriods(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	class := a.MustFind(t, "classes", "name", "1re MSPC")
	period := a.MustFind(t, "periods", "name", "PFMP 1re MSPC — E31")

	bad := c.PostForm("/bilans-intermediaires", url.Values{"target": {""}, "date": {"2026-06-30"}, "label": {"Fin d'année"}})
	require.Equal(t, http.StatusUnprocessableEntity, bad.Status)
	require.Contains(t, bad.Body, "Choisissez une classe")
	require.Contains(t, bad.Body, "Fin d&#39;année")

	after := period.GetDateTime("end").Time().AddDate(0, 0, 1)
	r := c.PostForm("/bilans-intermediaires", url.Values{"target": {"classe:" + class.Id}, "date": {after.Format("2006-01-02")}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Contains(t, c.Get("/bilans-intermediaires").Body, "Bilan intermédiaire enregistré pour 6 apprenants.")
	require.Equal(t, http.StatusSeeOther, c.PostForm("/periodes/"+period.Id+"/modifier/objectifs", url.Values{"objectives": {"y"}}).Status,
		"planned: locks nothing before its day")

	a.Clock.Set(after.Add(9 * time.Hour))

	edit := c.PostForm("/periodes/"+period.Id+"/modifier/objectifs", url.Values{"objectives": {"x"}})
	require.Equal(t, http.StatusConflict, edit.Status)
}

// TestPeriodViewQueryCount: the period view and its fragment read a fixed number of queries,
// whatever the number of students (no query per row).
func TestPeriodViewQueryCount(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	var n atomic.Int64
	countQueries(t, a, func(string) { n.Add(1) }) // before any query is prepared and kept
	c := a.MustLogin(t, "prof.martin", demo.Password)
	period := a.MustFind(t, "periods", "name", "PFMP 1re MSPC — E31")

	n.Store(0)
	require.Equal(t, http.StatusOK, c.Get("/periodes?niveau=1re&periode="+period.Id).Status)
	require.LessOrEqual(t, n.Load(), int64(6), "session + periods + school years + the chosen one with its lock + students + tutor links")

	n.Store(0)
	require.Equal(t, http.StatusOK, c.Get("/periodes/"+period.Id+"/apprenants", "HX-Request", "true").Status)
	require.LessOrEqual(t, n.Load(), int64(4))
}

// TestPeriodViewReflectsWritesFromAnyPath: the cached view is never stale, whatever path wrote.
func TestPeriodViewReflectsWritesFromAnyPath(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	period := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	page := "/periodes?niveau=2de&periode=" + period.Id
	panel := "/periodes/" + period.Id + "/apprenants"
	require.NotContains(t, c.Get(page).Body, "Période verrouillée")
	require.NotContains(t, c.Get(panel, "HX-Request", "true").Body, "Période verrouillée")

	period.Set("name", "PFMP 2 renommée ailleurs")
	require.NoError(t, a.PB.Save(period)) // as the dashboard or the REST API would
	require.Contains(t, c.Get(page).Body, "PFMP 2 renommée ailleurs")

	lea := a.MustFind(t, "users", "username", "lea.dupont")
	a.MustRecord(t, "checkpoints", map[string]any{"student": lea.Id, "date": "2026-04-30"})
	require.NotContains(t, c.Get(page).Body, "Période verrouillée", "planned for April: locks nothing yet")
	a.Clock.Set(time.Date(2026, time.April, 30, 6, 0, 0, 0, time.UTC)) // no write: only the day changed
	require.Contains(t, c.Get(page).Body, "Période verrouillée")
	require.Contains(t, c.Get(panel, "HX-Request", "true").Body, "Période verrouillée")
}

// TestPeriodCreatedBeforeACheckpointIsRefusedWithTheFormKept: a period whose bilans fall before a
// student's checkpoint would be locked at birth; the teacher gets the form back, not an error page.
func TestPeriodCreatedBeforeACheckpointIsRefusedWithTheFormKept(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	annexe := a.MustFind(t, "annexes", "level", "2de")
	class := a.MustFind(t, "classes", "name", "2de PMIA") // its students have a checkpoint on 30 January
	r := c.PostForm("/annexes/"+annexe.Id+"/periode", url.Values{"name": {"PFMP rétroactive"}, "level": {"1re"},
		"kind": {"P2"}, "start": {"2026-01-05"}, "end": {"2026-01-16"}, "classes": {class.Id}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "Période verrouillée")
	require.Contains(t, r.Body, `value="PFMP rétroactive"`)
	require.Contains(t, r.Body, "2de Bac Pro", "the level is the annexe's, whatever the form says")
	_, err := a.PB.FindFirstRecordByData("periods", "name", "PFMP rétroactive")
	require.Error(t, err, "nothing half-written")
}

// A period made in the dashboard without a date of bilans is reviewed on its last day: the page
// shows it locked exactly when the hook refuses to change it.
func TestPeriodWithoutReviewDateLocksOnItsLastDay(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	p := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	_, err := a.PB.DB().NewQuery("UPDATE periods SET review_date = '' WHERE id = {:id}").
		Bind(dbx.Params{"id": p.Id}).Execute()
	require.NoError(t, err)
	student := a.MustFind(t, "placements", "period", p.Id).GetString("student")

	view := c.Get("/periodes?niveau=2de&periode=" + p.Id)
	require.NotContains(t, view.Body, "Période verrouillée")

	after := p.GetDateTime("end").Time().AddDate(0, 0, 1)
	a.MustRecord(t, "checkpoints", map[string]any{"student": student, "date": after, "label": "Bilan"})
	a.Clock.Set(after.Add(9 * time.Hour))
	view = c.Get("/periodes?niveau=2de&periode=" + p.Id)
	require.Contains(t, view.Body, "Période verrouillée")
	fresh, err := a.PB.FindRecordById("periods", p.Id)
	require.NoError(t, err)
	fresh.Set("name", "Renommée")
	require.Error(t, a.PB.Save(fresh), "the hook refuses what the page shows locked")
	r := c.PostForm("/periodes/"+p.Id+"/modifier/objectifs", url.Values{"objectives": {"x"}})
	require.Equal(t, http.StatusConflict, r.Status)
}

// The period view lists the current school year's periods; older ones are one click away.
func TestPeriodViewShowsTheCurrentSchoolYear(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	a.MustRecord(t, "periods", map[string]any{"name": "PFMP de l'an passé", "level": "2de", "kind": "P2",
		"start": time.Date(2024, 10, 7, 0, 0, 0, 0, time.UTC), "end": time.Date(2024, 10, 25, 0, 0, 0, 0, time.UTC)})

	now := c.Get("/periodes?niveau=2de")
	require.Equal(t, http.StatusOK, now.Status)
	require.Contains(t, now.Body, "Périodes 2025-2026")
	require.Contains(t, now.Body, "PFMP 2 — 2de PMIA")
	require.NotContains(t, now.Body, "PFMP de l&#39;an passé")
	require.Contains(t, now.Body, `href="/periodes?niveau=2de&amp;annee=2024"`)

	old := c.Get("/periodes?niveau=2de&annee=2024")
	require.Contains(t, old.Body, "Périodes 2024-2025")
	require.Contains(t, old.Body, "PFMP de l&#39;an passé")
	require.NotContains(t, old.Body, "PFMP 2 — 2de PMIA")
}

// A write to a dossier's own content (an autosaved week) keeps the cached view; a write to
// what it shows drops it.
func TestPeriodViewCacheDropsOnlyOnWhatItShows(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	var n atomic.Int64
	countQueries(t, a, func(sql string) {
		if strings.Contains(sql, "FROM periods") {
			n.Add(1)
		}
	})
	c := a.MustLogin(t, "prof.martin", demo.Password)
	period := a.MustFind(t, "periods", "name", "PFMP 1re MSPC — E31")
	placement := a.MustFind(t, "placements", "period", period.Id)
	placement.Set("company_activity", "Conditionnement.") // the first edit marks the folder: shown
	require.NoError(t, a.PB.Save(placement))
	page := "/periodes?niveau=1re&periode=" + period.Id
	n.Store(0)
	require.Equal(t, http.StatusOK, c.Get(page).Status)
	require.Equal(t, http.StatusOK, c.Get(page).Status)
	require.Equal(t, int64(3), n.Load(), "rendered once (list, years, the chosen period), then served from the cache")

	a.MustRecord(t, "journal_weeks", map[string]any{"placement": placement.Id, "week_start": period.GetDateTime("end").Time(),
		"activities": "Graissage", "version": 1})
	placement, err := a.PB.FindRecordById("placements", placement.Id)
	require.NoError(t, err)
	placement.Set("company_history", "Fondée en 1990.")
	require.NoError(t, a.PB.Save(placement))
	require.Equal(t, http.StatusOK, c.Get(page).Status)
	require.Equal(t, int64(3), n.Load(), "the portfolio's content is not on this page")

	period.Set("name", "PFMP renommée")
	require.NoError(t, a.PB.Save(period))
	require.Contains(t, c.Get(page).Body, "PFMP renommée")
	require.Greater(t, n.Load(), int64(3))
}

// countQueries calls count with every SQL query the app runs from now on.
func countQueries(t *testing.T, a *apptest.App, count func(sql string)) {
	for _, db := range []*dbx.DB{a.PB.ConcurrentDB().(*dbx.DB), a.PB.NonconcurrentDB().(*dbx.DB)} {
		db.QueryLogFunc = func(_ context.Context, _ time.Duration, sql string, _ *sql.Rows, _ error) { count(sql) }
		t.Cleanup(func() { db.QueryLogFunc = nil })
	}
}

// A student's menu in the period view is fetched when it opens: the period's evaluations, no
// « Retirer » once the period is locked, the dossier's page outside htmx, another period's
// dossier refused.
func TestDossierMenuFollowsItsPeriod(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	menuOf := func(p *core.Record) string {
		return "/periodes/" + p.GetString("period") + "/apprenants/" + p.Id + "/menu"
	}

	open := a.MustPlacement(t, demoP2, "lea.dupont")
	r := teacher.Get(menuOf(open), "HX-Request", "true")
	require.Equal(t, http.StatusOK, r.Status)
	base := "/dossiers/" + open.Id
	for _, want := range []string{base + "/liaison", base + "/bilan-entreprise", base + "/bilan-entreprise/grille.pdf",
		base + "/attitudes", base + "/tableau-de-bord", "/periodes/" + open.GetString("period") + "/apprenants/" + open.Id + "/retirer"} {
		require.Contains(t, r.Body, `href="`+want, want)
	}
	require.NotContains(t, r.Body, "grille-certificative")

	locked := a.MustFind(t, "placements", "period", a.MustFind(t, "periods", "name", "PFMP 1 — 2de PMIA").Id)
	r = teacher.Get(menuOf(locked), "HX-Request", "true")
	require.Equal(t, http.StatusOK, r.Status)
	require.NotContains(t, r.Body, "Retirer de la période")

	r = teacher.Get(menuOf(open))
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Equal(t, base, r.Header.Get("Location"))

	other := "/periodes/" + locked.GetString("period") + "/apprenants/" + open.Id + "/menu"
	require.Equal(t, http.StatusNotFound, teacher.Get(other, "HX-Request", "true").Status)
}

// The student rows and the period list, written in Go rather than by the template, escape what
// people typed.
func TestPeriodRowsEscapeNamesAndClasses(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoP2)
	class := a.MustRecord(t, "classes", map[string]any{"name": `2de "PMIA" <b>`, "level": "2de"})
	student := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "eleve.hostile",
		"first_name": `<img src=x onerror=alert(1)>`, "last_name": `O'Hara & "fils"`, "class": class.Id,
		"password": "provisoire-1"})
	a.MustRecord(t, "placements", map[string]any{"period": period.Id, "student": student.Id})
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	panel := teacher.Get("/periodes/"+period.Id+"/apprenants", "HX-Request", "true").Body
	require.NotContains(t, panel, "<img src=x")
	require.NotContains(t, panel, "<b>")
	require.Contains(t, panel, `&lt;img src=x onerror=alert(1)&gt; O&#39;HARA &amp; &#34;FILS&#34;`)
	require.Contains(t, panel, `aria-label="Dossier de &lt;img src=x onerror=alert(1)&gt; O&#39;HARA &amp; &#34;FILS&#34;"`)
	require.Contains(t, panel, `2de &#34;PMIA&#34; &lt;b&gt;`)

	period.Set("name", `<i>PFMP</i> & "deux"`)
	require.NoError(t, a.PB.Save(period))
	page := teacher.Get("/periodes?niveau=2de&periode=" + period.Id).Body
	require.NotContains(t, page, "<i>PFMP")
	require.Contains(t, element(t, page, `id="period-list"`), `<strong>&lt;i&gt;PFMP&lt;/i&gt; &amp; &#34;deux&#34;</strong>`)
}
