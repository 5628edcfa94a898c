package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

type wk struct {
	start, end time.Time
	label      string
}

func TestWeeks(t *testing.T) {
	tests := []struct {
		name       string
		start, end time.Time
		want       []wk
	}{
		{
			name:  "three weeks starting on a Wednesday",
			start: day(2025, 3, 5), end: day(2025, 3, 21),
			want: []wk{
				{day(2025, 3, 5), day(2025, 3, 7), "Semaine 1 — du 5 au 7 mars"},
				{day(2025, 3, 10), day(2025, 3, 14), "Semaine 2 — du 10 au 14 mars"},
				{day(2025, 3, 17), day(2025, 3, 21), "Semaine 3 — du 17 au 21 mars"},
			},
		},
		{
			name:  "spanning months",
			start: day(2025, 2, 26), end: day(2025, 3, 12),
			want: []wk{
				{day(2025, 2, 26), day(2025, 2, 28), "Semaine 1 — du 26 au 28 février"},
				{day(2025, 3, 3), day(2025, 3, 7), "Semaine 2 — du 3 au 7 mars"},
				{day(2025, 3, 10), day(2025, 3, 12), "Semaine 3 — du 10 au 12 mars"},
			},
		},
		{
			name:  "a week across two months",
			start: day(2025, 3, 24), end: day(2025, 4, 4),
			want: []wk{
				{day(2025, 3, 24), day(2025, 3, 28), "Semaine 1 — du 24 au 28 mars"},
				{day(2025, 3, 31), day(2025, 4, 4), "Semaine 2 — du 31 mars au 4 avril"},
			},
		},
		{
			name:  "a week across two years",
			start: day(2025, 12, 29), end: day(2026, 1, 9),
			want: []wk{
				{day(2025, 12, 29), day(2026, 1, 2), "Semaine 1 — du 29 décembre 2025 au 2 janvier 2026"},
				{day(2026, 1, 5), day(2026, 1, 9), "Semaine 2 — du 5 au 9 janvier"},
			},
		},
		{
			name:  "first of the month",
			start: day(2025, 10, 1), end: day(2025, 10, 3),
			want: []wk{{day(2025, 10, 1), day(2025, 10, 3), "Semaine 1 — du 1er au 3 octobre"}},
		},
		{
			name:  "weekend-only head skipped, index starts on the first working week",
			start: day(2025, 3, 1), end: day(2025, 3, 14),
			want: []wk{
				{day(2025, 3, 3), day(2025, 3, 7), "Semaine 1 — du 3 au 7 mars"},
				{day(2025, 3, 10), day(2025, 3, 14), "Semaine 2 — du 10 au 14 mars"},
			},
		},
		{
			name:  "weekend tail clipped to Friday",
			start: day(2025, 3, 3), end: day(2025, 3, 16),
			want: []wk{
				{day(2025, 3, 3), day(2025, 3, 7), "Semaine 1 — du 3 au 7 mars"},
				{day(2025, 3, 10), day(2025, 3, 14), "Semaine 2 — du 10 au 14 mars"},
			},
		},
		{
			name:  "tail week starting on a Saturday skipped",
			start: day(2025, 3, 10), end: day(2025, 3, 15),
			want: []wk{{day(2025, 3, 10), day(2025, 3, 14), "Semaine 1 — du 10 au 14 mars"}},
		},
		{
			name:  "single-day last week",
			start: day(2025, 3, 3), end: day(2025, 3, 17),
			want: []wk{
				{day(2025, 3, 3), day(2025, 3, 7), "Semaine 1 — du 3 au 7 mars"},
				{day(2025, 3, 10), day(2025, 3, 14), "Semaine 2 — du 10 au 14 mars"},
				{day(2025, 3, 17), day(2025, 3, 17), "Semaine 3 — le 17 mars"},
			},
		},
		{
			name:  "bounds are Paris days: a late UTC instant is the next day",
			start: utc(2025, 3, 2, 23, 0), end: utc(2025, 3, 7, 12, 0),
			want: []wk{{day(2025, 3, 3), day(2025, 3, 7), "Semaine 1 — du 3 au 7 mars"}},
		},
		{name: "weekend only", start: day(2025, 3, 1), end: day(2025, 3, 2)},
		{name: "end before start", start: day(2025, 3, 14), end: day(2025, 3, 3)},
		{name: "zero bounds", start: time.Time{}, end: day(2025, 3, 3)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Weeks(tt.start, tt.end)
			require.Len(t, got, len(tt.want))
			for i, w := range tt.want {
				require.Equal(t, i+1, got[i].Index)
				require.Equal(t, w.start, got[i].Start, "week %d start", i+1)
				require.Equal(t, w.end, got[i].End, "week %d end", i+1)
				require.Equal(t, w.label, got[i].Label())
			}
		})
	}
}

func TestWeekOf(t *testing.T) {
	weeks := Weeks(day(2025, 3, 5), day(2025, 3, 21))
	tests := []struct {
		name  string
		day   time.Time
		index int // 0: no week
	}{
		{"first day", day(2025, 3, 5), 1},
		{"Friday of week 1", day(2025, 3, 7), 1},
		{"Saturday: the week it ends", day(2025, 3, 8), 1},
		{"Sunday: the week it ends", day(2025, 3, 9), 1},
		{"Monday of week 2", day(2025, 3, 10), 2},
		{"instant late on Sunday UTC is Monday in Paris", utc(2025, 3, 9, 23, 30), 2},
		{"last day", day(2025, 3, 21), 3},
		{"the last week's Sunday", day(2025, 3, 23), 3},
		{"before the period, same calendar week", day(2025, 3, 4), 0},
		{"after the period", day(2025, 3, 24), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, ok := WeekOf(weeks, tt.day)
			require.Equal(t, tt.index != 0, ok)
			require.Equal(t, tt.index, w.Index)
		})
	}
}
