package accounts

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestBaseUsername(t *testing.T) {
	for _, tc := range []struct{ first, last, want string }{
		{"Léa", "Dupont", "lea.dupont"},
		{"Éloïse", "Cœur", "eloise.coeur"},
		{"Jean-Baptiste", "Le Gall", "jean-baptiste.le-gall"},
		{"Aïcha", "N'Diaye", "aicha.ndiaye"},
		{"  Chloé ", "D’Artagnan", "chloe.dartagnan"},
		{"Zoé", "GARÇON", "zoe.garcon"},
		{"Søren", "Ångström", "soren.angstrom"},
		{"", "Martin", "martin"},
		{"Inès", "", "ines"},
		{"李", "王", ""},
	} {
		assert.Equal(t, tc.want, BaseUsername(tc.first, tc.last), "%s %s", tc.first, tc.last)
	}
}

func TestUniqueUsername(t *testing.T) {
	taken := map[string]bool{"lea.dupont": true, "lea.dupont2": true}
	has := func(s string) bool { return taken[s] }
	assert.Equal(t, "lea.dupont3", UniqueUsername("lea.dupont", has))
	assert.Equal(t, "hugo.petit", UniqueUsername("hugo.petit", has))
	assert.Equal(t, "eleve", UniqueUsername("", has))
}
