package mail

import (
	"errors"
	"net"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// closedPort returns a port of 127.0.0.1 nobody listens on.
func closedPort(tb testing.TB) int {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(tb, err)
	port := ln.Addr().(*net.TCPAddr).Port
	require.NoError(tb, ln.Close())
	return port
}

// Enqueue refuses what cannot be sent and queues nothing.
func TestEnqueueRefuses(t *testing.T) {
	app := mustApp(t)
	m := New(app, Config{})
	withLink := func(link string, err error) Message {
		msg := tutorMessage(t, "", "tuteur@usine.fr", "", nil)
		msg.Link = func() (string, error) { return link, err }
		return msg
	}
	noLink := tutorMessage(t, "", "tuteur@usine.fr", "", nil)
	noLink.Link = nil
	strayLink := plainMessage("tuteur@usine.fr")
	strayLink.Link = func() (string, error) { return "https://livret.test/x", nil }
	badAddress := plainMessage("tuteur@usine.fr")
	badAddress.To = "Antoine <antoine@usine.fr>"

	cases := map[string]struct {
		msg  Message
		want string
	}{
		"no address":        {plainMessage("pas-une-adresse"), "Adresse électronique du destinataire invalide"},
		"name in address":   {badAddress, "Adresse électronique du destinataire invalide"},
		"mark without link": {noLink, "un lien personnel et son emplacement vont ensemble"},
		"link without mark": {strayLink, "un lien personnel et son emplacement vont ensemble"},
		"not a web link":    {withLink("javascript:alert(1)", nil), "Lien personnel invalide"},
		"minting fails":     {withLink("", errors.New("jeton indisponible")), "jeton indisponible"},
		"no subject":        {Message{Kind: "test", To: "a@b.fr", Email: Email{Text: "x", HTML: "x"}}, "Message incomplet"},
		"no kind":           {Message{To: "a@b.fr", Email: Email{Subject: "s", Text: "x", HTML: "x"}}, "Message sans type"},
	}
	for name, c := range cases {
		_, err := m.Enqueue(c.msg)
		require.Error(t, err, name)
		assert.Contains(t, err.Error(), c.want, name)
	}
	n, err := app.CountRecords(collection)
	require.NoError(t, err)
	assert.Zero(t, n)
}
