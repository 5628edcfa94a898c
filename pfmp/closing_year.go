package pfmp

import (
	"strconv"
	"time"
)

// ClosingYear is the school year a closing at now closes: the one that ends in now's calendar
// year (Paris). Classes end in early July, so from January to July it is the year under way
// (closed once its conseils de classe are over), and from August to December the year that
// has just ended: closed in the summer holidays, or late, after the rentrée, when it was
// forgotten — never the year that has only just started. (SchoolYearOf, which turns on
// 1 August, would name that new year from August on.)
func ClosingYear(now time.Time) SchoolYear { return SchoolYear(now.In(Paris).Year() - 1) }

// ClosingYearNote says, on the closing's preview, why it closes that year.
func ClosingYearNote(now time.Time) string {
	y := ClosingYear(now)
	ends := "juillet " + strconv.Itoa(int(y)+1)
	if now.In(Paris).Month() < time.August {
		return "L'année scolaire " + y.Label() + " se termine en " + ends +
			" : clôturez-la après les derniers conseils de classe, avant la rentrée de septembre."
	}
	return "L'année scolaire " + y.Label() + " s'est terminée en " + ends +
		" : c'est elle que la clôture arrête, même si l'année " + (y + 1).Label() + " a déjà commencé."
}
