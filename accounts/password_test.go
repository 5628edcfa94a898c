package accounts

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"

	"livret/pfmp"
)

func TestNewPassword(t *testing.T) {
	seen := map[string]bool{}
	for range 200 {
		p := NewPassword()
		require.Len(t, p, 11)
		assert.Equal(t, byte('-'), p[5])
		for _, r := range strings.ReplaceAll(p, "-", "") {
			assert.Contains(t, passwordAlphabet, string(r))
		}
		assert.False(t, seen[p], "drawn twice: %s", p)
		seen[p] = true
	}
	for _, ambiguous := range "0Oo1lIi5S2Z8Buv" {
		assert.NotContains(t, passwordAlphabet, string(ambiguous))
	}
}

func TestHashInitial(t *testing.T) {
	p := NewPassword()
	h, err := HashInitial(p)
	require.NoError(t, err)
	require.NoError(t, bcrypt.CompareHashAndPassword([]byte(h), []byte(p)))
	cost, err := bcrypt.Cost([]byte(h))
	require.NoError(t, err)
	assert.Equal(t, bcrypt.MinCost, cost)
}

func TestHashInitials(t *testing.T) {
	pws := []string{NewPassword(), NewPassword(), NewPassword(), NewPassword(), NewPassword()}
	hashes, err := HashInitials(pws)
	require.NoError(t, err)
	require.Len(t, hashes, len(pws))
	for i, p := range pws {
		require.NoError(t, bcrypt.CompareHashAndPassword([]byte(hashes[i]), []byte(p)), "hash %d is its password's", i)
	}
}

func TestCheckNewPassword(t *testing.T) {
	names := []string{"Jean-Baptiste", "Le Gall", "jean-baptiste.le-gall"}
	for _, tc := range []struct{ password, confirm, field, msg string }{
		{"un vélo bleu 7", "un vélo bleu 7", "", ""},
		{"Tr0mpette!!", "Tr0mpette!!", "", ""},
		{"court-7", "court-7", "mot_de_passe", "trop court"},
		{"12345678901", "12345678901", "mot_de_passe", "au moins une lettre"},
		{"uniquement des lettres", "uniquement des lettres", "mot_de_passe", "chiffre ou un symbole"},
		{"baptiste-2009", "baptiste-2009", "mot_de_passe", "ni votre prénom"},
		{"LeGall!2026x", "LeGall!2026x", "mot_de_passe", "ni votre prénom"},
		{"motdepasse1", "motdepasse1", "mot_de_passe", "trop courant"},
		{"Azerty123!", "Azerty123!", "mot_de_passe", "trop courant"},
		{strings.Repeat("é", 36) + "1", strings.Repeat("é", 36) + "1", "mot_de_passe", "une lettre accentuée comptant pour deux"},
		{strings.Repeat("a", 70) + "1", strings.Repeat("a", 70) + "1", "", ""},
		{strings.Repeat("a", 71) + "1", strings.Repeat("a", 71) + "1", "mot_de_passe", "71 caractères au plus"},
		{"un été à l'océan, où l'on pêche des crêpes 2 fois", "un été à l'océan, où l'on pêche des crêpes 2 fois", "", ""},
		{"un vélo bleu 7", "un velo bleu 7", "confirmation", "différentes"},
	} {
		err := CheckNewPassword(tc.password, tc.confirm, names...)
		if tc.msg == "" {
			assert.NoError(t, err, tc.password)
			continue
		}
		require.Error(t, err, tc.password)
		assert.Contains(t, err.Error(), tc.msg, tc.password)
		assert.Equal(t, err.Error(), pfmp.FieldsOf(err)[tc.field], tc.password)
	}
}
