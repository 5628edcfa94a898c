package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A school's accounts (issue 14): `can_import` is the right an administrator gives a teacher
// in the dashboard to import the students' file; `must_change_password` holds an account
// to the password change page until its owner has chosen a password (an imported student,
// a password reset); `master` links an apprentice to his apprenticeship master's account.
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.Fields.Add(
			&core.BoolField{Name: "can_import"},
			&core.BoolField{Name: "must_change_password"},
			one("master", users.Id, false, false),
		)
		idx(users, "master", false, "`master`", "")
		return app.Save(users)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.RemoveIndex("idx_users_master")
		for _, name := range []string{"can_import", "must_change_password", "master"} {
			users.Fields.RemoveByName(name)
		}
		return app.Save(users)
	})
}
