package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A bilan's history lists its saves, the latest first, on every save and refusal of the form:
// with `created` in the (collection, record) index, SQLite reads them in order, instead of
// sorting every save of the record each time (a tutor's autosaves make hundreds).
func init() {
	m.Register(func(app core.App) error {
		return auditIndex(app, "`collection`, `record`, `created`")
	}, func(app core.App) error {
		return auditIndex(app, "`collection`, `record`")
	})
}

func auditIndex(app core.App, columns string) error {
	auditLog, err := app.FindCollectionByNameOrId("audit_log")
	if err != nil {
		return err
	}
	auditLog.RemoveIndex("idx_audit_log_collection_record")
	idx(auditLog, "collection_record", false, columns, "")
	return app.Save(auditLog)
}
