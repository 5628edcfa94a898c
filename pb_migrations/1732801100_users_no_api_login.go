package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// `users` log in through our /connexion page only (it checks the password itself and shares
// one throttle): PocketBase's password, OTP, OAuth2 and MFA logins are off, so its API is no
// password oracle and its password-reset mails (English, pointing at localhost) are never
// sent. PocketBase's own rate limits are on, the superusers' login of the dashboard strictest.
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.PasswordAuth.Enabled = false
		users.OTP.Enabled = false
		users.OAuth2.Enabled = false
		users.MFA.Enabled = false
		if err := app.Save(users); err != nil {
			return err
		}
		settings := app.Settings()
		settings.RateLimits.Enabled = true
		settings.RateLimits.Rules = rateLimitRules
		return app.Save(settings)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.PasswordAuth.Enabled = true
		if err := app.Save(users); err != nil {
			return err
		}
		settings := app.Settings()
		settings.RateLimits.Enabled = false
		return app.Save(settings)
	})
}

// rateLimitRules: PocketBase's defaults, with a stricter rule for the dashboard's login and
// for the mails a visitor can trigger. A rule names a collection and an action, or a path
// prefix; the first match wins. Duration is in seconds, per client address.
var rateLimitRules = []core.RateLimitRule{
	{Label: core.CollectionNameSuperusers + ":auth", MaxRequests: 5, Duration: 60},
	{Label: "*:auth", MaxRequests: 2, Duration: 3},
	{Label: "*:requestPasswordReset", MaxRequests: 2, Duration: 60},
	{Label: "*:requestVerification", MaxRequests: 2, Duration: 60},
	{Label: "*:requestOTP", MaxRequests: 2, Duration: 60},
	{Label: "*:create", MaxRequests: 20, Duration: 5},
	{Label: "/api/batch", MaxRequests: 3, Duration: 1},
	{Label: "/api/", MaxRequests: 300, Duration: 10},
}
