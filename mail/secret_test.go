package mail

import (
	"crypto/rand"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/mail/mailtest"
)

// The token reaches the tutor (and the outbox file, which is the message itself) but
// neither mail_log nor the application log, through a retry, a send and an outbox.
func TestNoTokenInLogs(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	mustSMTP(t, app, srv)
	srv.Refuse(1, 451, "Greylisted")
	m := mustStart(t, app, fast(&clock{t: testNow}))
	raw := make([]byte, 32)
	_, _ = rand.Read(raw)
	token := base64.RawURLEncoding.EncodeToString(raw)
	link := "https://livret.test/tuteur/acces?jeton=" + token

	sent := mustEnqueue(t, m, tutorMessage(t, mustPlacement(t, app, "cmaissani"), "antoine.pillet@usine.fr", link, nil))
	got := srv.Wait(t, 1, wait)[0]
	waitRow(t, app, sent.ID, status(StatusSent))
	assert.Contains(t, got.Text, token)
	assert.Contains(t, got.HTML, token)

	whileStopped(t, m, app, func(s *core.Settings) { s.SMTP.Enabled = false })
	outboxed := mustEnqueue(t, m, tutorMessage(t, mustPlacement(t, app, "aldryk"), "antoine.pillet@usine.fr", link, nil))
	waitRow(t, app, outboxed.ID, status(StatusOutbox))
	files, err := filepath.Glob(filepath.Join(OutboxDir(app.DataDir()), "*.eml"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	eml, err := os.ReadFile(files[0])
	require.NoError(t, err)
	parsed, err := mailtest.Parse(eml)
	require.NoError(t, err)
	assert.Contains(t, parsed.Text, token)

	rows := mailLogJSON(t, app)
	require.Len(t, rows, 2)
	for _, r := range rows {
		assert.NotContains(t, r, token)
		assert.Contains(t, r, LinkMark, "the stored body keeps the link's place")
	}
	logs := flushedLogs(t, app)
	require.True(t, containsAny(logs, "Courriel envoyé"), "the log was captured")
	require.True(t, containsAny(logs, "Envoi du courriel différé"), "the retry was logged")
	for _, l := range logs {
		assert.NotContains(t, l, token)
	}
}
