package mail

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/mail/mailtest"
)

// Register starts the worker when the app serves and stops it when it terminates.
func TestRegister(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	mustSMTP(t, app, srv)
	m := Register(app, fast(&clock{t: testNow}))

	before := mustEnqueue(t, m, plainMessage("avant@usine.fr"))
	require.NoError(t, app.OnServe().Trigger(&core.ServeEvent{App: app}))
	waitRow(t, app, before.ID, status(StatusSent))

	require.NoError(t, app.OnTerminate().Trigger(&core.TerminateEvent{App: app}))
	after := mustEnqueue(t, m, plainMessage("apres@usine.fr"))
	rec, err := app.FindRecordById(collection, after.ID)
	require.NoError(t, err)
	assert.Equal(t, StatusPending, rec.GetString("status"), "stopped: waits for the next start")
	assert.Len(t, srv.Messages(), 1)
}
