package pfmp

import "strings"

// Action is something an actor may want to do; the policy below says who may.
type Action int

// Actions on a placement (a student's dossier for one period), then school-wide ones.
const (
	ViewDossier        Action = iota // see that the dossier exists and its menu
	ReadLiaison                      // read the fiche de liaison
	EditLiaisonCompany               // fill the host company and tutor fields
	PersonaliseLiaison               // diverge the objectives and tasks from the annexe
	ReadPortfolio                    // the seven tabs and the bilan personnel
	EditPortfolio                    // only the student, ever
	ReadComments
	WriteComment
	ReadReviews // attitudes and bilan entreprise
	EditReviews
	ViewDashboard
	Print // pré-convention, attestation, grids, exports
	ManageSchool
)

// PlacementAccess is what the policy must know about one placement and the actor.
type PlacementAccess struct {
	StudentID   string
	Granted     bool // the actor holds a valid (unexpired, unrevoked) tutor grant on it
	ReviewSaved bool // the review asked about has been saved at least once
}

// IsOwner reports whether the actor is the placement's own student: the one whose portfolio it
// is, who lands on the week under way and whose reading clears the "nouveau commentaire" mark.
func IsOwner(a *Actor, p PlacementAccess) bool {
	return a != nil && a.Role == RoleStudent && a.ID == p.StudentID
}

// CanSchool answers school-wide actions: periods, annexes, checkpoints, tutor links.
func CanSchool(a *Actor, act Action) bool {
	return act == ManageSchool && a.IsTeacher()
}

// Can is the one table of who may do what on a placement (DESIGN.md, "Authorisation").
func Can(a *Actor, act Action, p PlacementAccess) bool {
	if a == nil {
		return false
	}
	switch {
	case IsOwner(a, p):
		return studentCan(act, p)
	case a.IsTeacher():
		return act != EditPortfolio
	case a.IsCompany() && p.Granted:
		return companyCan(act)
	}
	return false
}

func studentCan(act Action, p PlacementAccess) bool {
	switch act {
	case PersonaliseLiaison, WriteComment, EditReviews, ManageSchool:
		return false
	case ReadReviews:
		return p.ReviewSaved
	}
	return true
}

func companyCan(act Action) bool {
	switch act {
	case EditLiaisonCompany, PersonaliseLiaison, EditPortfolio, ManageSchool:
		return false
	}
	return true
}

func upper(s string) string { return strings.ToUpper(s) }
