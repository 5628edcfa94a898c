package pfmp

import (
	"time"
)

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
	Print              // attestation de présence, grids, exports
	PrintPreconvention // the pré-convention: teachers and its student, not the company
	EditPreconvention  // type its sections (hours, concertation, derogation, evaluation)
	EditAttestation    // type the attestation's six fields before printing
	ReadReviewHistory  // who changed what in an evaluation, and when
	ManageTutorLink    // send or invalidate the tutor's access link (the tutor window)
	ChooseReferents    // name the dossier's referent teachers

	ManageSchool       // periods, annexes, checkpoints, tutor links
	ListOwnDossiers    // the student's home: « Mes périodes »
	ListGrantedFiles   // the tutor's and master's home: « Mes apprenants »
	ListOwnEvaluations // the student's « Mes évaluations » and own tableau de bord
	ManageLogins       // the classes' accounts: login slips, a student's password reset
	ImportStudents     // import the students' file: teachers given the right (users.can_import)
	ChangePassword     // choose one's own password: whoever logs in with one
	ImportTeachers     // import the teachers' file and invite them: the school's administrator
	ManageYear         // retention, year-end archives and purge: the school's administrator
	DownloadOwnData    // the student's archive of his own data (right of access), until his purge

	actionCount // not an action: the number of them, for the tests
)

// scope is where a role may do an action: nowhere unless the tables below say so.
type scope int

const (
	nowhere        scope = iota
	anyDossier           // every dossier of the school
	ownDossier           // the dossiers whose student the actor is
	ownSavedOnly         // the actor's own dossiers, once the thing asked about was saved
	grantedDossier       // the dossiers a valid grant opens to the actor
	schoolWide           // a school-wide action, not about one dossier
	importRight          // school-wide, for an actor an administrator gave the import right
	adminRight           // school-wide, for the school's administrator (users.school_admin)
)

// permissions is the one table of who may do what (DESIGN.md, "Authorisation"). It denies by
// default: a role, or an action, that is not listed here is refused.
var permissions = map[Role]map[Action]scope{
	RoleStudent: {
		ViewDossier: ownDossier, ReadLiaison: ownDossier, EditLiaisonCompany: ownDossier,
		ReadPortfolio: ownDossier, EditPortfolio: ownDossier, ReadComments: ownDossier,
		ReadReviews: ownSavedOnly, ViewDashboard: ownDossier, Print: ownDossier,
		PrintPreconvention: ownDossier, EditAttestation: ownDossier,
		ListOwnDossiers: schoolWide, ListOwnEvaluations: schoolWide, ChangePassword: schoolWide,
		DownloadOwnData: schoolWide,
	},
	RoleTeacher: {
		ViewDossier: anyDossier, ReadLiaison: anyDossier, EditLiaisonCompany: anyDossier,
		PersonaliseLiaison: anyDossier, ReadPortfolio: anyDossier, ReadComments: anyDossier,
		WriteComment: anyDossier, ReadReviews: anyDossier, EditReviews: anyDossier,
		ViewDashboard: anyDossier, Print: anyDossier,
		PrintPreconvention: anyDossier, EditPreconvention: anyDossier, EditAttestation: anyDossier,
		ReadReviewHistory: anyDossier, ManageTutorLink: anyDossier, ChooseReferents: anyDossier,
		ManageSchool: schoolWide, ManageLogins: schoolWide, ImportStudents: importRight, ChangePassword: schoolWide,
		ImportTeachers: adminRight, ManageYear: adminRight,
	},
	RoleTutor:  companyPermissions,
	RoleMaster: with(companyPermissions, ChangePassword, schoolWide), // a tutor has no password: he comes by his link
}

// with is a copy of a role's table with one more action.
func with(base map[Action]scope, act Action, sc scope) map[Action]scope {
	out := map[Action]scope{act: sc}
	for a, s := range base {
		out[a] = s
	}
	return out
}

// companyPermissions are a tutor's and a master's: read, comment and evaluate what is granted.
var companyPermissions = map[Action]scope{
	ViewDossier: grantedDossier, ReadLiaison: grantedDossier, ReadPortfolio: grantedDossier,
	ReadComments: grantedDossier, WriteComment: grantedDossier, ReadReviews: grantedDossier,
	EditReviews: grantedDossier, ViewDashboard: grantedDossier, Print: grantedDossier,
	ListGrantedFiles: schoolWide,
}

// PlacementAccess is what the policy must know about one placement and the actor.
type PlacementAccess struct {
	StudentID string
	// Granted: a tutor's session holds a valid (unexpired, unrevoked) access link to it, or
	// it is the dossier of an apprentice linked to the master (no expiry).
	Granted     bool
	ReviewSaved bool // the review asked about has been saved at least once
}

// IsOwner reports whether the actor is the placement's own student: the one whose portfolio it
// is, who lands on the week under way and whose reading clears the "nouveau commentaire" mark.
func IsOwner(a *Actor, p PlacementAccess) bool {
	return a != nil && a.Role == RoleStudent && a.ID == p.StudentID
}

// CanSchool answers school-wide actions: managing periods, the personal home pages.
func CanSchool(a *Actor, act Action) bool {
	if a == nil {
		return false
	}
	switch permissions[a.Role][act] {
	case schoolWide:
		return true
	case importRight:
		return a.CanImport || a.SchoolAdmin
	case adminRight:
		return a.SchoolAdmin
	}
	return false
}

// CanChangePassword reports whether the actor logs in with a password he may change.
func (a *Actor) CanChangePassword() bool { return CanSchool(a, ChangePassword) }

// Can answers an action on one placement.
func Can(a *Actor, act Action, p PlacementAccess) bool {
	if a == nil {
		return false
	}
	switch permissions[a.Role][act] {
	case anyDossier:
		return true
	case ownDossier:
		return IsOwner(a, p)
	case ownSavedOnly:
		return IsOwner(a, p) && p.ReviewSaved
	case grantedDossier:
		return p.Granted
	}
	return false
}

// CompanyReaches reports whether a tutor or a master reaches a dossier (PlacementAccess.Granted):
// a tutor through a link his session holds and that is still valid, a master through the link
// from the dossier's student (apprenticeMaster, the student's master) to him.
func CompanyReaches(a *Actor, placementID, apprenticeMaster string, now time.Time) bool {
	if !a.IsCompany() {
		return false
	}
	return a.GrantOn(placementID, now) || a.Role == RoleMaster && apprenticeMaster == a.ID
}
