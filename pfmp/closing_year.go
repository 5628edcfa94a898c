package pfmp

import (
	"strconv"
	"time"
)

// ClosingYear is the school year a closing at now closes: the one that ends in now's calendar
// year (Paris). Classes end in early July, so from January to July it is the year under way
// (closed once its conseils de classe are over), and from August to December the year that
// has just ended: closed in the summer holidays, or late, when it was forgotten — never the
// year that has only just started. (SchoolYearOf, which turns on 1 August, would name that new
// year from August on.)
func ClosingYear(now time.Time) SchoolYear { return SchoolYear(now.In(Paris).Year() - 1) }

// ClosingYearNote says, on the closing's preview, why it closes that year and when.
func ClosingYearNote(now time.Time) string {
	y := ClosingYear(now)
	ends := "juillet " + strconv.Itoa(int(y)+1)
	if now.In(Paris).Month() < time.August {
		return "L'année scolaire " + y.Label() + " se termine en " + ends +
			" : clôturez-la après les derniers conseils de classe, avant d'importer les listes d'élèves de la rentrée."
	}
	return "L'année scolaire " + y.Label() + " s'est terminée en " + ends +
		" : clôturez-la avant d'importer les listes d'élèves de " + (y + 1).Label() + "."
}

// ImportedForNextYear reports whether a students' import made at `at` came after closing year
// y ended (1 August, Paris): that import put the students in their classes of the next year,
// so closing y would move them up a second time (and take the new final-level students out).
func ImportedForNextYear(y SchoolYear, at time.Time) bool {
	return SchoolYearOf(at) > y
}

// MsgImportedForNextYear refuses the closing of y after the next year's students' import (at).
func MsgImportedForNextYear(y SchoolYear, at time.Time) string {
	return "La clôture de l'année " + y.Label() + " n'est plus possible : les listes d'élèves ont été importées le " +
		FormatLong(at) + ", pour l'année " + (y + 1).Label() + ". Les classes sont déjà celles de la nouvelle année : " +
		"la clôture ferait passer les élèves au niveau supérieur une seconde fois et retirerait de leur classe ceux de dernière année. " +
		"Les élèves partis en fin d'année qui ne figuraient pas dans l'import sont restés dans leur ancienne classe : " +
		"indiquez leur départ dans le tableau de bord d'administration (collection users : videz le champ class " +
		"et renseignez left_at avec la date du départ). Leurs données seront supprimées au terme de la durée de conservation."
}
