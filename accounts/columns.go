package accounts

import (
	"slices"
	"strings"
)

// Column is a column of an accounts file (a Kind reads some of them).
type Column int

// The columns.
const (
	ColMaster Column = iota
	ColBirthDate
	ColFirstName
	ColEmail
	ColStatus
	ColClass
	ColLastName
	ColUsername
	columnCount
)

// columns describe each column: its French label, the keys (see key) of the headers that
// name it, exactly or contained in a longer header, and the beginnings of headers that never
// name it (« Nom de naissance » is a name, not a birth date).
var columns = [columnCount]struct {
	label string
	keys  []string
	not   []string
}{
	ColMaster:    {"Maître d'apprentissage", []string{"maitre"}, nil},
	ColBirthDate: {"Date de naissance", []string{"datedenaissance", "naissance", "nele", "neele", "datenais", "ddn"}, []string{"nom", "prenom", "lieu", "commune", "pays", "departement"}},
	ColFirstName: {"Prénom", []string{"prenom"}, nil},
	ColEmail:     {"Adresse électronique", []string{"email", "mail", "courriel", "mel", "adresseelectronique"}, nil},
	ColStatus:    {"Statut", []string{"statut", "apprenti"}, nil},
	ColClass:     {"Classe", []string{"classe", "division"}, nil},
	ColLastName:  {"Nom", []string{"nom"}, nil},
	ColUsername:  {"Identifiant", []string{"identifiant", "login", "nomdutilisateur", "utilisateur", "nomdecompte"}, nil},
}

// Label is the column's French name.
func (c Column) Label() string { return columns[c].label }

// Layout is where each column is in a file: its index, or -1 when the file has none.
type Layout [columnCount]int

// Has reports whether the file has the column.
func (l Layout) Has(c Column) bool { return l[c] >= 0 }

// matchHeader finds the kind's columns in a header line: a header equal to one of a column's
// keys first, then one containing it, each column taken by its first header, the columns
// tried in the kind's order.
func (k *Kind) matchHeader(header []string) Layout {
	var l Layout
	for c := range l {
		l[c] = -1
	}
	keys := make([]string, len(header))
	for i, h := range header {
		keys[i] = key(h)
	}
	taken := make([]bool, len(header))
	for _, exact := range []bool{true, false} {
		for _, c := range k.match {
			if l[c] >= 0 {
				continue
			}
			for i, k := range keys {
				if !taken[i] && k != "" && matches(k, columns[c].keys, exact) && !startsWithAny(k, columns[c].not) {
					l[c], taken[i] = i, true
					break
				}
			}
		}
	}
	return l
}

func matches(k string, keys []string, exact bool) bool {
	return slices.ContainsFunc(keys, func(want string) bool {
		if exact {
			return k == want
		}
		return strings.Contains(k, want)
	})
}

func startsWithAny(k string, prefixes []string) bool {
	return slices.ContainsFunc(prefixes, func(p string) bool { return strings.HasPrefix(k, p) })
}

// missing lists the labels of the kind's required columns the layout lacks.
func (k *Kind) missing(l Layout) []string {
	var out []string
	for _, c := range k.required {
		if !l.Has(c) {
			out = append(out, c.Label())
		}
	}
	return out
}

// found counts the required columns the layout has: a header line names at least two.
func (k *Kind) found(l Layout) int { return len(k.required) - len(k.missing(l)) }
