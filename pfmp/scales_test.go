package pfmp

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRatings(t *testing.T) {
	rs := Ratings()
	codes := make([]string, len(rs))
	for i, r := range rs {
		codes[i] = r.Code
		require.NotEmpty(t, r.Label)
		require.Regexp(t, `^#[0-9A-F]{6}$`, r.Hex)
		require.Equal(t, r.Code != RatingNE, r.Counted)
	}
	require.Equal(t, []string{"4", "3", "2", "1", "0", "NE"}, codes)

	rs[0].Label = "changed"
	r, ok := RatingOf("4")
	require.True(t, ok)
	require.Equal(t, Rating{Code: "4", Label: "Très bonne maîtrise", Color: "vert", Hex: "#2E7D32", Counted: true}, r)
	ne, ok := RatingOf("NE")
	require.True(t, ok)
	require.Equal(t, "Non évaluable", ne.Label)
	require.Equal(t, "#1565C0", ne.Hex)

	for code, want := range map[string]bool{"4": true, "0": true, "NE": true, "": false, "5": false, "ne": false, "-1": false} {
		require.Equal(t, want, ValidRating(code), code)
	}
}

func TestMeanRating(t *testing.T) {
	tests := []struct {
		name  string
		codes []string
		want  string
		ok    bool
	}{
		{"single", []string{"3"}, "3", true},
		{"exact mean", []string{"4", "2"}, "3", true},
		{"half rounds up", []string{"3", "2"}, "3", true},
		{"below half rounds down", []string{"4", "2", "1"}, "2", true}, // 2.33
		{"above half rounds up", []string{"4", "4", "3"}, "4", true},   // 3.67
		{"2/3 rounds up", []string{"1", "1", "0"}, "1", true},          // 0.67
		{"zeros count", []string{"0", "0", "4"}, "1", true},            // 1.33
		{"NE and empty excluded", []string{"NE", "4", "", "NE", "3"}, "4", true},
		{"unknown codes excluded", []string{"5", "x", "2"}, "2", true},
		{"only NE", []string{"NE", "NE"}, "", false},
		{"only empty", []string{"", ""}, "", false},
		{"nothing", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := MeanRating(tt.codes)
			require.Equal(t, tt.ok, ok)
			require.Equal(t, tt.want, got)
		})
	}
}

func TestEngagement(t *testing.T) {
	for n, want := range map[int]string{0: "", 1: "Engagement faible", 2: "Engagement irrégulier", 3: "Engagement régulier", 4: "Engagement fort", 5: "", -1: ""} {
		require.Equal(t, want != "", ValidEngagement(n), n)
		require.Equal(t, want, EngagementLabel(n), n)
	}
}

func TestKinds(t *testing.T) {
	tests := []struct {
		kind                         Kind
		label                        string
		company, attitude, certified bool
	}{
		{KindP1, "Période 1", false, true, false},
		{KindP2, "Période 2", true, true, false},
		{KindAutre, "Autre", true, true, false},
		{KindE31, "Épreuve E31", false, true, true},
		{KindE33, "Épreuve E33", false, true, true},
	}
	require.Len(t, Kinds(), len(tests))
	for i, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			require.Equal(t, tt.kind, Kinds()[i])
			require.True(t, tt.kind.Valid())
			require.Equal(t, tt.label, tt.kind.Label())
			require.Equal(t, tt.company, tt.kind.HasCompanyReview())
			require.Equal(t, tt.attitude, tt.kind.HasAttitudeReview())
			require.Equal(t, tt.certified, tt.kind.Certificative())
		})
	}
	for _, bad := range []Kind{"", "p1", "P3", "Autre"} {
		require.False(t, bad.Valid(), bad)
		require.False(t, bad.HasCompanyReview(), bad)
		require.False(t, bad.HasAttitudeReview(), bad)
		require.False(t, bad.Certificative(), bad)
		require.Equal(t, string(bad), bad.Label())
	}
}

func TestLevels(t *testing.T) {
	require.Equal(t, []Level{"2de", "1re", "Tle"}, Levels())
	want := []string{"2de Bac Pro", "1re Bac Pro", "Terminale Bac Pro"}
	for i, l := range Levels() {
		require.True(t, l.Valid())
		require.Equal(t, want[i], l.Label())
	}
	for _, bad := range []Level{"", "2nde", "tle", "Terminale"} {
		require.False(t, bad.Valid(), bad)
		require.Equal(t, string(bad), bad.Label())
	}
}
