package web_test

import (
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
	"livret/dossier"
	"livret/pfmp"
)

// mustCheckpointAfterABilan saves Hugo's bilan entreprise (C1.2 at 3) as prof.martin, then
// records « Bilan d'avril » three days after its meeting; it returns the checkpoint, the
// meeting's day and the teacher's client.
func mustCheckpointAfterABilan(t *testing.T, a *apptest.App) (*core.Record, time.Time, *apptest.Client) {
	t.Helper()
	p := a.MustPlacement(t, demoP2, "hugo.bernard")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	require.Equal(t, http.StatusSeeOther, teacher.PostForm(companyPath(p, ""), url.Values{"niveau:C1.2": {"3"}}).Status)
	meeting := review(t, a, p).GetDateTime("meeting_date").Time()
	r := teacher.PostForm("/bilans-intermediaires", url.Values{"target": {"eleve:" + p.GetString("student")},
		"date": {pfmp.ISODate(meeting.AddDate(0, 0, 3))}, "label": {"Bilan d'avril"}})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	return a.MustFind(t, "checkpoints", "label", "Bilan d'avril"), meeting, teacher
}

func TestCheckpointLevelsAdjustedByATeacher(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	cp, meeting, teacher := mustCheckpointAfterABilan(t, a)

	list := teacher.Get("/bilans-intermediaires").Body
	require.Contains(t, list, `<a href="/bilans-intermediaires/`+cp.Id+`">`)
	page := teacher.Get("/bilans-intermediaires/" + cp.Id).Body
	require.Contains(t, page, `Calculé : <span class="level-chip lv-3">3</span>`)

	path := "/bilans-intermediaires/" + cp.Id + "/ajuster"
	r := teacher.PostForm(path, url.Values{"code": {"C1.2"}, "level": {"2"}, "reason": {""}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "Justifiez l&#39;ajustement en quelques mots.")
	require.Contains(t, r.Body, `<option value="2" selected>`, "the level chosen stays chosen")
	require.Equal(t, http.StatusNotFound, teacher.PostForm(path, url.Values{"code": {"C9"}, "level": {"2"}, "reason": {"x"}}).Status)
	r = teacher.PostForm(path, url.Values{"code": {"C1.2"}, "level": {"2"}, "reason": {"Fragile en TP depuis."}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	require.Contains(t, teacher.Get("/bilans-intermediaires/"+cp.Id).Body, "ajusté par Claire MARTIN")

	// Another teacher's page, older than this adjustment, does not replace it.
	r = a.MustLogin(t, "prof.benali", demo.Password).PostForm(path, url.Values{"code": {"C1.2"}, "level": {"4"},
		"reason": {"Très bien en atelier."}, "vu": {""}})
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "ajusté entre-temps par quelqu&#39;un d&#39;autre")
	require.Contains(t, r.Body, `value="Très bien en atelier."`, "his justification stays on screen")
	require.Equal(t, "2", proxyLevel(t, a, cp.Id, "C1.2"))

	// The student's dashboard shows the level the bilan retains, at its place.
	body := a.MustLogin(t, "hugo.bernard", demo.Password).Get("/tableau-de-bord").Body
	lines := timelineLines(trackSection(t, body, "comp-C1.2"))
	require.Equal(t, pfmp.FormatShort(meeting.AddDate(0, 0, 3))+" Bilan intermédiaire de compétences · Bilan d'avril · niveau retenu 2 (ajusté)",
		lines[len(lines)-1])
}

// proxyLevel is the level a stored checkpoint retains for a competence.
func proxyLevel(t *testing.T, a *apptest.App, id, code string) string {
	t.Helper()
	cp, err := dossier.New(a.PB, a.Clock.Now).Checkpoint(id)
	require.NoError(t, err)
	level, _ := cp.Level(code)
	return level
}

// A bilan intermédiaire for a whole class reads the class's evaluations in one query per
// kind, not one batch per student.
func TestCheckpointForAClassReadsItsEvaluationsOnce(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	class := a.MustFind(t, "classes", "name", "2de PMIA")
	students, err := a.PB.CountRecords("users", dbx.HashExp{"class": class.Id, "role": "student"})
	require.NoError(t, err)
	require.Greater(t, students, int64(2), "the premise: a class of several students")
	var company, school atomic.Int64
	countQueries(t, a, func(sql string) {
		if strings.Contains(sql, "FROM company_reviews r") {
			company.Add(1)
		}
		if strings.Contains(sql, "FROM school_evaluations e") {
			school.Add(1)
		}
	})
	r := teacher.PostForm("/bilans-intermediaires", url.Values{"target": {"classe:" + class.Id},
		"date": {pfmp.ISODate(a.Clock.Now().AddDate(0, 0, 7))}, "label": {"Bilan de classe"}})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	require.Equal(t, int64(1), company.Load())
	require.Equal(t, int64(1), school.Load())
}
