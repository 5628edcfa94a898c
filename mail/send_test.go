package mail

import (
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/mail/mailtest"
)

const wait = 10 * time.Second

// The tutor's email reaches a plain relay (no STARTTLS offered: go-mail's default policy
// would refuse it) in French, HTML and text, the link in both, accents encoded.
func TestSendsFrenchHTMLAndText(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	mustSMTP(t, app, srv)
	c := &clock{t: testNow}
	m := mustStart(t, app, fast(c))
	placement := mustPlacement(t, app, "aaccardo")
	link := "https://livret.lycee-moulin.fr/tuteur/acces?jeton=abc&v=1"

	r := mustEnqueue(t, m, tutorMessage(t, placement, "antoine.pillet@usine.fr", link, nil))
	got := srv.Wait(t, 1, wait)[0]

	assert.Equal(t, "livret@lycee-moulin.fr", got.From)
	assert.Equal(t, []string{"antoine.pillet@usine.fr"}, got.To)
	assert.Equal(t, "Lycée Jean Moulin", got.FromName())
	assert.Equal(t, "Accès au livret de PFMP d'Aline Accardo – Lycée Jean Moulin", got.Subject)
	raw := got.Header.Get("Subject")
	assert.True(t, strings.HasPrefix(strings.ToLower(raw), "=?utf-8?"), "encoded subject: %q", raw)
	assert.Contains(t, got.Header.Get("Content-Type"), "multipart/alternative")
	assert.Equal(t, "auto-generated", got.Header.Get("Auto-Submitted"))

	assert.Contains(t, got.Text, "du lundi 6 janvier 2025 au vendredi 31 janvier 2025")
	assert.Contains(t, got.Text, "\r\n"+link+"\r\n")
	assert.NotContains(t, got.Text, LinkMark)
	assert.Contains(t, got.HTML, `<html lang="fr">`)
	assert.Contains(t, got.HTML, `href="https://livret.lycee-moulin.fr/tuteur/acces?jeton=abc&amp;v=1"`)
	assert.Contains(t, visible(got.HTML), "professeur référent d'Aline")
	assert.NotContains(t, got.HTML, LinkMark)

	rec := waitRow(t, app, r.ID, status(StatusSent))
	assert.Equal(t, 1, rec.GetInt("attempts"))
	states, err := Latest(app, KindTutorLink, placement, "absent")
	require.NoError(t, err)
	require.Len(t, states, 1)
	assert.Equal(t, StatusSent, states[placement].Status)
	assert.Equal(t, testNow, states[placement].SentAt)
	assert.Equal(t, "Envoyé le mercredi 11 mars 2026 à\u00a010\u00a0h\u00a030", states[placement].Label())
}

// Settings are read at each send: an administrator switches servers, credentials,
// authentication method and sender in the dashboard, and the next email follows.
func TestSettingsReadAtSendTime(t *testing.T) {
	app := mustApp(t)
	first, second := mailtest.Start(t), mailtest.Start(t)
	first.RequireAuth("livret", "secret-1")
	second.RequireAuth("relais", "secret-2")
	mustSMTP(t, app, first)
	m := mustStart(t, app, fast(&clock{t: testNow}))

	mustEnqueue(t, m, plainMessage("un@usine.fr"))
	first.Wait(t, 1, wait)

	whileStopped(t, m, app, func(s *core.Settings) {
		s.SMTP.Port, s.SMTP.Username, s.SMTP.Password, s.SMTP.AuthMethod = second.Port, "relais", "secret-2", "LOGIN"
		s.Meta.SenderName, s.Meta.SenderAddress = "Lycée Marie Curie", "pfmp@lycee-curie.fr"
	})
	mustEnqueue(t, m, plainMessage("deux@usine.fr"))
	got := second.Wait(t, 1, wait)[0]
	assert.Equal(t, "pfmp@lycee-curie.fr", got.From)
	assert.Equal(t, "Lycée Marie Curie", got.FromName())
	assert.Equal(t, []string{"deux@usine.fr"}, got.To)
	assert.Len(t, first.Messages(), 1)
}

// plainMessage is a message without a secret link.
func plainMessage(to string) Message {
	return Message{Kind: "test", To: to, Email: Email{Subject: "Réunion de bilan", Text: "À bientôt.", HTML: "<p>À bientôt.</p>"}}
}

// A server that defers twice: the message is retried and delivered on the third try.
func TestRetriesThenDelivers(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	mustSMTP(t, app, srv)
	srv.Refuse(2, 451, "Greylisted, try again later")
	m := mustStart(t, app, fast(&clock{t: testNow}))

	r := mustEnqueue(t, m, plainMessage("tuteur@usine.fr"))
	srv.Wait(t, 1, wait)
	rec := waitRow(t, app, r.ID, status(StatusSent))
	assert.Equal(t, 3, rec.GetInt("attempts"))
	assert.Empty(t, rec.GetString("error"))
	assert.Equal(t, 3, srv.Attempts())
}

// While a retry waits, the row says why and when; the page shows it in French.
func TestRetryStateShown(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	mustSMTP(t, app, srv)
	srv.Refuse(1, 421, "Service temporairement indisponible")
	m := mustStart(t, app, Config{Retry: []time.Duration{time.Hour}, Now: (&clock{t: testNow}).Now})
	placement := mustPlacement(t, app, "cbouleau")

	msg := plainMessage("tuteur@usine.fr")
	msg.Placement = placement
	r := mustEnqueue(t, m, msg)
	waitRow(t, app, r.ID, func(rec *core.Record) bool { return rec.GetInt("attempts") == 1 })

	states, err := Latest(app, "test", placement)
	require.NoError(t, err)
	s := states[placement]
	assert.Equal(t, StatusPending, s.Status)
	assert.Contains(t, s.Error, "Le serveur de messagerie a différé le message (code 421)")
	assert.Contains(t, s.Error, "Service temporairement indisponible")
	assert.Equal(t, testNow.Add(time.Hour), s.NextTry)
	assert.Equal(t, "Non distribué pour l'instant, nouvel essai le mercredi 11 mars 2026 à\u00a011\u00a0h\u00a030 : "+s.Error, s.Label())
	assert.Empty(t, srv.Messages())
}

// A refusal (5xx) is final: no retry, the reason recorded.
func TestPermanentFailure(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	mustSMTP(t, app, srv)
	srv.Refuse(1, 550, "Mailbox unavailable")
	m := mustStart(t, app, fast(&clock{t: testNow}))

	r := mustEnqueue(t, m, plainMessage("inconnu@usine.fr"))
	rec := waitRow(t, app, r.ID, status(StatusFailed))
	assert.Equal(t, 1, rec.GetInt("attempts"))
	assert.Contains(t, rec.GetString("error"), "Le serveur de messagerie a refusé le message (code 550)")
	assert.Contains(t, rec.GetString("error"), "Mailbox unavailable")
	assert.Equal(t, "Non distribué : "+rec.GetString("error"), stateOf(rec).Label())
	assert.Equal(t, 1, srv.Attempts())
}

// A server nobody answers on: every try fails, then the message is failed with why.
func TestUnreachableServerFailsAfterLastTry(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	mustSMTP(t, app, srv)
	mustSettings(t, app, func(s *core.Settings) { s.SMTP.Port = closedPort(t) })
	m := mustStart(t, app, fast(&clock{t: testNow}))

	r := mustEnqueue(t, m, plainMessage("tuteur@usine.fr"))
	rec := waitRow(t, app, r.ID, status(StatusFailed))
	assert.Equal(t, 4, rec.GetInt("attempts")) // the first try and three retries
	assert.Contains(t, rec.GetString("error"), "Serveur de messagerie injoignable")
	assert.Contains(t, rec.GetString("error"), "connection refused")
}

// A wrong password is refused (535) and recorded as such.
func TestAuthenticationRefused(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	srv.RequireAuth("livret", "le-bon")
	mustSMTP(t, app, srv)
	mustSettings(t, app, func(s *core.Settings) { s.SMTP.Password = "le-mauvais" })
	m := mustStart(t, app, fast(&clock{t: testNow}))

	r := mustEnqueue(t, m, plainMessage("tuteur@usine.fr"))
	rec := waitRow(t, app, r.ID, status(StatusFailed))
	assert.Contains(t, rec.GetString("error"), "Identifiant ou mot de passe SMTP refusé")
	assert.Contains(t, rec.GetString("error"), "535")
	assert.Equal(t, 1, rec.GetInt("attempts"), "a refusal is not retried")
	assert.Empty(t, srv.Messages())
}
