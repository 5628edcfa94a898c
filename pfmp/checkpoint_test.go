package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestCheckpointTakesEffectOnItsDay(t *testing.T) {
	// 23:30 UTC on 10 March is already 11 March in Paris.
	now := utc(2026, 3, 10, 23, 30)
	require.Equal(t, day(2026, 3, 12), CheckpointCutoff(now))
	for _, c := range []struct {
		name string
		date time.Time
		want bool
	}{
		{"yesterday", day(2026, 3, 10), true},
		{"today in Paris", day(2026, 3, 11), true},
		{"today, stored with an hour", utc(2026, 3, 11, 15, 0), true},
		{"tomorrow: planned", day(2026, 3, 12), false},
		{"next month: planned", day(2026, 4, 2), false},
		{"no date", time.Time{}, false},
	} {
		require.Equal(t, c.want, CheckpointInEffect(c.date, now), c.name)
	}
}

func TestCheckpointCorrectable(t *testing.T) {
	now := day(2026, 3, 11)
	require.True(t, CheckpointCorrectable(day(2026, 3, 20), now, 3), "planned: whatever it will lock")
	require.True(t, CheckpointCorrectable(day(2026, 3, 1), now, 0), "in effect but locking nothing")
	require.False(t, CheckpointCorrectable(day(2026, 3, 1), now, 1), "in effect and locking: administrators only")
	require.False(t, CheckpointCorrectable(day(2026, 3, 11), now, 2), "from its own day")
	require.Contains(t, CheckpointHeldMessage(day(2026, 3, 1), 2), "dimanche 1er mars 2026")
}
