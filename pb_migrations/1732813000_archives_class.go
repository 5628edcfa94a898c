package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A leaver's archive names the class he left (`archives.class_name`: his user row loses its
// class at the closing), for the administrator's list. `archives.available_until` goes: it
// froze the purge date at the closing while the purge follows the retention in force, so
// the two disagreed after a change; the date is computed from `users.left_at` and the
// current retention (pfmp.PurgeDate), one rule for the pages and the purge.
func init() {
	m.Register(func(app core.App) error {
		archives, err := app.FindCollectionByNameOrId("archives")
		if err != nil {
			return err
		}
		archives.Fields.Add(&core.TextField{Name: "class_name", Max: 200})
		archives.RemoveIndex("idx_archives_available_until")
		archives.Fields.RemoveByName("available_until")
		return app.Save(archives)
	}, func(app core.App) error {
		archives, err := app.FindCollectionByNameOrId("archives")
		if err != nil {
			return err
		}
		archives.Fields.RemoveByName("class_name")
		archives.Fields.Add(&core.DateField{Name: "available_until"})
		idx(archives, "available_until", false, "`available_until`", "")
		return app.Save(archives)
	})
}
