package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

func sessionCookie(r *apptest.Response) string {
	for _, c := range r.Header.Values("Set-Cookie") {
		if strings.HasPrefix(c, "livret_session=") {
			return c
		}
	}
	return ""
}

func TestLoginRefusesWithoutTellingWhichPartIsWrong(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.NewClient(t)

	wrong := c.PostForm("/connexion", url.Values{"identifiant": {"prof.martin"}, "mot_de_passe": {"nope"}})
	require.Equal(t, http.StatusUnprocessableEntity, wrong.Status)
	require.Contains(t, wrong.Body, "Identifiant ou mot de passe incorrect.")
	require.Contains(t, wrong.Body, `value="prof.martin"`, "the form keeps what was typed")
	require.Empty(t, sessionCookie(wrong))

	unknown := c.PostForm("/connexion", url.Values{"identifiant": {"personne"}, "mot_de_passe": {"nope"}})
	require.Equal(t, http.StatusUnprocessableEntity, unknown.Status)
	require.Contains(t, unknown.Body, "Identifiant ou mot de passe incorrect.")
}

func TestLoginSetsAnHttpOnlyLaxCookieAndLogoutClearsIt(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.NewClient(t)

	r := c.PostForm("/connexion", url.Values{"identifiant": {"prof.martin@demo.livret.fr"}, "mot_de_passe": {demo.Password}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Equal(t, "/periodes", r.Header.Get("Location"))
	cookie := sessionCookie(r)
	require.Contains(t, cookie, "HttpOnly")
	require.Contains(t, strings.ToLower(cookie), "samesite=lax")
	require.NotContains(t, cookie, "Secure", "plain HTTP: no Secure flag")

	page := c.Get("/periodes")
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, "Claire MARTIN")

	out := c.PostForm("/deconnexion", url.Values{})
	require.Equal(t, http.StatusSeeOther, out.Status)
	require.Contains(t, sessionCookie(out), "expires=Thu, 01 Jan 1970")
	require.Equal(t, http.StatusSeeOther, c.Get("/periodes").Status, "logged out: back to the login page")
}

func TestLoginByUsernameGoesWhereTheVisitorWasHeading(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.NewClient(t)
	first := c.Get("/mes-periodes")
	require.Equal(t, "/connexion?suite=%2Fmes-periodes", first.Header.Get("Location"))

	r := c.PostForm("/connexion", url.Values{"identifiant": {"lea.dupont"}, "mot_de_passe": {demo.Password}, "suite": {"/mes-periodes"}})
	require.Equal(t, "/mes-periodes", r.Header.Get("Location"))

	c = a.NewClient(t)
	r = c.PostForm("/connexion", url.Values{"identifiant": {"lea.dupont"}, "mot_de_passe": {demo.Password}, "suite": {"//evil.example/"}})
	require.Equal(t, "/mes-periodes", r.Header.Get("Location"), "no redirect off the site")
}

func TestRepeatedFailuresAreSlowedDown(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.NewClient(t)
	for range 5 {
		r := c.PostForm("/connexion", url.Values{"identifiant": {"prof.benali"}, "mot_de_passe": {"devine"}})
		require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	}
	blocked := c.PostForm("/connexion", url.Values{"identifiant": {"prof.benali"}, "mot_de_passe": {demo.Password}})
	require.Equal(t, http.StatusTooManyRequests, blocked.Status, "even the right password waits")
	require.Contains(t, blocked.Body, "Trop de tentatives échouées")

	other := c.PostForm("/connexion", url.Values{"identifiant": {"prof.martin"}, "mot_de_passe": {demo.Password}})
	require.Equal(t, http.StatusSeeOther, other.Status, "another account from the same classroom still logs in")

	a.Clock.Set(a.Clock.Now().Add(16 * time.Minute))
	later := a.NewClient(t).PostForm("/connexion", url.Values{"identifiant": {"prof.benali"}, "mot_de_passe": {demo.Password}})
	require.Equal(t, http.StatusSeeOther, later.Status, "the wait ends")
}

func TestUnsafeRequestsNeedTokenAndSameOrigin(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.MustLogin(t, "prof.martin", demo.Password)
	form := func() *strings.Reader { return strings.NewReader(url.Values{"_csrf": {c.CSRF}}.Encode()) }
	const ct = "application/x-www-form-urlencoded"

	noToken := c.Do(http.MethodPost, "/deconnexion", strings.NewReader(""), ct)
	require.Equal(t, http.StatusForbidden, noToken.Status)
	require.Contains(t, noToken.Body, "rechargez la page")

	foreign := c.Do(http.MethodPost, "/deconnexion", form(), ct, "Origin", "http://evil.example")
	require.Equal(t, http.StatusForbidden, foreign.Status)

	header := c.Do(http.MethodPost, "/deconnexion", strings.NewReader(""), ct, "X-CSRF-Token", c.CSRF)
	require.Equal(t, http.StatusSeeOther, header.Status, "the htmx header is accepted too")
}

func TestAnotherSessionsTokenIsRefused(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	martin := a.MustLogin(t, "prof.martin", demo.Password)
	benali := a.MustLogin(t, "prof.benali", demo.Password)
	r := martin.PostForm("/deconnexion", url.Values{"_csrf": {benali.CSRF}})
	require.Equal(t, http.StatusForbidden, r.Status)
}

func TestPagesAndPocketBaseShareOnePort(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	c := a.NewClient(t)

	health := c.Get("/api/health")
	require.Equal(t, http.StatusOK, health.Status)

	apiMissing := c.Get("/api/nulle-part")
	require.Equal(t, http.StatusNotFound, apiMissing.Status)
	require.Contains(t, apiMissing.Header.Get("Content-Type"), "application/json", "PocketBase answers its own 404")

	require.Equal(t, http.StatusOK, c.Get("/_/").Status, "the dashboard")

	css := c.Get("/static/css/app.css")
	require.Equal(t, http.StatusOK, css.Status)
	require.Contains(t, css.Header.Get("Content-Type"), "text/css")
	require.Equal(t, http.StatusOK, c.Get("/static/vendor/htmx/htmx.min.js").Status)

	missing := c.Get("/nulle-part")
	require.Equal(t, http.StatusNotFound, missing.Status)
	require.Contains(t, missing.Body, "Page introuvable")
	require.Contains(t, missing.Body, `lang="fr"`)
}

func TestCollectionsAreClosedToTheRESTAPI(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.NewClient(t)
	for _, col := range []string{"users", "periods", "placements", "checkpoints", "tutor_access"} {
		r := c.Get("/api/collections/" + col + "/records")
		require.Equal(t, http.StatusForbidden, r.Status, col)
	}
	signup := c.Do(http.MethodPost, "/api/collections/users/records",
		strings.NewReader(`{"email":"x@y.fr","password":"12345678","passwordConfirm":"12345678","role":"teacher"}`),
		"application/json")
	require.Equal(t, http.StatusForbidden, signup.Status, "no public signup")
}
