package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/dossier"
)

// Someone logged in who opens a teacher's invitation is not switched to the invited account:
// the page says who is logged in and offers to log out; the password is not set.
func TestInvitationOpenedInASessionSwitchesNobody(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	teacher := a.MustRecord(t, "users", map[string]any{"role": "teacher", "username": "eloise.lefevre", "first_name": "Éloïse",
		"last_name": "Lefèvre", "email": "eloise.lefevre@lycee.example", "must_change_password": true, "password": "provisoire-1"})
	tok, hash, err := dossier.NewAccessToken()
	require.NoError(t, err)
	require.NoError(t, dossier.New(a.PB, a.Clock.Now).IssueInvitation(teacher.Id, teacher.Email(), hash))

	manon := a.MustLogin(t, "manon.girard", demo.Password)
	r := manon.Get("/invitation/" + tok)
	require.Equal(t, http.StatusConflict, r.Status)
	text := strings.Join(strings.Fields(stripTags(r.Body)), " ")
	assert.Contains(t, text, "Vous êtes connecté(e) en tant que Manon GIRARD (Apprenant) : déconnectez-vous d'abord.")
	assert.Contains(t, r.Body, `action="/deconnexion"`)
	assert.NotContains(t, text, "Éloïse")
	assert.Equal(t, http.StatusOK, manon.Get("/mes-periodes").Status, "still Manon's session")

	// Opened anonymously, then logged in before choosing: neither the form nor its sending switch.
	c := a.NewClient(t)
	require.Equal(t, http.StatusSeeOther, c.Get("/invitation/"+tok).Status)
	require.Equal(t, http.StatusSeeOther, c.PostForm("/connexion", url.Values{"identifiant": {"manon.girard"}, "mot_de_passe": {demo.Password}}).Status)
	assert.Equal(t, http.StatusConflict, c.Get("/invitation").Status)
	r = c.PostForm("/invitation", url.Values{"mot_de_passe": {"le stylo rouge 17"}, "confirmation": {"le stylo rouge 17"}})
	assert.Equal(t, http.StatusConflict, r.Status)
	assert.Contains(t, r.Body, "Déconnectez-vous d'abord")
	assert.False(t, a.MustFind(t, "users", "username", "eloise.lefevre").ValidatePassword("le stylo rouge 17"))
	assert.Equal(t, http.StatusOK, c.Get("/mes-periodes").Status, "still Manon's session")
}
