package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/pfmp"
)

func TestStudentSeesSavedBilansInMesEvaluationsAndOnTheDashboard(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "lea.dupont")
	lea := a.MustFind(t, "users", "username", "lea.dupont")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	student := a.MustLogin(t, "lea.dupont", demo.Password)

	// A draft shows nowhere on the student's side.
	require.Equal(t, http.StatusOK, choose(teacher, p, "niveau:C1.2", "2", 0).Status)
	require.NotContains(t, student.Get("/mes-evaluations").Body, `href="`+companyPath(p, "")+`"`)
	require.Contains(t, student.Get("/tableau-de-bord").Body, "Aucune évaluation enregistrée")

	r := teacher.PostForm(companyPath(p, ""), url.Values{"mode:C1.1": {"global", "detaille"}, "niveau:C1.1.a": {"3"},
		"niveau:C1.1.b": {"NE"}, "engagement": {"2"}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	meeting := review(t, a, p).GetDateTime("meeting_date").Time()

	// School evaluations around the meeting, and a bilan intermédiaire after it.
	c12 := a.MustFind(t, "competences", "code", "C1.2")
	c11a := a.MustFind(t, "competences", "code", "C1.1.a")
	a.MustRecord(t, "school_evaluations", map[string]any{"student": lea.Id, "competence": c12.Id, "level": "1",
		"date": meeting.AddDate(0, 0, -10), "label": "TP convoyeur"})
	a.MustRecord(t, "school_evaluations", map[string]any{"student": lea.Id, "competence": c12.Id, "level": "4",
		"date": meeting.AddDate(0, 0, 5), "label": "TP variateur"})
	a.MustRecord(t, "school_evaluations", map[string]any{"student": lea.Id, "competence": c11a.Id, "level": "2",
		"date": meeting.AddDate(0, 0, 1), "label": "Lecture de dossier"})
	a.MustRecord(t, "checkpoints", map[string]any{"student": lea.Id, "date": meeting.AddDate(0, 0, 2), "label": "Bilan de mars"})

	mine := student.Get("/mes-evaluations")
	require.Equal(t, http.StatusOK, mine.Status)
	require.Contains(t, mine.Body, `<a href="`+companyPath(p, "")+`">Bilan entreprise</a> <span class="badge badge-success">rencontre du `+pfmp.FormatShort(meeting)+`</span>`)
	require.Equal(t, http.StatusOK, student.Get(companyPath(p, "")).Status)

	first := a.MustFind(t, "checkpoints", "student", lea.Id) // the demo's, after her first period
	firstLine := pfmp.FormatShort(first.GetDateTime("date").Time()) + " Bilan intermédiaire de compétences · " + first.GetString("label")
	own := student.Get("/tableau-de-bord")
	require.Equal(t, http.StatusOK, own.Status)
	day := func(d int) string { return pfmp.FormatShort(meeting.AddDate(0, 0, d)) }
	// C1.2: the school's evaluation before, the bilan at its meeting date, the bilan
	// intermédiaire, the school's after; the latest level is the last one.
	c12Track := trackSection(t, own.Body, "comp-C1.2")
	require.Equal(t, []string{
		firstLine,
		day(-10) + " 1 Évaluation en établissement · TP convoyeur",
		day(0) + " 2 Bilan entreprise · " + demoP2,
		day(2) + " Bilan intermédiaire de compétences · Bilan de mars",
		day(5) + " 4 Évaluation en établissement · TP variateur",
	}, timelineLines(c12Track))
	require.Contains(t, c12Track, `Dernier niveau : <span class="level-chip lv-4">4 — Très bonne maîtrise</span>`)
	require.Equal(t, 2, strings.Count(c12Track, `<rect `), "the school's evaluations are squares")
	require.Equal(t, 1, strings.Count(c12Track, `<circle `), "the bilan entreprise a circle")
	require.Equal(t, 2, strings.Count(c12Track, `<line class="cp-mark"`), "both bilans intermédiaires")
	require.Contains(t, c12Track, `aria-label="C1.2 : 3 évaluations, dernier niveau 4 — Très bonne maîtrise."`)
	// C1.1: computed from the sub-competences (NE left out), then the school's C1.1.a.
	require.Equal(t, []string{
		firstLine,
		day(0) + " 3 Bilan entreprise · " + demoP2 + " (calculé)",
		day(1) + " 2 Évaluation en établissement · Lecture de dossier · C1.1.a",
		day(2) + " Bilan intermédiaire de compétences · Bilan de mars",
	}, timelineLines(trackSection(t, own.Body, "comp-C1.1")))

	// The teacher and the master (granted) see the same dashboard through the dossier; nobody else.
	for who, want := range map[string]int{"prof.martin": 200, "lea.dupont": 200, "hugo.bernard": 404} {
		got := a.MustLogin(t, who, demo.Password).Get("/dossiers/" + p.Id + "/tableau-de-bord")
		require.Equal(t, want, got.Status, who)
		if want == 200 {
			require.Equal(t, timelineLines(c12Track), timelineLines(trackSection(t, got.Body, "comp-C1.2")), who)
		}
	}
	mustTutor(t, a, "sophie.durand", p)
	tutor := a.MustLogin(t, "sophie.durand", demo.Password)
	require.Equal(t, http.StatusOK, tutor.Get("/dossiers/"+p.Id+"/tableau-de-bord").Status)
	require.Equal(t, http.StatusForbidden, tutor.Get("/tableau-de-bord").Status)
	require.Equal(t, http.StatusForbidden, teacher.Get("/mes-evaluations").Status)
}

var sectionRe = regexp.MustCompile(`(?s)<section class="card track" id="([^"]+)".*?</section>`)

// trackSection is the HTML of the dashboard's card for one competence.
func trackSection(t *testing.T, body, id string) string {
	t.Helper()
	for _, m := range sectionRe.FindAllStringSubmatch(body, -1) {
		if m[1] == id {
			return m[0]
		}
	}
	t.Fatalf("no section %s", id)
	return ""
}

var spaceRe = regexp.MustCompile(`\s+`)

// timelineLines are the timeline's items as text.
func timelineLines(page string) []string {
	i := strings.Index(page, `<ol class="timeline">`)
	var out []string
	for _, li := range strings.Split(page[i:], "<li")[1:] {
		text := tagRe.ReplaceAllString("<li"+li, " ")
		out = append(out, html.UnescapeString(strings.TrimSpace(spaceRe.ReplaceAllString(text, " "))))
	}
	return out
}

// An evaluation of a bilan intermédiaire's own day does not count in it (pfmp.CountsIn): the
// timeline lists it after the bilan, not before.
func TestTheTimelineListsASameDayEvaluationAfterTheCheckpoint(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	lea := a.MustFind(t, "users", "username", "lea.dupont")
	day := time.Date(2026, time.February, 9, 0, 0, 0, 0, time.UTC)
	c12 := a.MustFind(t, "competences", "code", "C1.2")
	a.MustRecord(t, "school_evaluations", map[string]any{"student": lea.Id, "competence": c12.Id, "level": "3",
		"date": day, "label": "TP pompe"})
	a.MustRecord(t, "checkpoints", map[string]any{"student": lea.Id, "date": day, "label": "Bilan de février"})
	lines := timelineLines(trackSection(t, a.MustLogin(t, "lea.dupont", demo.Password).Get("/tableau-de-bord").Body, "comp-C1.2"))
	require.Equal(t, []string{
		pfmp.FormatShort(day) + " Bilan intermédiaire de compétences · Bilan de février",
		pfmp.FormatShort(day) + " 3 Évaluation en établissement · TP pompe",
	}, lines[len(lines)-2:])
}
