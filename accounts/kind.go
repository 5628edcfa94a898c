package accounts

import (
	"slices"
	"strings"
)

// Kind is a kind of accounts file: which columns it has, in which order headers are tried
// against them, which ones a line must fill, and how its French messages name its people.
type Kind struct {
	one, many string   // « élève », « élèves »
	match     []Column // the columns read, in the order headers are tried against them
	required  []Column
}

// The two kinds of file.
var (
	// Students is the file school software exports. A header naming the master (« Nom du
	// maître d'apprentissage ») must not be taken for the student's « Nom », nor « Prénom »
	// for « Nom »: they are tried first.
	Students = &Kind{one: "élève", many: "élèves",
		match:    []Column{ColMaster, ColBirthDate, ColFirstName, ColEmail, ColStatus, ColClass, ColLastName},
		required: []Column{ColLastName, ColFirstName, ColClass, ColBirthDate}}
	// Teachers is the teachers' list: the email is required, their invitation goes there;
	// « Nom d'utilisateur » is an Identifiant, not a Nom.
	Teachers = &Kind{one: "enseignant", many: "enseignants",
		match:    []Column{ColUsername, ColFirstName, ColEmail, ColLastName},
		required: []Column{ColLastName, ColFirstName, ColEmail}}
)

// has reports whether the kind's files have the column.
func (k *Kind) has(c Column) bool { return slices.Contains(k.match, c) }

// requires reports whether a line must fill the column.
func (k *Kind) requires(c Column) bool { return slices.Contains(k.required, c) }

// requiredList names the required columns: « Nom, Prénom, Classe et Date de naissance ».
func (k *Kind) requiredList() string {
	labels := make([]string, len(k.required))
	for i, c := range k.required {
		labels[i] = c.Label()
	}
	last := len(labels) - 1
	return strings.Join(labels[:last], ", ") + " et " + labels[last]
}
