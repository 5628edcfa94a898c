package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A school's accounts (issue 14): `can_import` is the right an administrator gives a teacher
// in the dashboard to import the students' file; `must_change_password` holds an account
// to the password change page until its owner has chosen a password (an imported student,
// a password reset). (An apprentice's `master` comes with the tutors' migration, 1732807000.)
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.Fields.Add(
			&core.BoolField{Name: "can_import"},
			&core.BoolField{Name: "must_change_password"},
		)
		return app.Save(users)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		for _, name := range []string{"can_import", "must_change_password"} {
			users.Fields.RemoveByName(name)
		}
		return app.Save(users)
	})
}
