package web_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// TestAGrantOpensADossierOnlyWhileValid: a master reads a dossier while his grant runs; once
// expired or revoked, the dossier is not his to know (404) and leaves his home page.
func TestAGrantOpensADossierOnlyWhileValid(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	grant := a.MustFind(t, "tutor_access", "tutor", a.MustFind(t, "users", "username", "julien.boisseau").Id)
	dossier := "/dossiers/" + grant.GetString("placement")
	c := a.MustLogin(t, "julien.boisseau", demo.Password)
	require.Equal(t, http.StatusOK, c.Get(dossier).Status)
	require.Contains(t, c.Get("/mes-apprenants").Body, "Lucas LAMBERT")

	a.Clock.Set(grant.GetDateTime("expires").Time().Add(time.Minute)) // 180 days later
	require.Equal(t, http.StatusNotFound, c.Get(dossier).Status, "expired")
	require.NotContains(t, c.Get("/mes-apprenants").Body, "Lucas LAMBERT")

	a.Clock.Set(apptest.DefaultNow)
	require.Equal(t, http.StatusOK, c.Get(dossier).Status)
	grant.Set("revoked", true)
	require.NoError(t, a.PB.Save(grant))
	require.Equal(t, http.StatusNotFound, c.Get(dossier).Status, "revoked")
	require.Equal(t, http.StatusNotFound, c.Get(dossier+"/portfolio/entreprise").Status)
	require.NotContains(t, c.Get("/mes-apprenants").Body, "Lucas LAMBERT")
}
