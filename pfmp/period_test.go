package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestCheckPeriod(t *testing.T) {
	ok := PeriodForm{Name: "PFMP 2", Level: "2de", Kind: "P2", Start: "2025-03-03", End: "2025-03-21",
		Kinds: []Kind{KindP1, KindP2, KindAutre}}
	cases := []struct {
		name   string
		change func(f *PeriodForm)
		field  string // "" when valid
	}{
		{"valid", func(f *PeriodForm) {}, ""},
		{"name required", func(f *PeriodForm) { f.Name = " " }, "name"},
		{"unknown level", func(f *PeriodForm) { f.Level = "3e" }, "level"},
		{"unknown kind", func(f *PeriodForm) { f.Kind = "P7" }, "kind"},
		{"a kind not offered", func(f *PeriodForm) { f.Kind = "E31" }, "kind"},
		{"nothing offered", func(f *PeriodForm) { f.Kinds = nil }, "kind"},
		{"an offered exam period", func(f *PeriodForm) { f.Kind, f.Kinds = "E33", []Kind{KindE33} }, ""},
		{"other kind", func(f *PeriodForm) { f.Kind = "autre" }, ""},
		{"end before start", func(f *PeriodForm) { f.End = "2025-03-01" }, "end"},
		{"one day period", func(f *PeriodForm) { f.End = f.Start }, ""},
		{"too long", func(f *PeriodForm) { f.End = "2025-09-01" }, "end"},
		{"bad date", func(f *PeriodForm) { f.Start = "31/02/2025" }, "start"},
		{"missing start", func(f *PeriodForm) { f.Start = "" }, "start"},
		{"review before start", func(f *PeriodForm) { f.ReviewDate = "2025-02-28" }, "review_date"},
		{"review after end", func(f *PeriodForm) { f.ReviewDate = "2025-03-28" }, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := ok
			c.change(&f)
			_, err := CheckPeriod(f)
			if c.field == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			require.Contains(t, FieldsOf(err), c.field)
		})
	}
}

// TestReviewDateFollowsTheEndUntilSetOnPurpose: empty or the last day is stored as "not set",
// so the bilans move with the period; another day is kept whatever the end becomes.
func TestReviewDateFollowsTheEndUntilSetOnPurpose(t *testing.T) {
	f := PeriodForm{Name: "P", Level: "1re", Kind: "P2", Start: "2025-09-07", End: "2025-09-25", Kinds: []Kind{KindP2}}
	p, err := CheckPeriod(f)
	require.NoError(t, err)
	require.True(t, p.ReviewDate.IsZero(), "not set")
	require.Equal(t, "2025-09-25", ISODate(p.Review()), "the last day")

	f.ReviewDate = "2025-09-25" // the last day, as the form once showed it
	p, err = CheckPeriod(f)
	require.NoError(t, err)
	require.True(t, p.ReviewDate.IsZero(), "the last day is the default, not a choice")
	f.Start, f.End, f.ReviewDate = "2025-09-14", "2025-10-02", ""
	p, err = CheckPeriod(f)
	require.NoError(t, err)
	require.Equal(t, "2025-10-02", ISODate(p.Review()), "moved with the period")

	f.ReviewDate = "2025-10-06"
	p, err = CheckPeriod(f)
	require.NoError(t, err)
	require.Equal(t, "2025-10-06", ISODate(p.ReviewDate), "set on purpose: kept")
	require.Equal(t, p.ReviewDate, p.Review())
}

func TestUnderWay(t *testing.T) {
	start, end := day(2026, 2, 23), day(2026, 4, 3)
	for _, c := range []struct {
		name string
		now  time.Time
		left int
		ok   bool
	}{
		{"before", utc(2026, 2, 22, 12, 0), 0, false},
		{"first day", utc(2026, 2, 23, 7, 0), 40, true},
		{"a Wednesday", utc(2026, 3, 11, 9, 30), 24, true},
		{"last day", utc(2026, 4, 3, 16, 0), 1, true},
		{"late on the last day UTC is the next day in Paris", utc(2026, 4, 3, 22, 30), 0, false},
		{"after", day(2026, 4, 6), 0, false},
	} {
		left, ok := UnderWay(start, end, c.now)
		require.Equal(t, c.ok, ok, c.name)
		require.Equal(t, c.left, left, c.name)
	}
	require.Equal(t, "dernier jour", DaysLeftLabel(1))
	require.Equal(t, "encore 24 jours", DaysLeftLabel(24))
}
