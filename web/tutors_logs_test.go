package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/mail/mailtest"
)

// logRow is one row of PocketBase's logs database: its request log and the application log.
type logRow struct {
	Message string `db:"message"`
	Data    string `db:"data"`
}

// mustLogs writes out what PocketBase's logger holds (as it does when the app stops) and reads
// the whole logs table, until it holds every wanted text: the request log and the mailer write
// theirs just after the answer, so the test waits for them rather than race them.
func mustLogs(t *testing.T, a *apptest.App, wanted ...string) string {
	t.Helper()
	var logs string
	require.Eventually(t, func() bool {
		var rows []logRow
		if a.PB.OnTerminate().Trigger(&core.TerminateEvent{App: a.PB}) != nil ||
			a.PB.AuxDB().NewQuery("SELECT message, data FROM _logs").All(&rows) != nil {
			return false
		}
		var all strings.Builder
		for _, r := range rows {
			all.WriteString(r.Message + " " + r.Data + "\n")
		}
		logs = all.String()
		for _, w := range wanted {
			if !strings.Contains(logs, w) {
				return false
			}
		}
		return true
	}, 10*time.Second, 20*time.Millisecond, "the logs never held all of %q:\n%s", wanted, logs)
	return logs
}

// After a whole cycle — a link sent by email, opened, used, a guessed link tried — neither the
// request log nor the application log holds a token, while both hold what happened.
func TestNoTokenInTheLogs(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	srv := mailtest.Start(t)
	a.MustSMTP(t, srv)
	period := a.MustFind(t, "periods", "name", demoE31)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	require.Equal(t, http.StatusSeeOther, sendLink(t, teacher, period.Id, sarah.Id, "Lemaire", "Sophie", "sophie@usine.example").Status)
	link := linkRe.FindString(srv.Wait(t, 1, 10*time.Second)[0].Text)
	token := link[strings.LastIndex(link, "/")+1:]
	tutor := a.MustOpenLink(t, link)
	require.Equal(t, http.StatusOK, tutor.Get("/dossiers/"+sarah.Id+"/portfolio/commentaires").Status)
	guess := a.NewClient(t)
	guess.Get("/acces/" + strings.Repeat("A", 43))
	a.NewClient(t).Get("/api/collections/users/records") // a refused API call: the request log writes it

	require.Eventually(t, func() bool { // sent, before the app's stop ends the mailer
		n, err := a.PB.CountRecords("mail_log", dbx.HashExp{"status": "sent"})
		return err == nil && n == 1
	}, 10*time.Second, 20*time.Millisecond)
	// the request log and the application log are on
	logs := mustLogs(t, a, "/api/collections/users/records", "Courriel envoyé")
	require.Contains(t, logs, "Lien d'accès tuteur ouvert")
	require.Contains(t, logs, "Tentative d'ouverture d'un lien d'accès tuteur inconnu")
	require.NotContains(t, logs, token)
	require.NotContains(t, logs, strings.Repeat("A", 43), "not even a guessed one")
	require.NotContains(t, logs, "/acces/")
}

// The link answers with no Referer to pass on and nothing to cache, and lands on an address
// without the token; the landing page holds no token.
func TestLinkLeavesNoTokenBehind(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	token := a.MustTutorGrant(t, "anne@usine.example", sarah.Id)
	c := a.NewClient(t)
	r := c.Get("/acces/" + token)
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Equal(t, "/mes-apprenants", r.Header.Get("Location"))
	require.Equal(t, "no-referrer", r.Header.Get("Referrer-Policy"))
	require.Equal(t, "no-store", r.Header.Get("Cache-Control"))
	require.Contains(t, sessionCookie(r), "HttpOnly")
	home := c.Get("/mes-apprenants")
	require.Equal(t, http.StatusOK, home.Status)
	require.NotContains(t, home.Body, token)
	require.NotContains(t, home.Body+strings.Join(home.Header.Values("Set-Cookie"), " "), token)

	uses, err := a.PB.FindAllRecords("audit_log")
	require.NoError(t, err)
	require.Len(t, uses, 1, "every use of a grant is recorded")
	require.Equal(t, "grant_use", uses[0].GetString("action"))
	require.Contains(t, uses[0].GetString("detail"), sarah.Id, "which dossier")
	require.Equal(t, 1, a.MustFind(t, "tutor_access", "placement", sarah.Id).GetInt("uses"))
}

// Guessed links are counted per address: past five, even a real link waits (and says so).
func TestGuessedLinksAreSlowedDown(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	token := a.MustTutorGrant(t, "anne@usine.example", sarah.Id)
	c := a.NewClient(t)
	for i := range 5 {
		c.Get("/acces/" + strings.Repeat(string(rune('a'+i)), 43))
		require.Equal(t, http.StatusNotFound, c.Get("/acces/fin").Status)
	}
	r := c.Get("/acces/" + token)
	require.Equal(t, "/acces/fin", r.Header.Get("Location"), "refused without a look")
	page := c.Get("/acces/fin")
	require.Equal(t, http.StatusTooManyRequests, page.Status)
	require.Contains(t, page.Body, "Trop de liens d&#39;accès non valables")

	a.Clock.Set(apptest.DefaultNow.Add(16 * time.Minute))
	c.MustOpenLink(token)
}
