package dossier_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

// Closed in the summer holidays (or forgotten until after the rentrée), the closing closes the
// year that has just ended, its archives named after it; the next year's closing, the next
// summer, is not refused as a second one.
func TestCloseYearInTheSummerClosesTheYearJustEnded(t *testing.T) {
	t.Parallel()
	for _, at := range []time.Time{
		time.Date(2026, time.August, 20, 8, 0, 0, 0, time.UTC),
		time.Date(2026, time.September, 7, 8, 0, 0, 0, time.UTC),
	} {
		t.Run(at.Format("January"), func(t *testing.T) {
			t.Parallel()
			a := apptest.MustStartDemo(t)
			s := store(a)
			a.Clock.Set(at)
			p, err := s.YearPreview()
			require.NoError(t, err)
			require.Equal(t, pfmp.SchoolYear(2025), p.Year)
			manon := mustCloseWithLeaver(t, a, s, "manon.girard")
			stored, err := s.StudentArchive(manon)
			require.NoError(t, err)
			require.Equal(t, pfmp.SchoolYear(2025), stored.Year, "the archive of the year she finished")

			a.Clock.Set(time.Date(2027, time.July, 6, 8, 0, 0, 0, time.UTC))
			p, err = s.YearPreview()
			require.NoError(t, err)
			require.Equal(t, pfmp.SchoolYear(2026), p.Year)
			require.Nil(t, p.Closed, "2026-2027 is still to close")
			_, err = s.CloseYear(a.MustFind(t, "users", "username", "prof.martin").Id, dossier.Marks{},
				withoutArchives(t, s, dossier.Marks{}))
			require.NoError(t, err)
			closings, err := s.Closings()
			require.NoError(t, err)
			require.Equal(t, []pfmp.SchoolYear{2026, 2025}, []pfmp.SchoolYear{closings[0].Year, closings[1].Year})
		})
	}
}

// After the rentrée's students' import (the classes are the new year's already), the year just
// ended can no longer be closed: it would move everyone up twice and take the new final-level
// students out. An import made before 1 August (lists updated in June) does not stop it.
func TestCloseYearRefusedAfterTheNextYearsImport(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	a.Clock.Set(time.Date(2026, time.September, 7, 8, 0, 0, 0, time.UTC))
	mustImport(t, a, csvOf(t, ";", false, head, "Girard;Manon;Tle MSPC;12/03/2009;scolaire", "Dupont;Léa;1re PMIA;05/09/2010;scolaire"))
	before := tableCounts(t, a)
	manonClass := a.MustFind(t, "users", "username", "manon.girard").GetString("class")

	p, err := s.YearPreview()
	require.NoError(t, err)
	require.False(t, p.NextYearImport.IsZero())
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(p.Refusal()))
	require.Contains(t, pfmp.Message(p.Refusal()), "une seconde fois")
	_, err = s.CloseYear(a.MustFind(t, "users", "username", "prof.martin").Id, dossier.Marks{}, nil)
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err))
	require.Equal(t, before, tableCounts(t, a), "nothing changed")
	require.Equal(t, manonClass, a.MustFind(t, "users", "username", "manon.girard").GetString("class"))
	require.Empty(t, a.MustFind(t, "users", "username", "manon.girard").GetString("left_at"))

	_, err = a.PB.DB().NewQuery(`UPDATE audit_log SET created = '2026-06-20 08:00:00.000Z' WHERE action = 'import_eleves'`).Execute()
	require.NoError(t, err)
	p, err = s.YearPreview()
	require.NoError(t, err)
	require.NoError(t, p.Refusal(), "June's import is the year's own")
}
