package web_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// stolen is a session cookie copied out of a browser, with the CSRF token of its pages.
type stolen struct {
	a      *apptest.App
	cookie string
	csrf   string
}

// mustSteal logs who in and keeps a copy of the session cookie, as an attacker reading it
// from a shared computer would.
func mustSteal(t *testing.T, a *apptest.App, who string) (*apptest.Client, stolen) {
	t.Helper()
	c := a.NewClient(t)
	r := c.PostForm("/connexion", url.Values{"identifiant": {who}, "mot_de_passe": {demo.Password}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	cookie := strings.SplitN(sessionCookie(r), ";", 2)[0]
	require.NotEmpty(t, cookie)
	c.Get(r.Header.Get("Location"))
	return c, stolen{a: a, cookie: cookie, csrf: c.CSRF}
}

// do replays the cookie from another machine; forms carry its token as the page gave it.
func (s stolen) do(t *testing.T, method, path string, form url.Values) (int, string) {
	t.Helper()
	var body io.Reader
	if form != nil {
		form.Set("_csrf", s.csrf)
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, s.a.URL+path, body)
	require.NoError(t, err)
	req.Header.Set("Cookie", s.cookie)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", s.a.URL)
	}
	res, err := http.DefaultTransport.RoundTrip(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// works tells whether the stolen session still opens a teacher's page.
func (s stolen) works(t *testing.T) bool {
	t.Helper()
	status, _ := s.do(t, http.MethodGet, "/periodes", nil)
	return status == http.StatusOK
}

func TestLogoutEndsEverySessionOfTheAccount(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c, copied := mustSteal(t, a, "prof.martin")
	_, phone := mustSteal(t, a, "prof.martin")
	_, other := mustSteal(t, a, "prof.benali")
	require.True(t, copied.works(t))
	require.True(t, phone.works(t))
	period := a.MustFind(t, "periods", "name", "PFMP 1re MSPC — E31")
	save := func(text string) {
		copied.do(t, http.MethodPost, "/periodes/"+period.Id+"/modifier/objectifs", url.Values{"objectives": {text}})
	}
	save("Écrit avant la déconnexion.")
	require.Equal(t, "Écrit avant la déconnexion.", a.MustFind(t, "periods", "id", period.Id).GetString("objectives"))

	require.Equal(t, http.StatusSeeOther, c.PostForm("/deconnexion", url.Values{}).Status)

	require.False(t, copied.works(t), "the copied cookie died with the logout")
	require.False(t, phone.works(t), "every device of the account is logged out")
	require.True(t, other.works(t), "other accounts keep their sessions")

	save("Écrit avec un cookie volé.")
	require.Equal(t, "Écrit avant la déconnexion.", a.MustFind(t, "periods", "id", period.Id).GetString("objectives"),
		"no save with an ended session")

	again := a.MustLogin(t, "prof.martin", demo.Password)
	require.Equal(t, http.StatusOK, again.Get("/periodes").Status, "logging in again works")
}

func TestPasswordChangeEndsEverySessionOfTheAccount(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	_, copied := mustSteal(t, a, "lea.dupont")
	status, _ := copied.do(t, http.MethodGet, "/mes-periodes", nil)
	require.Equal(t, http.StatusOK, status)

	lea := a.MustFind(t, "users", "username", "lea.dupont")
	lea.SetPassword("un-nouveau-mot-de-passe")
	require.NoError(t, a.PB.Save(lea)) // as the dashboard does

	status, _ = copied.do(t, http.MethodGet, "/mes-periodes", nil)
	require.Equal(t, http.StatusSeeOther, status, "the old session ended with the old password")
	r := a.NewClient(t).PostForm("/connexion", url.Values{"identifiant": {"lea.dupont"}, "mot_de_passe": {"un-nouveau-mot-de-passe"}})
	require.Equal(t, http.StatusSeeOther, r.Status)
}

func TestDisablingAnAccountEndsItsSessionsAndRefusesItsLogin(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	_, copied := mustSteal(t, a, "prof.benali")
	require.True(t, copied.works(t))

	benali := a.MustFind(t, "users", "username", "prof.benali")
	benali.Set("disabled", true)
	require.NoError(t, a.PB.Save(benali))
	require.False(t, copied.works(t), "disabled: its session ends at once")

	c := a.NewClient(t)
	r := c.PostForm("/connexion", url.Values{"identifiant": {"prof.benali"}, "mot_de_passe": {demo.Password}})
	require.Equal(t, http.StatusForbidden, r.Status)
	require.Contains(t, r.Body, "Ce compte a été désactivé")
	require.Empty(t, sessionCookie(r))
	wrong := c.PostForm("/connexion", url.Values{"identifiant": {"prof.benali"}, "mot_de_passe": {"devine"}})
	require.Equal(t, http.StatusUnprocessableEntity, wrong.Status)
	require.NotContains(t, wrong.Body, "désactivé", "said only to whoever knows the password")

	benali.Set("disabled", false)
	require.NoError(t, a.PB.Save(benali))
	require.False(t, copied.works(t), "enabled again: its old sessions stay ended")
	require.Equal(t, http.StatusOK, a.MustLogin(t, "prof.benali", demo.Password).Get("/periodes").Status)
}

func TestDeletingAnAccountEndsItsSessions(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	a.MustRecord(t, "users", map[string]any{"role": "teacher", "username": "prof.depart",
		"first_name": "Marc", "last_name": "Depart", "password": demo.Password})
	_, copied := mustSteal(t, a, "prof.depart")
	require.True(t, copied.works(t))
	require.NoError(t, a.PB.Delete(a.MustFind(t, "users", "username", "prof.depart")))
	require.False(t, copied.works(t))
}

func TestLoginIgnoresTheCaseOfUsernamesAndEmails(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	for _, who := range []string{"PROF.MARTIN", "Prof.Martin", "Prof.Martin@Demo.Livret.FR", "LEA.DUPONT"} {
		r := a.NewClient(t).PostForm("/connexion", url.Values{"identifiant": {who}, "mot_de_passe": {demo.Password}})
		require.Equal(t, http.StatusSeeOther, r.Status, who)
	}
}

// TestTheThrottleCountsAnAccountOnceHoweverItIsNamed: failures by username and by email
// add up, so switching names does not buy more guesses.
func TestTheThrottleCountsAnAccountOnceHoweverItIsNamed(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.NewClient(t)
	for _, who := range []string{"prof.martin", "PROF.MARTIN", "prof.martin@demo.livret.fr", "Prof.Martin@demo.livret.fr", "prof.martin"} {
		r := c.PostForm("/connexion", url.Values{"identifiant": {who}, "mot_de_passe": {"devine"}})
		require.Equal(t, http.StatusUnprocessableEntity, r.Status, who)
	}
	r := c.PostForm("/connexion", url.Values{"identifiant": {"prof.martin@demo.livret.fr"}, "mot_de_passe": {demo.Password}})
	require.Equal(t, http.StatusTooManyRequests, r.Status)
}

func TestTheCSRFTokenIsNeverReadFromTheAddress(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.MustLogin(t, "prof.martin", demo.Password)
	const ct = "application/x-www-form-urlencoded"
	r := c.Do(http.MethodPost, "/deconnexion?_csrf="+url.QueryEscape(c.CSRF), strings.NewReader(""), ct)
	require.Equal(t, http.StatusForbidden, r.Status)
	require.Equal(t, http.StatusOK, c.Get("/periodes").Status, "still logged in")

	body := c.Do(http.MethodPost, "/deconnexion", strings.NewReader(url.Values{"_csrf": {c.CSRF}}.Encode()), ct)
	require.Equal(t, http.StatusSeeOther, body.Status, "in the body it is accepted")
}
