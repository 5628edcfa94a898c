package web_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// apiPost posts JSON to PocketBase's REST API.
func apiPost(t *testing.T, c *apptest.Client, path, json string) *apptest.Response {
	t.Helper()
	return c.Do(http.MethodPost, path, strings.NewReader(json), "application/json")
}

// TestTheAPIIsNoPasswordOracle: PocketBase's own login for users would tell a right password
// from a wrong one and skip our throttle; every attempt gets the same answer.
func TestTheAPIIsNoPasswordOracle(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.NewClient(t)
	const path = "/api/collections/users/auth-with-password"
	right := apiPost(t, c, path, `{"identity":"prof.martin","password":"`+demo.Password+`"}`)
	wrong := apiPost(t, c, path, `{"identity":"prof.martin","password":"devine"}`)
	require.NotEqual(t, http.StatusOK, right.Status)
	require.Equal(t, right.Status, wrong.Status)
	require.Equal(t, right.Body, wrong.Body)
	require.NotContains(t, right.Body, "token")
	more := apiPost(t, c, path, `{"identity":"personne","password":"devine"}`)
	require.Equal(t, http.StatusTooManyRequests, more.Status, "and it is throttled")

	otp := apiPost(t, c, "/api/collections/users/request-otp", `{"email":"prof.martin@demo.livret.fr"}`)
	require.NotEqual(t, http.StatusOK, otp.Status, "no one-time passwords by mail")
	methods := c.Get("/api/collections/users/auth-methods")
	require.Contains(t, methods.Body, `"emailPassword":false`)
	require.Contains(t, methods.Body, `"usernamePassword":false`)
}

// TestTheAPISendsNoAccountMail: password-reset and verification mails (PocketBase's English
// default, pointing at its configured URL) are never sent for users, and the answer does not
// tell a known address from an unknown one.
func TestTheAPISendsNoAccountMail(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	sent := 0
	a.PB.OnMailerSend().BindFunc(func(e *core.MailerEvent) error { sent++; return nil })
	// Bound after the app's own hooks: reached only if nothing stopped the request before
	// PocketBase's default action (which mails).
	reached := 0
	a.PB.OnRecordRequestVerificationRequest("users").BindFunc(func(e *core.RecordRequestVerificationRequestEvent) error {
		reached++
		return e.Next()
	})
	c := a.NewClient(t)
	for _, action := range []string{"request-password-reset", "request-verification"} {
		known := apiPost(t, c, "/api/collections/users/"+action, `{"email":"prof.martin@demo.livret.fr"}`)
		unknown := apiPost(t, c, "/api/collections/users/"+action, `{"email":"personne@demo.livret.fr"}`)
		require.Equal(t, unknown.Status, known.Status, action)
		require.Equal(t, unknown.Body, known.Body, action)
	}
	require.Zero(t, reached, "the verification request stops before PocketBase mails")
	require.Zero(t, sent)
}

// TestTheDashboardLoginIsRateLimited: PocketBase's own rate limits are on by default, the
// superusers' login strictest.
func TestTheDashboardLoginIsRateLimited(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	col, err := a.PB.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	require.NoError(t, err)
	admin := core.NewRecord(col)
	admin.SetEmail("admin@lycee.fr")
	admin.SetPassword("un-long-mot-de-passe")
	require.NoError(t, a.PB.Save(admin))

	c := a.NewClient(t)
	const path = "/api/collections/_superusers/auth-with-password"
	statuses := map[int]int{}
	for range 8 {
		statuses[apiPost(t, c, path, `{"identity":"admin@lycee.fr","password":"devine"}`).Status]++
	}
	require.Positive(t, statuses[http.StatusTooManyRequests], "%v", statuses)
	right := apiPost(t, c, path, `{"identity":"admin@lycee.fr","password":"un-long-mot-de-passe"}`)
	require.Equal(t, http.StatusTooManyRequests, right.Status, "even the right password waits")
}
