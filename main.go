// Livret: the PFMP booklet of a vocational school, one binary (PocketBase + the pages).
package main

import (
	"log"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/migratecmd"

	"livret/demo"
	"livret/dossier"
	"livret/hooks"
	_ "livret/pb_migrations"
	"livret/print"
	"livret/web"
)

func main() {
	app := pocketbase.New()
	migratecmd.MustRegister(app, app.RootCmd, migratecmd.Config{Dir: "pb_migrations"})
	hooks.Register(app, time.Now)
	printer := print.New(print.Options{}) // Chromium starts on the first print
	pages := web.Register(app, web.Config{SecureCookies: servesHTTPS(os.Args), TileURL: os.Getenv("LIVRET_TILE_URL"),
		NoViewCache: os.Getenv("LIVRET_VIEW_CACHE") == "off", Printer: printer})
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
		go func() { // the migrations have run: refresh the planner's statistics, off the start-up path
			if err := dossier.RefreshStatistics(se.App); err != nil {
				se.App.Logger().Error("planner statistics", "error", err)
			}
		}()
		return se.Next()
	})
	if err := app.Start(); err != nil {
		log.Fatal(err)
	}
}

// servesHTTPS tells from the serve flags whether cookies must be Secure: the pages never see TLS.
func servesHTTPS(args []string) bool {
	return os.Getenv("LIVRET_SECURE_COOKIES") == "1" || slices.ContainsFunc(args, func(a string) bool {
		return a == "--https" || strings.HasPrefix(a, "--https=")
	})
}
