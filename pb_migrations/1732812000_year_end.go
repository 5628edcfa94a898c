package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// The end of the school year (issue 14): `users.left_at` marks a student who left the school
// (he may still log in and download his data until the purge); `school_settings` holds the
// school's one row of settings (how long a leaver's data is kept); `archives` the ZIP of each
// leaver's dossiers, kept until his purge date; `year_closings` one row per school year closed,
// unique, so a year is never closed twice. All superuser-only, like every collection.
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.Fields.Add(&core.DateField{Name: "left_at"})
		idx(users, "left_at", false, "`left_at`", "`left_at` != ''")
		if err := app.Save(users); err != nil {
			return err
		}

		settings := core.NewBaseCollection("school_settings")
		settings.Fields.Add(
			intField("retention_months", types.Pointer(1.0), types.Pointer(120.0)),
			one("updated_by", users.Id, false, false),
		)

		archives := core.NewBaseCollection("archives")
		archives.Fields.Add(
			one("student", users.Id, true, true),
			intField("school_year", types.Pointer(2000.0), types.Pointer(3000.0)),
			&core.FileField{Name: "file", MaxSelect: 1, MaxSize: 4 << 30, Protected: true},
			intField("size", types.Pointer(0.0), nil),
			&core.DateField{Name: "available_until"}, // the student's purge date
		)
		idx(archives, "student_year", true, "`student`, `school_year`", "")
		idx(archives, "available_until", false, "`available_until`", "")

		closings := core.NewBaseCollection("year_closings")
		closings.Fields.Add(
			intField("school_year", types.Pointer(2000.0), types.Pointer(3000.0)),
			one("actor", users.Id, false, false),
			&core.JSONField{Name: "counts"}, // no names: how many moved up, repeated, left, archives
		)
		idx(closings, "school_year", true, "`school_year`", "")

		return saveAll(app, settings, archives, closings)
	}, func(app core.App) error {
		if err := deleteCollections(app, "year_closings", "archives", "school_settings"); err != nil {
			return err
		}
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.RemoveIndex("idx_users_left_at")
		users.Fields.RemoveByName("left_at")
		return app.Save(users)
	})
}
