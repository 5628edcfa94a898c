package dossier

import (
	"log/slog"

	"github.com/pocketbase/pocketbase/core"
)

// StatisticsJob is the cron job that refreshes the statistics every night, half an hour
// after PocketBase's PRAGMA optimize (which analyses stale tables again, samples included).
const StatisticsJob = "livretStatistics"

// KeepStatistics refreshes the statistics once the app serves (the migrations have run;
// off the start-up path) and every night.
func KeepStatistics(app core.App) {
	refresh := func() {
		if err := RefreshStatistics(app); err != nil {
			app.Logger().Error("planner statistics", slog.String("error", err.Error()))
		}
	}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		go refresh()
		return se.Next()
	})
	app.Cron().MustAdd(StatisticsJob, "30 0 * * *", refresh)
}

// RefreshStatistics updates SQLite's planner statistics (ANALYZE): without them the planner
// guesses, and a 10,000-student school gets the scans of a 10-student one. Run it after the
// migrations and after large imports (and nightly, after PocketBase's PRAGMA optimize).
//
// Only the averages are kept (sqlite_stat1), not STAT4's samples: with samples, a statement
// whose plan might depend on a parameter's value is planned again on every run (the rule of
// sqlite3_prepare_v2), so the connections' kept statements (DBConnect) were parsed and
// planned anew each time — a third of a rendered period page at 10,000 students. Our
// lookups are equalities on indexed ids, which the averages plan as well. Creating and
// dropping a table at the end changes the schema's version: every open connection reloads
// the statistics before its next statement.
func RefreshStatistics(app core.App) error {
	for _, q := range []string{
		"ANALYZE",
		"DELETE FROM sqlite_stat4",
		"CREATE TABLE _livret_statistics_reload (x)",
		"DROP TABLE _livret_statistics_reload",
	} {
		if _, err := app.NonconcurrentDB().NewQuery(q).Execute(); err != nil {
			return err
		}
	}
	return nil
}
