package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A teacher's invitation (issue 14): the one-time « Choisir mon mot de passe » link of a
// teacher's account the school's administrator imported. One row per teacher, replaced by a
// new invitation: the SHA-256 of its token (never the token), its end of validity, when it was
// last sent and by which email (mail_log), when it was used.
func init() {
	m.Register(func(app core.App) error {
		usersID, err := collectionId(app, "users")
		if err != nil {
			return err
		}
		mailID, err := collectionId(app, "mail_log")
		if err != nil {
			return err
		}
		invitations := core.NewBaseCollection("invitations")
		invitations.Fields.Add(
			one("user", usersID, true, true),
			&core.TextField{Name: "token_hash", Max: 128}, // hex SHA-256
			&core.DateField{Name: "expires"},
			&core.DateField{Name: "sent_at"},
			&core.DateField{Name: "used_at"},
			one("mail", mailID, false, false),
		)
		idx(invitations, "user", true, "`user`", "")
		idx(invitations, "token_hash", true, "`token_hash`", "`token_hash` != ''")
		return saveAll(app, invitations)
	}, func(app core.App) error {
		return deleteCollections(app, "invitations")
	})
}
