package mail

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest/migrated"
	"livret/mail/mailtest"
)

// queueAndCrash queues messages in an app whose mailer never runs, then closes the app:
// what a crash or a stop right after "Envoyer" leaves behind.
func queueAndCrash(t *testing.T, dir string, srv *mailtest.Server, msgs ...func(placement string) Message) []string {
	t.Helper()
	app := mustOpen(t, dir)
	mustSMTP(t, app, srv)
	m := New(app, Config{})
	ids := make([]string, len(msgs))
	for i, msg := range msgs {
		ids[i] = mustEnqueue(t, m, msg(mustPlacement(t, app, "eleve"+string(rune('a'+i))))).ID
	}
	require.NoError(t, app.ResetBootstrapState())
	return ids
}

// Pending rows survive a restart; a lost link is minted anew through Relink.
func TestRestartPicksUpPending(t *testing.T) {
	dir, srv := migrated.Dir(t), mailtest.Start(t)
	ids := queueAndCrash(t, dir, srv,
		func(p string) Message { msg := plainMessage("un@usine.fr"); msg.Placement = p; return msg },
		func(p string) Message { return tutorMessage(t, p, "deux@usine.fr", "https://livret.test/t/OLD", nil) },
	)

	app := mustOpen(t, dir)
	var relinked []string
	cfg := fast(&clock{t: testNow})
	cfg.Relink = func(kind, to, placement string) (string, error) {
		relinked = append(relinked, kind+" "+to)
		return "https://livret.test/t/NEW", nil
	}
	mustStart(t, app, cfg)

	got := srv.Wait(t, 2, wait)
	for _, id := range ids {
		waitRow(t, app, id, status(StatusSent))
	}
	byTo := map[string]string{}
	for _, g := range got {
		byTo[g.To[0]] = g.Text
	}
	assert.Contains(t, byTo["un@usine.fr"], "À bientôt.")
	assert.Contains(t, byTo["deux@usine.fr"], "https://livret.test/t/NEW")
	assert.NotContains(t, byTo["deux@usine.fr"], "OLD")
	assert.Equal(t, []string{KindTutorLink + " deux@usine.fr"}, relinked)
}

// Without Relink, a message whose link was lost fails and says to send again; the
// others still go.
func TestRestartWithoutRelink(t *testing.T) {
	dir, srv := migrated.Dir(t), mailtest.Start(t)
	ids := queueAndCrash(t, dir, srv,
		func(p string) Message { return tutorMessage(t, p, "deux@usine.fr", "https://livret.test/t/OLD", nil) },
		func(p string) Message { msg := plainMessage("un@usine.fr"); msg.Placement = p; return msg },
	)

	app := mustOpen(t, dir)
	mustStart(t, app, fast(&clock{t: testNow}))
	lost := waitRow(t, app, ids[0], status(StatusFailed))
	assert.Equal(t, "Lien personnel perdu au redémarrage du serveur : renvoyez le lien.", lost.GetString("error"))
	assert.Zero(t, lost.GetInt("attempts"))
	waitRow(t, app, ids[1], status(StatusSent))
	got := srv.Wait(t, 1, wait)
	assert.Equal(t, []string{"un@usine.fr"}, got[0].To)
}
