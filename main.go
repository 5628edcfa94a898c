// Livret: the PFMP booklet of a vocational school, one binary (PocketBase + the pages).
package main

import (
	"log"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	"livret/demo"
	"livret/dossier"
	"livret/hooks"
	"livret/mail"
	_ "livret/pb_migrations"
	"livret/print"
	"livret/web"
)

func main() {
	app := newApp()
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{Dir: "pb_migrations"})
	hooks.Register(app, time.Now)
	dossier.KeepStatistics(app)
	printer := print.New(print.Options{}) // Chromium starts on the first print
	var pages *web.Server
	// The mail queue starts when the app serves and stops when it ends; a restart mints new
	// links for the tutors' emails still queued (links are never stored).
	mailer := mail.Register(app, mail.Config{Relink: func(kind, to, placement string) (string, error) {
		return pages.Relink(kind, to, placement)
	}})
	pages = web.Register(app, web.Config{SecureCookies: servesHTTPS(os.Args), TileURL: os.Getenv("LIVRET_TILE_URL"),
		NoViewCache: os.Getenv("LIVRET_VIEW_CACHE") == "off", Printer: printer, Mailer: mailer})
	app.OnTerminate().BindFunc(func(e *core.TerminateEvent) error {
		pages.Close()
		printer.Close()
		return e.Next()
	})
	app.RootCmd.AddCommand(demo.Command(app))
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if _, err := print.ChromePath(); err != nil {
			se.App.Logger().Warn(print.InstallHint)
		}
		return se.Next()
	})
	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// newApp is PocketBase in production mode wherever the binary sits: PocketBase's own guess
// takes a binary under the temp or cache folder for `go run` (dev mode: every SQL statement
// logged, data in the working folder). Its `--dev` flag turns dev mode on on purpose. The data
// folder defaults to pb_data next to the binary, as for any built PocketBase.
func newApp() *pocketbase.PocketBase {
	return pocketbase.NewWithConfig(pocketbase.Config{
		DefaultDev:     false,
		DefaultDataDir: filepath.Join(filepath.Dir(os.Args[0]), "pb_data"),
		DBConnect:      dossier.DBConnect,
	})
}

// servesHTTPS tells from the serve flags whether cookies must be Secure: the pages never see TLS.
func servesHTTPS(args []string) bool {
	return os.Getenv("LIVRET_SECURE_COOKIES") == "1" || slices.ContainsFunc(args, func(a string) bool {
		return a == "--https" || strings.HasPrefix(a, "--https=")
	})
}
