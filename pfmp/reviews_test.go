package pfmp

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestReviewsOfEachKind(t *testing.T) {
	tests := []struct {
		kind Kind
		want []Review
	}{
		{KindP1, []Review{ReviewSelf, ReviewAttitudes}},
		{KindP2, []Review{ReviewSelf, ReviewAttitudes, ReviewCompany}},
		{KindAutre, []Review{ReviewSelf, ReviewAttitudes, ReviewCompany}},
		{KindE31, []Review{ReviewSelf, ReviewAttitudes, ReviewCertificative}},
		{KindE33, []Review{ReviewSelf, ReviewAttitudes, ReviewCertificative}},
		{"", nil},
		{"P3", nil},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			require.Equal(t, tt.want, tt.kind.Reviews())
			for _, r := range []Review{ReviewSelf, ReviewAttitudes, ReviewCompany, ReviewCertificative} {
				require.Equal(t, contains(tt.want, r), tt.kind.Has(r), r)
			}
		})
	}
}

func contains(list []Review, r Review) bool {
	for _, x := range list {
		if x == r {
			return true
		}
	}
	return false
}

func TestCompetenceLevel(t *testing.T) {
	tests := []struct {
		name, mode, own string
		subs            []string
		want            string
		computed        bool
	}{
		{"global rated", ModeGlobal, "3", []string{"1", "1"}, "3", false},
		{"global NE", ModeGlobal, "NE", nil, "NE", false},
		{"global unrated", ModeGlobal, "", []string{"4"}, "", false},
		{"global unknown code", ModeGlobal, "5", nil, "", false},
		{"no mode is global", "", "2", []string{"4"}, "2", false},
		{"detailed mean", ModeDetailed, "0", []string{"4", "3", "2"}, "3", true},
		{"detailed rounds half up", ModeDetailed, "", []string{"3", "2"}, "3", true},
		{"detailed rounds down", ModeDetailed, "", []string{"4", "1", "1"}, "2", true},
		{"detailed NE excluded", ModeDetailed, "", []string{"4", "NE", "4"}, "4", true},
		{"detailed unrated excluded", ModeDetailed, "", []string{"", "1", ""}, "1", true},
		{"detailed zeros count", ModeDetailed, "4", []string{"0", "0", "1"}, "0", true},
		{"detailed all NE", ModeDetailed, "3", []string{"NE", "", "NE"}, "NE", true},
		{"detailed nothing rated", ModeDetailed, "3", []string{"", ""}, "", true},
		{"detailed no subs", ModeDetailed, "3", nil, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, computed := CompetenceLevel(tt.mode, tt.own, tt.subs)
			require.Equal(t, tt.want, got)
			require.Equal(t, tt.computed, computed)
		})
	}
}

func TestLatestLevel(t *testing.T) {
	tests := []struct {
		levels []string
		want   string
	}{
		{nil, ""},
		{[]string{"2", "3"}, "3"},
		{[]string{"2", "NE"}, "2"},
		{[]string{"NE", "NE"}, "NE"},
		{[]string{"NE", "1"}, "1"},
		{[]string{"4", "0"}, "0"},
		{[]string{"3", "", "x"}, "3"},
	}
	for _, tt := range tests {
		require.Equal(t, tt.want, LatestLevel(tt.levels), "%v", tt.levels)
	}
}

func TestModesAndAttitudeLevels(t *testing.T) {
	require.True(t, ValidMode(ModeGlobal))
	require.True(t, ValidMode(ModeDetailed))
	require.False(t, ValidMode(""))
	require.False(t, ValidMode("détaillé"))

	codes := []string{}
	for _, l := range AttitudeLevels() {
		codes = append(codes, l.Code)
		got, ok := AttitudeLevelOf(l.Code)
		require.True(t, ok)
		require.Equal(t, l, got)
	}
	require.Equal(t, []string{"4", "3", "2", "1", "NO"}, codes)
	_, ok := AttitudeLevelOf("0")
	require.False(t, ok)
	AttitudeLevels()[0].Label = "changé"
	require.Equal(t, "Très satisfaisant", AttitudeLevels()[0].Label, "a copy")
}
