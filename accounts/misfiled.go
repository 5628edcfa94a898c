package accounts

import "slices"

// A file given to the wrong import: a students' list to the teachers' would make a teacher's
// account of every student (a teachers' file only needs Nom, Prénom and an email).

// classKeys name a class exactly: « Classes » (those a teacher teaches) may be a teachers'.
var classKeys = []string{"classe", "division"}

// misfiled is the French refusal of a header line that is another kind's; "" when it is not.
// A teachers' file naming a student's birth date or class is a students' list.
func (k *Kind) misfiled(header []string) string {
	if k != Teachers {
		return ""
	}
	l := Students.matchHeader(header)
	col := -1
	if l.Has(ColBirthDate) {
		col = l[ColBirthDate]
	}
	for i, h := range header {
		if col < 0 && slices.Contains(classKeys, key(h)) {
			col = i
		}
	}
	if col < 0 {
		return ""
	}
	return "Ce fichier ressemble à une liste d'élèves (colonne " + quoted(cleanSpaces(header[col])) +
		") : importez-le dans « Comptes des élèves ». Une liste d'enseignants nomme les colonnes Nom, Prénom et " +
		"Adresse électronique, sans classe ni date de naissance."
}

// hint completes the refusal of a header line that lacks the kind's required columns when it
// would do for the other kind: a teachers' list given to the students' import.
func (k *Kind) hint(header []string) string {
	if k != Students || len(Teachers.missing(Teachers.matchHeader(header))) > 0 {
		return ""
	}
	return " S'il s'agit d'une liste d'enseignants, importez-la dans « Comptes des enseignants »."
}
