package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestMovedUpName(t *testing.T) {
	cases := []struct {
		name string
		from Level
		want string
	}{
		{"2de PMIA", Level2de, "1re PMIA"},
		{"2nde B", Level2de, "1re B"},
		{"Seconde MSPC", Level2de, "Première MSPC"},
		{"2MSPC", Level2de, "1MSPC"},
		{"1re MSPC", Level1re, "Tle MSPC"},
		{"1ère MSPC", Level1re, "Tle MSPC"},
		{"Première A", Level1re, "Terminale A"},
		{"1MSPC", Level1re, "TMSPC"},
		{"Secondaire", Level2de, "Secondaire"},                   // not a level prefix: kept
		{"Atelier maintenance", Level1re, "Atelier maintenance"}, // no prefix: kept
		{"Tle MSPC", LevelTle, "Tle MSPC"},                       // the final level does not move
	}
	for _, c := range cases {
		require.Equal(t, c.want, MovedUpName(c.name, c.from), c.name)
	}
}

func TestNextLevel(t *testing.T) {
	l, ok := NextLevel(Level2de)
	require.True(t, ok)
	require.Equal(t, Level1re, l)
	l, ok = NextLevel(Level1re)
	require.True(t, ok)
	require.Equal(t, LevelTle, l)
	_, ok = NextLevel(LevelTle)
	require.False(t, ok)
}

func TestFateOf(t *testing.T) {
	cases := []struct {
		level              Level
		leaving, repeating bool
		want               Fate
	}{
		{Level2de, false, false, FateMovesUp},
		{Level1re, false, false, FateMovesUp},
		{LevelTle, false, false, FateLeaves},
		{Level2de, true, false, FateLeaves},
		{Level1re, false, true, FateRepeats},
		{LevelTle, false, true, FateRepeats},
	}
	for _, c := range cases {
		f, err := FateOf(c.level, c.leaving, c.repeating)
		require.NoError(t, err)
		require.Equal(t, c.want, f, "%+v", c)
	}
	_, err := FateOf(Level2de, true, true)
	require.Equal(t, ErrInvalid, KindOf(err))
}

func TestRetention(t *testing.T) {
	require.True(t, ValidRetention(DefaultRetentionMonths))
	require.False(t, ValidRetention(0))
	require.False(t, ValidRetention(121))
	left := time.Date(2026, time.July, 4, 15, 0, 0, 0, time.UTC)
	require.Equal(t, time.Date(2027, time.July, 4, 0, 0, 0, 0, time.UTC), PurgeDate(left, 12))
	require.False(t, PurgeDue(left, 12, time.Date(2027, time.July, 3, 23, 0, 0, 0, time.UTC)))
	require.True(t, PurgeDue(left, 12, time.Date(2027, time.July, 4, 8, 0, 0, 0, time.UTC)))
	require.False(t, PurgeDue(time.Time{}, 12, left), "a student who never left is never purged")
}
