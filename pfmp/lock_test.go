package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestPeriodLocked(t *testing.T) {
	review := day(2025, 3, 14)
	tests := []struct {
		name        string
		review      time.Time
		checkpoints []time.Time
		want        bool
	}{
		{"checkpoint after the review date", review, []time.Time{day(2025, 3, 17)}, true},
		{"checkpoint before the review date", review, []time.Time{day(2025, 3, 13)}, false},
		{"checkpoint on the review day", review, []time.Time{day(2025, 3, 14)}, false},
		{"checkpoint later the same day (an instant)", review, []time.Time{utc(2025, 3, 14, 16, 0)}, false},
		{"checkpoint instant that is the next Paris day", review, []time.Time{utc(2025, 3, 14, 23, 30)}, true},
		{"several students, one checkpoint after", review, []time.Time{day(2025, 3, 1), {}, day(2025, 3, 20), day(2025, 3, 10)}, true},
		{"several students, none after", review, []time.Time{day(2025, 3, 1), day(2025, 3, 14), {}}, false},
		{"no student has a checkpoint", review, []time.Time{{}, {}}, false},
		{"no students", review, nil, false},
		{"no review date yet", time.Time{}, []time.Time{day(2025, 3, 20)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, PeriodLocked(tt.review, tt.checkpoints))
		})
	}
}

func TestReviewLocked(t *testing.T) {
	tests := []struct {
		name              string
		meeting, checkpnt time.Time
		want              bool
	}{
		{"meeting before the checkpoint", day(2025, 3, 3), day(2025, 3, 14), true},
		{"meeting on the checkpoint day", day(2025, 3, 14), day(2025, 3, 14), false},
		{"meeting after the checkpoint", day(2025, 3, 17), day(2025, 3, 14), false},
		{"no checkpoint", day(2025, 3, 3), time.Time{}, false},
		{"no meeting date", time.Time{}, day(2025, 3, 14), false},
		{"23:30 UTC is already the next day in Paris", time.Date(2025, 3, 13, 23, 30, 0, 0, time.UTC), day(2025, 3, 14), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, ReviewLocked(tt.meeting, tt.checkpnt))
			require.Equal(t, tt.want, CountsIn(tt.meeting, tt.checkpnt), "locked exactly when taken into account")
		})
	}
}

func TestLockMessages(t *testing.T) {
	require.Equal(t,
		"Période verrouillée : la date des bilans entreprise (lundi 3 mars 2025) est antérieure au dernier bilan intermédiaire de compétences (vendredi 14 mars 2025).",
		PeriodLockMessage(day(2025, 3, 3), day(2025, 3, 14)))
	require.Equal(t,
		"Bilan entreprise verrouillé : la date de l'entretien (samedi 1er mars 2025) est antérieure au dernier bilan intermédiaire de compétences (vendredi 14 mars 2025).",
		ReviewLockMessage(day(2025, 3, 1), day(2025, 3, 14)))
}
