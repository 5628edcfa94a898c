package web_test

import (
	"bytes"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// TestOversizedBodyIsRefusedInFrenchBeforeBeingRead: over the pages' limit (25 MiB), below
// PocketBase's own, the answer is our French 413.
func TestOversizedBodyIsRefusedInFrenchBeforeBeingRead(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	adam := a.MustFind(t, "users", "username", "adam.vincent")
	p := a.MustFind(t, "placements", "student", adam.Id)
	c := a.MustLogin(t, "adam.vincent", demo.Password)

	body := bytes.Repeat([]byte("x"), 26<<20)
	r := c.Do(http.MethodPost, "/dossiers/"+p.Id+"/portfolio/annexes", bytes.NewReader(body),
		"multipart/form-data; boundary=x", "X-CSRF-Token", c.CSRF)
	require.Equal(t, http.StatusRequestEntityTooLarge, r.Status)
	require.Contains(t, r.Body, "Envoi trop volumineux")
	n, err := a.PB.CountRecords("attachments")
	require.NoError(t, err)
	require.Zero(t, n)
}
