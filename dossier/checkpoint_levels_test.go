package dossier_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"livret/dossier"
	"livret/pfmp"
)

// A checkpoint keeps the levels of the evaluations it takes into account — those of earlier
// days, the ones it locks — and a teacher may adjust one.
func TestCheckpointKeepsTheLevelsItTakesIntoAccount(t *testing.T) {
	t.Parallel()
	f := mustCompany(t, "lea.dupont")
	a, s, d, sc, teacher := f.a, f.s, f.d, f.sc, f.teacher
	res, err := s.SaveCompanyChoices(d, sc, teacher, []dossier.Choice{{Key: "niveau:C1.2", Value: "3"}, {Key: "niveau:C1.3", Value: "NE"}}, true)
	require.NoError(t, err)
	meeting := res.State.Review.MeetingDate()
	c12 := a.MustFind(t, "competences", "code", "C1.2")
	cpDay := meeting.AddDate(0, 0, 1)
	a.MustRecord(t, "school_evaluations", map[string]any{"student": d.Student.Id, "competence": c12.Id, "level": "1", "date": cpDay})

	require.NoError(t, s.CreateCheckpoints([]string{d.Student.Id}, cpDay, "Bilan test", teacher))
	rows, err := s.Checkpoints(1)
	require.NoError(t, err)
	cp, err := s.Checkpoint(rows[0].ID)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"C1.2": "3", "C1.3": "NE"}, cp.Computed(),
		"the bilan of the day before counts, the school's evaluation of the same day not")

	require.NoError(t, s.AdjustCheckpoint(cp.Id, "C1.2", "2", "Fragile en TP depuis.", teacher, ""))
	cp, _ = s.Checkpoint(cp.Id)
	level, adjusted := cp.Level("C1.2")
	require.Equal(t, "2", level)
	require.True(t, adjusted)
	require.Equal(t, "Fragile en TP depuis.", cp.Adjusted()["C1.2"].Reason)
	err = s.AdjustCheckpoint(cp.Id, "C1.2", "4", "Vu d'une autre page", teacher, "")
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err), "a page that saw no adjustment does not replace one")
	require.NoError(t, s.AdjustCheckpoint(cp.Id, "C1.2", "", "", teacher, cp.Adjusted()["C1.2"].Stamp()))
	cp, _ = s.Checkpoint(cp.Id)
	level, adjusted = cp.Level("C1.2")
	require.Equal(t, "3", level, "back to the computed level")
	require.False(t, adjusted)
}

// A checkpoint moved to another day keeps the levels of the evaluations that day counts.
func TestAMovedCheckpointTakesItsNewDaysLevels(t *testing.T) {
	t.Parallel()
	f := mustCompany(t, "lea.dupont")
	s, d, sc, teacher := f.s, f.d, f.sc, f.teacher
	res, err := s.SaveCompanyChoices(d, sc, teacher, []dossier.Choice{{Key: "niveau:C1.2", Value: "3"}}, true)
	require.NoError(t, err)
	meeting := res.State.Review.MeetingDate()
	require.NoError(t, s.CreateCheckpoints([]string{d.Student.Id}, meeting, "Bilan déplacé", teacher))
	rows, err := s.Checkpoints(1)
	require.NoError(t, err)
	cp, err := s.Checkpoint(rows[0].ID)
	require.NoError(t, err)
	require.Empty(t, cp.Computed(), "the bilan of its own day does not count")

	require.NoError(t, s.UpdateCheckpoint(cp.Id, meeting.AddDate(0, 0, 2), "Bilan déplacé"))
	cp, err = s.Checkpoint(cp.Id)
	require.NoError(t, err)
	require.Equal(t, map[string]string{"C1.2": "3"}, cp.Computed(), "two days later, it counts")
}

// A planned bilan intermédiaire takes in the evaluations saved before its day, after it was
// recorded, by any path; one in effect keeps the levels it was recorded with.
func TestAPlannedCheckpointTakesInLaterEvaluations(t *testing.T) {
	t.Parallel()
	f := mustCompany(t, "lea.dupont")
	a, s, d := f.a, f.s, f.d
	now := a.Clock.Now()
	c12 := a.MustFind(t, "competences", "code", "C1.2")
	require.NoError(t, s.CreateCheckpoints([]string{d.Student.Id}, now.AddDate(0, 0, 10), "Bilan prévu", f.teacher))
	require.NoError(t, s.CreateCheckpoints([]string{d.Student.Id}, now, "Bilan du jour", f.teacher))
	planned := a.MustFind(t, "checkpoints", "label", "Bilan prévu")
	today := a.MustFind(t, "checkpoints", "label", "Bilan du jour")

	a.MustRecord(t, "school_evaluations", map[string]any{"student": d.Student.Id, "competence": c12.Id, "level": "2",
		"date": now.AddDate(0, 0, -3), "label": "TP"})
	cp, err := s.Checkpoint(planned.Id)
	require.NoError(t, err)
	require.Equal(t, "2", cp.Computed()["C1.2"], "the planned bilan counts it")
	cp, err = s.Checkpoint(today.Id)
	require.NoError(t, err)
	require.NotContains(t, cp.Computed(), "C1.2", "the bilan in effect keeps its levels")
}
