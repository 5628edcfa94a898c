package dossier_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
)

// The purge leaves the deleted rows readable nowhere on disk: neither in data.db's pages nor in
// its WAL, once the purge returns.
func TestPurgeOverwritesTheDeletedRowsOnDisk(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	admin := a.MustFind(t, "users", "username", "prof.martin").Id
	manon := a.MustFind(t, "users", "username", "manon.girard")
	pl := a.MustPlacement(t, e31, "manon.girard")
	a.MustRecord(t, "comments", map[string]any{"placement": pl.Id, "author": admin, "body": "Remarque unique Zéphyrine-Quentovic"})
	_, err := s.CloseYear(admin, dossier.Marks{Leaving: map[string]bool{manon.Id: true}}, map[string]string{manon.Id: ""})
	require.NoError(t, err)
	_, err = a.PB.DB().NewQuery(`PRAGMA wal_checkpoint(TRUNCATE)`).Execute()
	require.NoError(t, err)
	traces := [][]byte{[]byte("Zéphyrine-Quentovic"), []byte("manon.girard"), []byte(manon.Id)}
	for _, tr := range traces {
		require.True(t, onDisk(t, a, tr), "%s is on disk before the purge", tr)
	}

	a.Clock.Set(a.Clock.Now().AddDate(2, 0, 0))
	_, err = s.Purge(admin, []string{manon.Id})
	require.NoError(t, err)
	for _, tr := range traces {
		require.False(t, onDisk(t, a, tr), "%s still readable in data.db or its WAL", tr)
	}
}

// onDisk reports whether the raw bytes of data.db or its WAL hold b.
func onDisk(t *testing.T, a *apptest.App, b []byte) bool {
	t.Helper()
	for _, name := range []string{"data.db", "data.db-wal"} {
		raw, err := os.ReadFile(filepath.Join(a.PB.DataDir(), name))
		if os.IsNotExist(err) {
			continue
		}
		require.NoError(t, err)
		if bytes.Contains(raw, b) {
			return true
		}
	}
	return false
}
