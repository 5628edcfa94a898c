package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/dossier"
	"livret/mail/mailtest"
)

// Helpers of the teachers' accounts tests: a teachers' file, its import followed to its end,
// the invitation received and used.

const teachersImportURL = "/comptes/enseignants/import"

// mustSchoolWithSMTP is the demo school whose emails reach srv, and its administrator logged in.
func mustSchoolWithSMTP(t *testing.T) (*apptest.App, *mailtest.Server, *apptest.Client) {
	t.Helper()
	a := apptest.MustStartDemo(t)
	srv := mailtest.Start(t)
	a.MustSMTP(t, srv)
	return a, srv, a.MustLogin(t, "prof.martin", demo.Password)
}

// teachersCSV is a teachers' file: a header, then the lines, joined by CRLF.
func teachersCSV(lines ...string) []byte {
	return []byte(strings.Join(append([]string{"Nom;Prénom;Courriel;Identifiant"}, lines...), "\r\n") + "\r\n")
}

// mustImportTeachers previews a teachers' file as c, confirms it and waits for its end; it
// returns the final status block.
func mustImportTeachers(t *testing.T, c *apptest.Client, data []byte) string {
	t.Helper()
	page := mustPreviewAt(t, c, teachersImportURL, "enseignants.csv", data)
	r := c.PostForm(page, url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	return mustPollDone(t, c, page, 2*time.Minute, "the import")
}

var invitationRe = regexp.MustCompile(`https?://[^\s"<>]+/invitation/[A-Za-z0-9_-]{43}`)

// mustInvitationTo waits for the n-th email and returns its invitation link, checked to be
// addressed to to and to be the same in both parts.
func mustInvitationTo(t *testing.T, srv *mailtest.Server, n int, to string) string {
	t.Helper()
	m := srv.Wait(t, n, 10*time.Second)[n-1]
	require.Equal(t, []string{to}, m.To)
	link := invitationRe.FindString(m.Text)
	require.NotEmpty(t, link, m.Text)
	require.Contains(t, m.HTML, link)
	return link
}

// pathOf is a link's path.
func pathOf(t *testing.T, link string) string {
	t.Helper()
	u, err := url.Parse(link)
	require.NoError(t, err)
	return u.Path
}

// mustAcceptInvitation opens an invitation in a new browser and chooses the password: the
// teacher lands on his home, logged in.
func mustAcceptInvitation(t *testing.T, a *apptest.App, link, password string) *apptest.Client {
	t.Helper()
	c := a.NewClient(t)
	r := c.Get(pathOf(t, link))
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	require.Equal(t, "/invitation", r.Header.Get("Location"))
	require.Equal(t, http.StatusOK, c.Get("/invitation").Status)
	r = c.PostForm("/invitation", url.Values{"mot_de_passe": {password}, "confirmation": {password}})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	require.Equal(t, "/periodes", r.Header.Get("Location"))
	require.Equal(t, http.StatusOK, c.Get("/periodes").Status)
	return c
}

// mustInvitedVisitor is a new visitor who opened the invitation of a new teacher: the password
// form is his.
func mustInvitedVisitor(t *testing.T, a *apptest.App) *apptest.Client {
	t.Helper()
	teacher := a.MustRecord(t, "users", map[string]any{"role": "teacher", "username": "prof.invitee", "first_name": "Inès",
		"last_name": "Invitée", "email": "prof.invitee@lycee.example", "must_change_password": true, "password": "provisoire-1"})
	tok, hash, err := dossier.NewAccessToken()
	require.NoError(t, err)
	require.NoError(t, dossier.New(a.PB, a.Clock.Now).IssueInvitation(teacher.Id, teacher.Email(), hash))
	c := a.NewClient(t)
	require.Equal(t, http.StatusSeeOther, c.Get("/invitation/"+tok).Status)
	require.Equal(t, http.StatusOK, c.Get("/invitation").Status)
	return c
}
