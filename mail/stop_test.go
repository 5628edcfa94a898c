package mail

import (
	"net"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"
)

// Stopping during a delivery returns once the delivery ends, the message still pending: the
// worker must not take back, again and again, the batch it has just handed back.
func TestStopDuringADelivery(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	t.Cleanup(func() { _ = ln.Close() })
	accepted := make(chan net.Conn, 1)
	go func() { // accepts and answers nothing until the test closes it
		if c, err := ln.Accept(); err == nil {
			accepted <- c
		}
	}()
	app := mustApp(t)
	mustSettings(t, app, func(s *core.Settings) {
		s.SMTP = core.SMTPConfig{Enabled: true, Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port}
		s.Meta.SenderAddress = "livret@lycee.fr"
	})
	m := New(app, fast(&clock{t: testNow}))
	require.NoError(t, m.Start())
	r := mustEnqueue(t, m, plainMessage("tuteur@usine.fr"))
	conn := <-accepted

	stopped := make(chan struct{})
	go func() { m.Stop(); close(stopped) }()
	require.Eventually(t, func() bool { m.mu.Lock(); defer m.mu.Unlock(); return m.stop == nil }, wait, time.Millisecond)
	_ = ln.Close() // the server goes away: the delivery fails, and so would any new one
	_ = conn.Close()
	select {
	case <-stopped:
	case <-time.After(wait):
		t.Fatal("Stop did not return")
	}
	rec, err := app.FindRecordById(collection, r.ID)
	require.NoError(t, err)
	require.Equal(t, StatusPending, rec.GetString("status"), "stays for the next start")
}
