package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// A closing closes the year that ends in its calendar year: before the summer the year under
// way, in July and August the year just ended, after the rentrée (forgotten) the year just
// ended still — never the new one.
func TestClosingYear(t *testing.T) {
	paris := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, Paris) }
	cases := []struct {
		name string
		now  time.Time
		want SchoolYear
		note string
	}{
		{"in March, the year under way", paris(2026, time.March, 11, 10), 2025, "se termine en juillet 2026"},
		{"after the last conseils de classe", paris(2026, time.June, 26, 10), 2025, "se termine en juillet 2026"},
		{"on the last day of classes", paris(2026, time.July, 4, 17), 2025, "se termine en juillet 2026"},
		{"in the summer holidays", paris(2026, time.August, 20, 10), 2025, "s'est terminée en juillet 2026"},
		{"on 1 August, Paris midnight", paris(2026, time.August, 1, 0), 2025, "s'est terminée en juillet 2026"},
		{"forgotten, after the rentrée", paris(2026, time.September, 3, 10), 2025, "avant d'importer les listes d'élèves de 2026-2027"},
		{"forgotten until December", paris(2026, time.December, 18, 10), 2025, "s'est terminée en juillet 2026"},
		{"still 31 December in UTC, 1 January in Paris", time.Date(2026, time.December, 31, 23, 30, 0, 0, time.UTC), 2026, "se termine en juillet 2027"},
		{"the next year under way", paris(2027, time.May, 3, 10), 2026, "se termine en juillet 2027"},
	}
	for _, c := range cases {
		require.Equal(t, c.want, ClosingYear(c.now), c.name)
		require.Contains(t, ClosingYearNote(c.now), "L'année scolaire "+c.want.Label(), c.name)
		require.Contains(t, ClosingYearNote(c.now), c.note, c.name)
	}
	require.Equal(t, SchoolYear(2026), SchoolYearOf(paris(2026, time.August, 20, 10)),
		"the year a day belongs to is not the one a closing closes")
	for _, c := range cases {
		require.NotContains(t, ClosingYearNote(c.now), "déjà commencé", "no note invites a closing after the new year's import")
	}
}

// A students' import from 1 August (Paris) on is the next year's: the year before can no
// longer be closed; an import of June (lists updated before the conseils) does not count.
func TestImportedForNextYear(t *testing.T) {
	paris := func(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, Paris) }
	require.False(t, ImportedForNextYear(2025, paris(2026, time.June, 20, 10)))
	require.False(t, ImportedForNextYear(2025, paris(2026, time.July, 31, 23)))
	require.True(t, ImportedForNextYear(2025, paris(2026, time.August, 1, 0)))
	require.True(t, ImportedForNextYear(2025, paris(2026, time.September, 7, 9)))
	require.False(t, ImportedForNextYear(2026, paris(2026, time.September, 7, 9)), "the next closing is not refused")
	msg := MsgImportedForNextYear(2025, paris(2026, time.September, 7, 9))
	require.Contains(t, msg, "lundi 7 septembre 2026")
	require.Contains(t, msg, "une seconde fois")
	require.Contains(t, msg, "left_at")
}
