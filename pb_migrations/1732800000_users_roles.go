package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// usersFields are the fields this migration adds to `users`
// (`class` is added by the school migration, once `classes` exists).
var usersFields = []string{"role", "first_name", "last_name", "username", "status", "birth_date", "phone"}

func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}

		users.Fields.Add(
			&core.SelectField{Name: "role", Values: []string{"teacher", "student", "tutor", "master"}, MaxSelect: 1, Required: true},
			&core.TextField{Name: "first_name", Max: maxName},
			&core.TextField{Name: "last_name", Max: maxName},
			&core.TextField{Name: "username", Max: maxName},
			&core.SelectField{Name: "status", Values: []string{"scolaire", "apprenti"}, MaxSelect: 1},
			&core.DateField{Name: "birth_date"},
			&core.TextField{Name: "phone", Max: 40},
		)
		// Students often have no email: they log in with their username.
		users.Fields.GetByName(core.FieldNameEmail).(*core.EmailField).Required = false
		idx(users, "username", true, "`username`", "`username` != ''")
		idx(users, "role", false, "`role`", "")
		idx(users, "last_name_first_name", false, "`last_name`, `first_name`", "")

		// Our own login form calls ValidatePassword and issues the token
		// itself; PocketBase's auth endpoints and public signup stay closed.
		users.PasswordAuth.Enabled = true
		users.PasswordAuth.IdentityFields = []string{core.FieldNameEmail, "username"}
		users.OAuth2.Enabled = false

		return saveAll(app, users)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.PasswordAuth.IdentityFields = []string{core.FieldNameEmail}
		users.RemoveIndex("idx_users_username")
		users.RemoveIndex("idx_users_role")
		users.RemoveIndex("idx_users_last_name_first_name")
		for _, name := range usersFields {
			users.Fields.RemoveByName(name)
		}
		users.Fields.GetByName(core.FieldNameEmail).(*core.EmailField).Required = true
		// PocketBase's defaults.
		owner := types.Pointer("id = @request.auth.id")
		users.ListRule, users.ViewRule, users.UpdateRule, users.DeleteRule = owner, owner, owner, owner
		users.CreateRule = types.Pointer("")
		users.AuthRule = types.Pointer("")
		return app.Save(users)
	})
}
