package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// An invitation remembers the token key its account had when it was issued: any password
// set since (a slip, the dashboard) or any session ended renews that key, and the link then
// opens nothing — even if someone clears its `used_at` in the dashboard.
func init() {
	m.Register(func(app core.App) error {
		invitations, err := app.FindCollectionByNameOrId("invitations")
		if err != nil {
			return err
		}
		invitations.Fields.Add(&core.TextField{Name: "token_key", Max: 255, Hidden: true})
		return app.Save(invitations)
	}, func(app core.App) error {
		invitations, err := app.FindCollectionByNameOrId("invitations")
		if err != nil {
			return err
		}
		invitations.Fields.RemoveByName("token_key")
		return app.Save(invitations)
	})
}
