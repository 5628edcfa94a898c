package apptest

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/crypto/bcrypt"

	"livret/demo"
	"livret/dossier"
	"livret/hooks"
)

// Prepared data folders: the migrations (and, for MustStartDemo, the demo school) are applied
// once per test process into a template folder, which each test then copies — as PocketBase's
// own test app does — instead of migrating and seeding again.

var (
	templatesMu sync.Mutex
	templates   = map[bool]string{} // with demo → folder
)

// templateDir is the prepared folder, made on first use.
func templateDir(tb testing.TB, withDemo bool) string {
	tb.Helper()
	templatesMu.Lock()
	defer templatesMu.Unlock()
	if dir, ok := templates[withDemo]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "livret-apptest-")
	if err != nil {
		tb.Fatalf("template folder: %v", err)
	}
	if err := prepare(dir, withDemo); err != nil {
		_ = os.RemoveAll(dir)
		tb.Fatalf("prepare template: %v", err)
	}
	templates[withDemo] = dir
	return dir
}

// prepare migrates a new data folder and seeds the demo school at DefaultNow when asked.
func prepare(dir string, withDemo bool) error {
	pb := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, DBConnect: dossier.DBConnect})
	if err := pb.Bootstrap(); err != nil {
		return err
	}
	defer pb.ResetBootstrapState() // closes the databases: their WAL is folded back in
	hooks.Register(pb, func() time.Time { return DefaultNow })
	if err := pb.RunAllMigrations(); err != nil {
		return err
	}
	if err := fastPasswords(pb); err != nil {
		return err
	}
	if withDemo {
		if _, err := demo.Seed(pb, DefaultNow); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	return nil
}

// fastPasswords hashes the test school's passwords at bcrypt's lowest cost — its own schema
// setting, in the prepared folder only (a real school keeps PocketBase's default, checked by
// pb_migrations' tests). Logins still compare real bcrypt hashes; at the default cost they
// were half of the web tests' CPU, for no behaviour of ours.
func fastPasswords(pb core.App) error {
	users, err := pb.FindCollectionByNameOrId("users")
	if err != nil {
		return err
	}
	field, ok := users.Fields.GetByName(core.FieldNamePassword).(*core.PasswordField)
	if !ok {
		return fmt.Errorf("users: no password field")
	}
	field.Cost = bcrypt.MinCost
	return pb.Save(users)
}

// copyDir copies the prepared folder's files into dst.
func copyDir(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// MustStartDemo starts the app on a copy of a data folder holding the demo school.
func MustStartDemo(tb testing.TB, opts ...Option) *App {
	tb.Helper()
	return mustStartCopy(tb, true, opts)
}

func mustStartCopy(tb testing.TB, withDemo bool, opts []Option) *App {
	tb.Helper()
	dir := tb.TempDir()
	if err := copyDir(templateDir(tb, withDemo), dir); err != nil {
		tb.Fatalf("copy data folder: %v", err)
	}
	return MustStartIn(tb, dir, opts...)
}
