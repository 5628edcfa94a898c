package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The school's administrator in the app (issue 14): a teacher the dashboard's administrator
// marks `school_admin` imports the teachers' accounts, sets how long a leaving student's data
// is kept, closes the school year and purges — and may import the students' file too.
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.Fields.Add(&core.BoolField{Name: "school_admin"})
		return app.Save(users)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.Fields.RemoveByName("school_admin")
		return app.Save(users)
	})
}
