package migrations

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// mail_log becomes the mail queue (package mail): a `pending` status for messages
// waiting for their first try or a retry, what a retry and a restart need
// (recipient's name, HTML body, attempts, next try) and the dedupe key.
func init() {
	m.Register(func(app core.App) error {
		col, err := app.FindCollectionByNameOrId("mail_log")
		if err != nil {
			return err
		}
		col.Fields.GetByName("status").(*core.SelectField).Values = []string{"pending", "sent", "outbox", "failed"}
		col.Fields.Add(
			&core.TextField{Name: "to_name", Max: maxShort},
			&core.TextField{Name: "html", Max: 100000},
			&core.TextField{Name: "dedupe_key", Max: maxLabel},
			intField("attempts", types.Pointer(0.0), nil),
			&core.DateField{Name: "next_try"},
			&core.DateField{Name: "sent_at"},
		)
		idx(col, "dedupe_key_status", false, "`dedupe_key`, `status`", "")
		idx(col, "placement_kind_created", false, "`placement`, `kind`, `created`", "")
		return app.Save(col)
	}, func(app core.App) error {
		col, err := app.FindCollectionByNameOrId("mail_log")
		if err != nil {
			return err
		}
		// A message still queued cannot be represented any more: it never left.
		if _, err := app.DB().Update("mail_log",
			dbx.Params{"status": "failed", "error": "Annulé : file d'envoi supprimée."},
			dbx.HashExp{"status": "pending"}).Execute(); err != nil {
			return err
		}
		col.RemoveIndex("idx_mail_log_dedupe_key_status")
		col.RemoveIndex("idx_mail_log_placement_kind_created")
		for _, name := range []string{"to_name", "html", "dedupe_key", "attempts", "next_try", "sent_at"} {
			col.Fields.RemoveByName(name)
		}
		col.Fields.GetByName("status").(*core.SelectField).Values = []string{"sent", "outbox", "failed"}
		return app.Save(col)
	})
}
