// Package migrated gives a package's tests data folders with every registered migration
// applied, each a copy of one folder migrated once per test process (migrating anew costs
// a second a test). It imports no package of ours: the migrations' own tests use it too.
package migrated

import (
	"os"
	"sync"
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

var folder struct {
	once sync.Once
	dir  string
	err  error
}

// Dir is a new test folder holding a migrated data folder.
func Dir(tb testing.TB) string {
	tb.Helper()
	folder.once.Do(func() { folder.dir, folder.err = migrate() })
	if folder.err != nil {
		tb.Fatalf("migrate: %v", folder.err)
	}
	dir := tb.TempDir()
	if err := os.CopyFS(dir, os.DirFS(folder.dir)); err != nil {
		tb.Fatalf("copy the migrated folder: %v", err)
	}
	return dir
}

// Main runs the tests, then removes the migrated folder: call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	if folder.dir != "" {
		_ = os.RemoveAll(folder.dir)
	}
	os.Exit(code)
}

// migrate applies every migration to a new folder, then closes its databases.
func migrate() (string, error) {
	dir, err := os.MkdirTemp("", "livret-migrated-")
	if err != nil {
		return "", err
	}
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	if err := app.Bootstrap(); err != nil {
		return "", err
	}
	defer app.ResetBootstrapState()
	return dir, app.RunAllMigrations()
}
