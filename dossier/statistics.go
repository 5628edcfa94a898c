package dossier

import "github.com/pocketbase/pocketbase/core"

// RefreshStatistics updates SQLite's planner statistics (ANALYZE): without them the planner
// guesses, and a 10,000-student school gets the scans of a 10-student one. Run it after the
// migrations and after large imports.
func RefreshStatistics(app core.App) error {
	_, err := app.NonconcurrentDB().NewQuery("ANALYZE").Execute()
	return err
}
