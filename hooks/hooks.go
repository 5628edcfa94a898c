// Package hooks holds the invariants that must hold on every path — our pages, the REST API,
// the dashboard, cascades — as PocketBase model hooks.
package hooks

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// Register binds every model hook; now is the clock of the stamps (tests inject one).
func Register(app core.App, now func() time.Time) {
	if now == nil {
		now = time.Now
	}
	registerLocks(app, now)
	registerCheckpoints(app, now)
	registerPlannedLevels(app, now)
	registerPortfolio(app, now)
	registerAudit(app)
	registerMasters(app)
	registerInvitations(app, now)
}
