package mail

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/mail/mailtest"
)

// Without SMTP the message is written to <data>/outbox as an .eml file, the application
// log says where, and the row says outbox.
func TestOutboxWithoutSMTP(t *testing.T) {
	app := mustApp(t)
	require.False(t, app.Settings().SMTP.Enabled)
	m := mustStart(t, app, fast(&clock{t: testNow}))
	placement := mustPlacement(t, app, "nazil")
	link := "https://livret.test/tuteur/acces?jeton=outbox-token"

	r := mustEnqueue(t, m, tutorMessage(t, placement, "antoine.pillet@usine.fr", link, nil))
	rec := waitRow(t, app, r.ID, status(StatusOutbox))
	assert.Equal(t, testNow, rec.GetDateTime("sent_at").Time())

	files, err := filepath.Glob(filepath.Join(app.DataDir(), "outbox", "*-"+r.ID+".eml"))
	require.NoError(t, err)
	require.Len(t, files, 1)
	raw, err := os.ReadFile(files[0])
	require.NoError(t, err)
	got, err := mailtest.Parse(raw)
	require.NoError(t, err)
	assert.Equal(t, "Accès au livret de PFMP d'Aline Accardo – Lycée Jean Moulin", got.Subject)
	assert.Contains(t, got.Text, link, "the outbox file is the message itself: the teacher may forward it")
	assert.Contains(t, got.HTML, "jeton=outbox-token")
	info, err := os.Stat(files[0])
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())

	states, err := Latest(app, KindTutorLink, placement)
	require.NoError(t, err)
	assert.Contains(t, states[placement].Label(), "déposé dans la boîte d'envoi le mercredi 11 mars 2026")

	logs := flushedLogs(t, app)
	assert.True(t, containsAny(logs, `"path":"`+files[0]+`"`), "the log says where: %v", logs)
	assert.True(t, containsAny(logs, "aucun serveur SMTP n'est configuré"))
}
