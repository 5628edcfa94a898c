package web

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// lockUsersAPI closes what the users collection's settings cannot: PocketBase answers
// request-verification for any auth collection and mails its default English message
// pointing at the server's configured URL. Accounts are managed by administrators, so the
// request is acknowledged as PocketBase does for an unknown address, and nothing is sent.
// (Password, OTP and OAuth2 logins, and with them password-reset mails, are off on users:
// see migration 1732801100.)
func lockUsersAPI(app core.App) {
	app.OnRecordRequestVerificationRequest("users").BindFunc(func(e *core.RecordRequestVerificationRequestEvent) error {
		return e.NoContent(http.StatusNoContent)
	})
}
