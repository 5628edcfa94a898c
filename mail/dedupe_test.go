package mail

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/mail/mailtest"
)

// "Envoyer" twice in a row sends one email and mints one link; later, or to another
// address, or after a failure, it sends again.
func TestDedupe(t *testing.T) {
	app, srv := mustApp(t), mailtest.Start(t)
	mustSMTP(t, app, srv)
	c := &clock{t: testNow}
	m := New(app, fast(c))
	placement := mustPlacement(t, app, "jbechameil")
	mints := 0
	send := func(to string) Receipt {
		return mustEnqueue(t, m, tutorMessage(t, placement, to, "https://livret.test/t/x", &mints))
	}

	// Twice while the first is still queued (the worker is not started yet).
	first := send("antoine.pillet@usine.fr")
	again := send("Antoine.Pillet@usine.fr")
	assert.False(t, first.Duplicate)
	assert.True(t, again.Duplicate)
	assert.Equal(t, first.ID, again.ID)
	assert.Equal(t, 1, mints)

	require.NoError(t, m.Start())
	t.Cleanup(m.Stop)
	srv.Wait(t, 1, wait)
	waitRow(t, app, first.ID, status(StatusSent))

	// Again just after it was sent: still the same message.
	c.Add(time.Minute)
	assert.True(t, send("antoine.pillet@usine.fr").Duplicate)
	assert.Equal(t, 1, mints)

	// Another address is another message.
	other := send("autre.tuteur@usine.fr")
	assert.False(t, other.Duplicate)
	srv.Wait(t, 2, wait)

	// Past the window, the same message goes again.
	c.Add(2 * time.Minute)
	later := send("antoine.pillet@usine.fr")
	assert.False(t, later.Duplicate)
	assert.Equal(t, 3, mints)
	srv.Wait(t, 3, wait)

	// A failed message does not block a new one.
	srv.Refuse(1, 550, "Mailbox unavailable")
	failed := send("refus@usine.fr")
	waitRow(t, app, failed.ID, status(StatusFailed))
	assert.False(t, send("refus@usine.fr").Duplicate)
	srv.Wait(t, 4, wait)
	assert.Equal(t, 5, mints)
	assert.Len(t, srv.Messages(), 4)
}
