package demo_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

func counts(t *testing.T, a *apptest.App) map[string]int64 {
	out := map[string]int64{}
	for _, col := range []string{"users", "classes", "annexes", "periods", "placements", "checkpoints",
		"journal_weeks", "interventions", "tutor_access", "_superusers"} {
		n, err := a.PB.CountRecords(col)
		require.NoError(t, err)
		out[col] = n
	}
	return out
}

func TestDemoSchoolIsIdempotent(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	logins, err := demo.Seed(a.PB, a.Clock.Now())
	require.NoError(t, err)
	first := counts(t, a)
	require.Equal(t, map[string]int64{"users": 15, "classes": 2, "annexes": 2, "periods": 3, "placements": 18,
		"checkpoints": 6, "journal_weeks": 3, "interventions": 1, "tutor_access": 0, "_superusers": 1}, first)
	require.Len(t, logins, 16, "every account is printed, the administrator first")

	_, err = demo.Seed(a.PB, a.Clock.Now().Add(30*24*time.Hour)) // run again, even a month later
	require.NoError(t, err)
	require.Equal(t, first, counts(t, a))

	require.NotEmpty(t, a.MustFind(t, "users", "status", "apprenti").Id, "some students are apprentices")
	master := a.MustFind(t, "users", "username", "julien.boisseau")
	require.Equal(t, master.Id, a.MustFind(t, "users", "username", "lucas.lambert").GetString("master"),
		"the master is linked to his apprentice")
}

func TestDemoRefusesAFolderThatServesASchool(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	a.MustRecord(t, "_superusers", map[string]any{"email": "admin@lycee.fr", "password": "un-long-secret"})
	cmd := demo.Command(a.PB)
	cmd.SetArgs([]string{"--http", "127.0.0.1:0"})
	err := cmd.Execute()
	require.ErrorContains(t, err, "sert déjà un établissement (administrateur admin@lycee.fr)")
	n, err := a.PB.CountRecords("users")
	require.NoError(t, err)
	require.Zero(t, n, "no demo account was created")
}
