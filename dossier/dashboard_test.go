package dossier_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
)

func TestDashboardOrdersEvaluationsAndKeepsDraftsOut(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	e31 := a.MustPlacement(t, e31, "manon.girard")
	student := e31.GetString("student")
	day := time.Date(2026, 4, 10, 0, 0, 0, 0, time.UTC)
	// A saved E31 review counts as certificative; an unsaved one not at all.
	a.MustRecord(t, "company_reviews", map[string]any{"placement": e31.Id, "ratings": map[string]string{"C2.1": "2"},
		"meeting_date": day, "saved_at": day})
	p2 := a.MustRecord(t, "periods", map[string]any{"name": "Autre", "kind": "autre", "start": day, "end": day.AddDate(0, 0, 5)})
	draft := a.MustRecord(t, "placements", map[string]any{"period": p2.Id, "student": student})
	a.MustRecord(t, "company_reviews", map[string]any{"placement": draft.Id, "ratings": map[string]string{"C2.1": "4"}, "meeting_date": day})
	c21 := a.MustFind(t, "competences", "code", "C2.1")
	a.MustRecord(t, "school_evaluations", map[string]any{"student": student, "competence": c21.Id, "level": "3", "date": day})
	a.MustRecord(t, "school_evaluations", map[string]any{"student": student, "competence": c21.Id, "level": "NE", "date": day.AddDate(0, 0, 3)})

	d, err := s.Dashboard(student)
	require.NoError(t, err)
	var track dossier.Track
	for _, tr := range d.Tracks {
		if tr.Competence.Code == "C2.1" {
			track = tr
		}
	}
	require.Len(t, track.Evaluations, 3)
	require.Equal(t, []dossier.Source{dossier.SourceSchool, dossier.SourceCertificative, dossier.SourceSchool},
		[]dossier.Source{track.Evaluations[0].Source, track.Evaluations[1].Source, track.Evaluations[2].Source},
		"the same day: company, school, then certificative")
	require.Equal(t, "2", track.Latest, "the last counted level: the NE after it says nothing")
	require.Equal(t, day, d.To.Truncate(24*time.Hour).AddDate(0, 0, -3))

	rows, err := s.EvaluationsOfStudent(student)
	require.NoError(t, err)
	require.Len(t, rows, 2)
	require.Equal(t, "Autre", rows[0].PeriodName, "the latest period first")
	require.True(t, rows[0].CompanySaved.IsZero())
	require.False(t, rows[1].CompanySaved.IsZero())
}
