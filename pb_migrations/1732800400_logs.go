package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Mail log and audit log.
func init() {
	m.Register(func(app core.App) error {
		usersId, err := collectionId(app, "users")
		if err != nil {
			return err
		}
		placementsId, err := collectionId(app, "placements")
		if err != nil {
			return err
		}

		mailLog := core.NewBaseCollection("mail_log")
		mailLog.Fields.Add(
			&core.TextField{Name: "to", Max: maxShort},
			&core.TextField{Name: "subject", Max: maxShort},
			&core.TextField{Name: "kind", Max: maxCode},
			&core.SelectField{Name: "status", Values: []string{"sent", "outbox", "failed"}, MaxSelect: 1},
			&core.TextField{Name: "error", Max: maxLong},
			// kept when the placement is deleted
			one("placement", placementsId, false, false),
			&core.TextField{Name: "body", Max: 100000},
		)
		idx(mailLog, "placement", false, "`placement`", "")
		idx(mailLog, "status_created", false, "`status`, `created`", "")
		idx(mailLog, "kind", false, "`kind`", "")
		idx(mailLog, "created", false, "`created`", "")

		auditLog := core.NewBaseCollection("audit_log")
		auditLog.Fields.Add(
			one("actor", usersId, false, false),
			&core.TextField{Name: "action", Max: maxName},
			&core.TextField{Name: "collection", Max: maxName},
			&core.TextField{Name: "record", Max: maxName},
			&core.JSONField{Name: "detail"},
		)
		idx(auditLog, "collection_record", false, "`collection`, `record`", "")
		idx(auditLog, "actor", false, "`actor`", "")
		idx(auditLog, "created", false, "`created`", "")

		return saveAll(app, mailLog, auditLog)
	}, func(app core.App) error {
		return deleteCollections(app, "audit_log", "mail_log")
	})
}
