// Package apptest starts the real app for tests and benchmarks: PocketBase on a temp dir with
// every migration and hook, the pages mounted, a real HTTP server on 127.0.0.1.
package apptest

import (
	"context"
	"net"
	"net/http"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"livret/dossier"
	"livret/hooks"
	"livret/mail"
	_ "livret/pb_migrations"
	"livret/print"
	"livret/web"
)

// App is a running Livret: URL is its base address, PB its PocketBase app.
type App struct {
	URL     string
	PB      core.App
	Web     *web.Server
	Printer *print.Service
	Clock   *Clock
}

// Clock is the injected clock: fixed unless a test moves it.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// Now returns the clock's time.
func (c *Clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// Set moves the clock.
func (c *Clock) Set(t time.Time) { c.mu.Lock(); defer c.mu.Unlock(); c.t = t }

// DefaultNow is the tests' "today": a Wednesday in a school term.
var DefaultNow = time.Date(2026, time.March, 11, 9, 30, 0, 0, time.UTC)

// MailRetry are the test app's waits before each new try of a failed email: the production
// back-off, in milliseconds.
var MailRetry = []time.Duration{20 * time.Millisecond, 50 * time.Millisecond, 100 * time.Millisecond}

// Option changes the pages' configuration of a test app (web.Config).
type Option func(*web.Config)

// WithPrintOptions gives the app a print service of its own options: a ChromePath where there
// is no Chromium gives the app without Chromium, Workers: 1 a queue a test can hold.
func WithPrintOptions(o print.Options) Option {
	return func(c *web.Config) { c.Printer = print.New(o) }
}

// MustStart starts the app on a copy of a migrated, empty data folder and stops it when the
// test ends.
func MustStart(tb testing.TB, opts ...Option) *App {
	tb.Helper()
	return mustStartCopy(tb, false, opts)
}

// MustStartIn starts the app on an existing data folder (benchmarks reuse one). The pages
// print with the test process's shared print.Service (SharedPrinter) unless an option gives
// them one of their own, which is closed when the test ends, whoever made it.
func MustStartIn(tb testing.TB, dir string, opts ...Option) *App {
	tb.Helper()
	pb := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, DBConnect: dossier.DBConnect})
	if err := pb.Bootstrap(); err != nil {
		tb.Fatalf("bootstrap: %v", err)
	}
	clock := &Clock{t: DefaultNow}
	hooks.Register(pb, clock.Now)
	var pages *web.Server
	mailer := mail.Register(pb, mail.Config{Retry: MailRetry, Now: clock.Now,
		Relink: func(kind, to, placement string) (string, error) { return pages.Relink(kind, to, placement) }})
	cfg := web.Config{Now: clock.Now, NoViewCache: os.Getenv("LIVRET_VIEW_CACHE") == "off", Mailer: mailer}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.Printer == nil {
		cfg.Printer = SharedPrinter()
	}
	pages = web.Register(pb, cfg)

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("listen: %v", err)
	}
	ready := make(chan *http.Server, 1)
	pb.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Priority: -1000, // before the pages mount: only sets where to listen
		Func: func(se *core.ServeEvent) error {
			se.Listener = ln
			se.InstallerFunc = nil // no superuser installer in tests
			ready <- se.Server
			return se.Next()
		},
	})
	done := make(chan error, 1)
	go func() { done <- apis.Serve(pb, apis.ServeConfig{HttpAddr: ln.Addr().String()}) }()
	var srv *http.Server
	select {
	case srv = <-ready:
	case err := <-done:
		tb.Fatalf("serve: %v", err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		<-done
		pages.Close()
		mailer.Stop()
		if cfg.Printer != SharedPrinter() {
			cfg.Printer.Close()
		}
		_ = pb.ResetBootstrapState()
	})
	return &App{URL: "http://" + ln.Addr().String(), PB: pb, Web: pages, Printer: cfg.Printer, Clock: clock}
}

var sharedPrinter = sync.OnceValue(func() *print.Service {
	return print.New(print.Options{Workers: 4, MaxWaiting: 1000})
})

// SharedPrinter is the print service of every test app given none of its own: one Chromium
// for the process rather than one per app (its start cost more than most prints). It is
// roomy — the parallel tests' documents all queue there — and Main closes it.
func SharedPrinter() *print.Service { return sharedPrinter() }
