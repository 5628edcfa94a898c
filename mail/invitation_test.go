package mail

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func invitationData() InvitationData {
	return InvitationData{School: "Lycée Jean Moulin",
		Teacher:  Person{FirstName: "Éloïse", LastName: "Lefèvre", Email: "eloise.lefevre@lycee-moulin.fr"},
		Username: "eloise.lefevre",
		Admin:    Person{FirstName: "Claire", LastName: "Martin", Email: "claire.martin@lycee-moulin.fr"},
		Expires:  time.Date(2026, time.March, 18, 9, 30, 0, 0, time.UTC)}
}

// The invitation says, in French and in both parts, who opened the account, how to log in,
// where to choose the password, until when, and whom to ask for a new one.
func TestInvitation(t *testing.T) {
	e, err := Invitation(invitationData())
	require.NoError(t, err)
	assert.Equal(t, "Votre compte sur le livret de PFMP – Lycée Jean Moulin", e.Subject)
	for name, body := range map[string]string{"text": e.Text, "html": visible(e.HTML)} {
		for _, want := range []string{
			"Bonjour Éloïse Lefèvre,", "Claire Martin vous a ouvert un compte d'enseignant",
			"Lycée Jean Moulin", "eloise.lefevre", "eloise.lefevre@lycee-moulin.fr",
			"ne sert qu'une fois", "jusqu'au mercredi 18 mars 2026 à\u00a010\u00a0h\u00a030",
			"demandez une nouvelle invitation à l'administrateur", "claire.martin@lycee-moulin.fr",
			"écrivez à l'administrateur de l'application plutôt qu'à l'expéditeur",
		} {
			assert.Contains(t, body, want, name)
		}
	}
	assert.Contains(t, visible(e.HTML), "Choisir mon mot de passe")
	assert.Equal(t, 3, strings.Count(e.HTML, LinkMark), "the button, the copyable address and its text")
	assert.Equal(t, 1, strings.Count(e.Text, LinkMark))
	assert.Contains(t, e.HTML, `<html lang="fr">`)
	assert.NotContains(t, e.Text, "&#39;")
}

// Without an administrator's name (a link minted again after a restart), the school opened it.
func TestInvitationWithoutAdmin(t *testing.T) {
	d := invitationData()
	d.Admin, d.School = Person{}, ""
	e, err := Invitation(d)
	require.NoError(t, err)
	assert.Equal(t, "Votre compte sur le livret de PFMP", e.Subject)
	assert.Contains(t, e.Text, "L'établissement vous a ouvert un compte d'enseignant sur le livret numérique de PFMP.")
	assert.Contains(t, e.Text, "à l'administrateur de l'application.")
}
