package pfmp

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestGrantValid(t *testing.T) {
	now := time.Date(2026, 3, 11, 9, 30, 0, 0, time.UTC)
	for _, c := range []struct {
		name    string
		expires time.Time
		revoked bool
		want    bool
	}{
		{"valid", now.Add(time.Hour), false, true},
		{"revoked", now.Add(time.Hour), true, false},
		{"expired", now.Add(-time.Second), false, false},
		{"expires right now", now, false, false},
		{"no expiry is no grant", time.Time{}, false, false},
	} {
		require.Equal(t, c.want, GrantValid(c.expires, c.revoked, now), c.name)
	}
	require.Equal(t, 180*24*time.Hour, GrantValidity)
}

func TestEffectiveReviewDate(t *testing.T) {
	end := day(2026, 9, 25)
	require.Equal(t, end, EffectiveReviewDate(time.Time{}, end), "none set: the last day")
	require.Equal(t, day(2026, 9, 30), EffectiveReviewDate(day(2026, 9, 30), end))
}

func TestCheckpointLocks(t *testing.T) {
	cp := day(2026, 1, 15)
	reviews := []time.Time{day(2025, 12, 19), day(2026, 1, 15), day(2026, 3, 1)}
	meetings := []time.Time{day(2026, 1, 14), {}}
	require.Equal(t, 2, CheckpointLocks(cp, reviews, meetings), "strictly before its day only; zero never")
	require.Equal(t, 0, CheckpointLocks(time.Time{}, reviews, meetings))
}

func TestWeekHasText(t *testing.T) {
	require.False(t, WeekHasText())
	require.False(t, WeekHasText("", "  \n "))
	require.True(t, WeekHasText("", "J'ai aimé."))
}

func TestFirstEdit(t *testing.T) {
	now := time.Date(2026, 3, 11, 10, 0, 0, 0, time.FixedZone("Paris", 3600))
	require.Equal(t, now.UTC(), FirstEdit(time.Time{}, now))
	first := day(2026, 3, 2)
	require.Equal(t, first, FirstEdit(first, now), "never moved once set")
}

func TestFileNames(t *testing.T) {
	require.Equal(t, "Plan atelier.pdf", FileName(`Plan/atelier`, ".pdf"))
	require.Equal(t, "annexe.pdf", FileName(` ..:: `, ".pdf"))
	require.Equal(t, "photo.jpg", FileName("photo.jpg", ".jpg"))
	require.Equal(t, 120+len(".pdf"), len([]rune(FileName(strings.Repeat("é", 200), ".pdf"))))
	require.Equal(t, "Annexe PFMP 2 — 2de Manon GIRARD.pdf", DossierFileName("Annexe", "PFMP 2 — 2de", "Manon", "GIRARD", ".pdf"))
	require.Equal(t, "Portfolio PFMP 1 Zoé N'Diaye.docx", DossierFileName("Portfolio", "PFMP 1", "Zoé", "N'Diaye", ".docx"))
}

func TestSchoolYear(t *testing.T) {
	require.Equal(t, SchoolYear(2025), SchoolYearOf(day(2026, 3, 11)))
	require.Equal(t, SchoolYear(2025), SchoolYearOf(day(2025, 8, 1)))
	require.Equal(t, SchoolYear(2024), SchoolYearOf(time.Date(2025, 7, 31, 21, 0, 0, 0, time.UTC)), "Paris is still in July")
	require.Equal(t, SchoolYear(2025), SchoolYearOf(time.Date(2025, 7, 31, 22, 30, 0, 0, time.UTC)), "1 August in Paris")
	require.Equal(t, "2025-2026", SchoolYear(2025).Label())
	require.Equal(t, day(2025, 8, 1), SchoolYear(2025).Start())
	require.Equal(t, day(2026, 8, 1), SchoolYear(2025).End())
}

func TestPlaced(t *testing.T) {
	require.False(t, Placed(0, 0))
	require.True(t, Placed(49.44, 0))
	require.True(t, Placed(0, 1.09))
}
