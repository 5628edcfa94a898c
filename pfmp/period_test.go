package pfmp

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCheckPeriod(t *testing.T) {
	ok := PeriodForm{Name: "PFMP 2", Level: "2de", Kind: "P2", Start: "2025-03-03", End: "2025-03-21"}
	cases := []struct {
		name   string
		change func(f *PeriodForm)
		field  string // "" when valid
	}{
		{"valid", func(f *PeriodForm) {}, ""},
		{"name required", func(f *PeriodForm) { f.Name = " " }, "name"},
		{"unknown level", func(f *PeriodForm) { f.Level = "3e" }, "level"},
		{"unknown kind", func(f *PeriodForm) { f.Kind = "P7" }, "kind"},
		{"exam period in 2de", func(f *PeriodForm) { f.Kind = "E31" }, "kind"},
		{"exam period in 1re", func(f *PeriodForm) { f.Kind, f.Level = "E33", "1re" }, ""},
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

func TestReviewDateDefaultsToLastDay(t *testing.T) {
	p, err := CheckPeriod(PeriodForm{Name: "P", Level: "1re", Kind: "P2", Start: "2025-03-03", End: "2025-03-21"})
	require.NoError(t, err)
	require.Equal(t, "2025-03-21", ISODate(p.ReviewDate))
	p, err = CheckPeriod(PeriodForm{Name: "P", Level: "1re", Kind: "P2", Start: "2025-03-03", End: "2025-03-21", ReviewDate: "2025-03-24"})
	require.NoError(t, err)
	require.Equal(t, "2025-03-24", ISODate(p.ReviewDate))
}
