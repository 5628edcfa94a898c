// Package hooks holds the invariants that must hold on every path — our pages, the REST API,
// the dashboard, cascades — as PocketBase model hooks.
package hooks

import "github.com/pocketbase/pocketbase/core"

// Register binds every model hook.
func Register(app core.App) {
	registerLocks(app)
	registerPortfolio(app)
}
