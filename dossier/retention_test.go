package dossier_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/pfmp"
)

// The retention shows its default until the administrator chooses; each change is recorded
// with who made it, old → new; an out-of-range value changes nothing.
func TestRetentionChangesAreRecorded(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	admin := a.MustFind(t, "users", "username", "prof.martin").Id

	r, err := s.Retention()
	require.NoError(t, err)
	require.Equal(t, pfmp.DefaultRetentionMonths, r.Months)
	require.True(t, r.Default)

	require.NoError(t, s.SetRetention(admin, 24))
	require.NoError(t, s.SetRetention(admin, 24), "the same value again: nothing to record")
	require.NoError(t, s.SetRetention(admin, 6))
	require.Equal(t, pfmp.ErrInvalid, pfmp.KindOf(s.SetRetention(admin, 0)))
	require.Equal(t, pfmp.ErrInvalid, pfmp.KindOf(s.SetRetention(admin, 121)))

	r, err = s.Retention()
	require.NoError(t, err)
	require.Equal(t, 6, r.Months)
	require.False(t, r.Default)
	history, err := s.RetentionHistory()
	require.NoError(t, err)
	require.Len(t, history, 2)
	require.Equal(t, [2]int{24, 6}, [2]int{history[0].Old, history[0].New})
	require.Equal(t, [2]int{12, 24}, [2]int{history[1].Old, history[1].New})
	require.Equal(t, "Claire MARTIN", history[0].Actor)
}
