package dossier_test

import (
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

// mustCloseWithLeaver closes the year with one student leaving, his archive stored.
func mustCloseWithLeaver(t *testing.T, a *apptest.App, s *dossier.Store, username string) string {
	t.Helper()
	admin := a.MustFind(t, "users", "username", "prof.martin").Id
	st := a.MustFind(t, "users", "username", username)
	zip := filepath.Join(t.TempDir(), username+".zip")
	require.NoError(t, os.WriteFile(zip, []byte("PK archive de "+username), 0o600))
	_, err := s.CloseYear(admin, dossier.Marks{Leaving: map[string]bool{st.Id: true}}, map[string]string{st.Id: zip})
	require.NoError(t, err)
	return st.Id
}

// The administrator's list of the stored archives: the student, the class he left, the year,
// the size; each one opens; an unknown id is not found.
func TestArchivesListsTheLeaversArchives(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	class := a.MustFind(t, "classes", "id", a.MustFind(t, "users", "username", "manon.girard").GetString("class")).GetString("name")
	mustCloseWithLeaver(t, a, s, "manon.girard")

	list, err := s.Archives()
	require.NoError(t, err)
	require.Len(t, list, 1)
	got := list[0]
	require.Equal(t, "Manon GIRARD", got.Student())
	require.Equal(t, class, got.Class, "the class she left, though her account has none any more")
	require.Equal(t, pfmp.SchoolYear(2025), got.Year)
	require.Equal(t, int64(len("PK archive de manon.girard")), got.Size)

	one, err := s.Archive(got.ID)
	require.NoError(t, err)
	r, err := s.OpenArchive(one)
	require.NoError(t, err)
	b, err := io.ReadAll(r)
	require.NoError(t, err)
	r.Close()
	require.Equal(t, "PK archive de manon.girard", string(b))
	_, err = s.Archive("inconnue")
	require.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err))
}

// One rule for the purge date: after a retention change made once the year is closed, the
// date shown with the archive (to the administrator, to the student) is the day the purge
// preview takes the student, and the first day the purge may.
func TestArchiveDateFollowsTheRetentionInForce(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	admin := a.MustFind(t, "users", "username", "prof.martin").Id
	manon := mustCloseWithLeaver(t, a, s, "manon.girard")
	left := a.Clock.Now()

	for _, months := range []int{24, 3} {
		require.NoError(t, s.SetRetention(admin, months))
		until := pfmp.PurgeDate(left, months)
		mine, err := s.StudentArchive(manon)
		require.NoError(t, err)
		require.Equal(t, until, mine.Until, "%d months: the student's date", months)
		list, err := s.Archives()
		require.NoError(t, err)
		require.Equal(t, until, list[0].Until, "%d months: the administrator's date", months)

		a.Clock.Set(until.Add(-time.Minute))
		plan, err := s.PurgePreview()
		require.NoError(t, err)
		require.True(t, plan.Empty(), "%d months: not due the day before", months)
		require.Equal(t, until, plan.Next, "%d months: the next purge is announced for that day", months)

		a.Clock.Set(until.Add(8 * time.Hour))
		plan, err = s.PurgePreview()
		require.NoError(t, err)
		require.Len(t, plan.Students, 1, "%d months: due that day", months)
		require.Equal(t, until, plan.Students[0].PurgeDate)
		require.True(t, plan.Next.IsZero(), "nobody else is waiting")
		a.Clock.Set(left)
	}
}
