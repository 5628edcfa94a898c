package main

import (
	"livret/dossier"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/osutils"
	"github.com/stretchr/testify/require"
)

func TestServesHTTPSFromFlags(t *testing.T) {
	require.True(t, servesHTTPS([]string{"livret", "serve", "--https", "0.0.0.0:443", "ecole.fr"}))
	require.True(t, servesHTTPS([]string{"livret", "serve", "--https=0.0.0.0:443"}))
	require.False(t, servesHTTPS([]string{"livret", "serve", "--http", "0.0.0.0:80"}))
	t.Setenv("LIVRET_SECURE_COOKIES", "1")
	require.True(t, servesHTTPS([]string{"livret", "serve"}), "behind an HTTPS proxy")
}

// TestProductionModeWhereverTheBinarySits: `go test` runs this binary from the temp folder,
// where PocketBase would guess `go run` and switch to dev mode.
func TestProductionModeWhereverTheBinarySits(t *testing.T) {
	require.True(t, osutils.IsProbablyGoRun(), "the premise: a binary under the temp folder")
	app := newApp()
	require.False(t, app.IsDev())
	require.Equal(t, filepath.Join(filepath.Dir(os.Args[0]), "pb_data"), app.DataDir(), "data next to the binary")

	args := os.Args
	t.Cleanup(func() { os.Args = args })
	os.Args = append(slices.Clone(args), "--dev")
	require.True(t, newApp().IsDev(), "--dev turns it on on purpose")
}

// TestTheAppKeepsItsPreparedStatements: the binary opens its database through the dossier
// layer's statement cache, not PocketBase's default driver.
func TestTheAppKeepsItsPreparedStatements(t *testing.T) {
	args := os.Args
	t.Cleanup(func() { os.Args = args })
	os.Args = append(slices.Clone(args), "--dir", t.TempDir())
	app := newApp()
	require.NoError(t, app.Bootstrap())
	t.Cleanup(func() { _ = app.ResetBootstrapState() })
	require.Equal(t, dossier.DriverName, app.ConcurrentDB().(*dbx.DB).DriverName())
	require.Equal(t, dossier.DriverName, app.NonconcurrentDB().(*dbx.DB).DriverName())
}
