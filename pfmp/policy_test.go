package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestPolicyTable(t *testing.T) {
	student := &Actor{ID: "s1", Role: RoleStudent}
	other := &Actor{ID: "s2", Role: RoleStudent}
	teacher := &Actor{ID: "t1", Role: RoleTeacher}
	tutor := &Actor{ID: "tu", Role: RoleTutor}
	master := &Actor{ID: "ma", Role: RoleMaster}
	p := PlacementAccess{StudentID: "s1"}
	granted := PlacementAccess{StudentID: "s1", Granted: true}
	saved := PlacementAccess{StudentID: "s1", ReviewSaved: true}

	cases := []struct {
		name string
		a    *Actor
		act  Action
		p    PlacementAccess
		want bool
	}{
		{"anonymous sees nothing", nil, ViewDossier, p, false},
		{"student edits own portfolio", student, EditPortfolio, p, true},
		{"student edits own fiche", student, EditLiaisonCompany, p, true},
		{"student cannot personalise", student, PersonaliseLiaison, p, false},
		{"student cannot comment", student, WriteComment, p, false},
		{"student reads comments", student, ReadComments, p, true},
		{"student reads unsaved review: no", student, ReadReviews, p, false},
		{"student reads saved review", student, ReadReviews, saved, true},
		{"student cannot edit review", student, EditReviews, saved, false},
		{"other student sees nothing", other, ViewDossier, p, false},
		{"other student cannot read", other, ReadPortfolio, p, false},
		{"teacher reads portfolio", teacher, ReadPortfolio, p, true},
		{"teacher never edits portfolio", teacher, EditPortfolio, p, false},
		{"teacher personalises", teacher, PersonaliseLiaison, p, true},
		{"teacher edits fiche company", teacher, EditLiaisonCompany, p, true},
		{"teacher comments", teacher, WriteComment, p, true},
		{"teacher edits reviews", teacher, EditReviews, p, true},
		{"tutor without grant: nothing", tutor, ViewDossier, p, false},
		{"tutor with grant reads", tutor, ReadPortfolio, granted, true},
		{"tutor never edits portfolio", tutor, EditPortfolio, granted, false},
		{"tutor reads fiche", tutor, ReadLiaison, granted, true},
		{"tutor cannot edit fiche", tutor, EditLiaisonCompany, granted, false},
		{"tutor comments", tutor, WriteComment, granted, true},
		{"tutor edits reviews", tutor, EditReviews, granted, true},
		{"master with grant prints", master, Print, granted, true},
		{"master without grant: no", master, Print, p, false},
		{"student prints own attestation", student, Print, p, true},
		{"student types own attestation", student, EditAttestation, p, true},
		{"other student cannot type it", other, EditAttestation, p, false},
		{"student prints own pré-convention", student, PrintPreconvention, p, true},
		{"student cannot type the teacher's sections", student, EditPreconvention, p, false},
		{"other student cannot print it", other, PrintPreconvention, p, false},
		{"teacher prints pré-conventions", teacher, PrintPreconvention, p, true},
		{"teacher types pré-conventions", teacher, EditPreconvention, p, true},
		{"teacher types attestations", teacher, EditAttestation, p, true},
		{"tutor prints the attestation", tutor, Print, granted, true},
		{"tutor does not type it", tutor, EditAttestation, granted, false},
		{"tutor does not print the pré-convention", tutor, PrintPreconvention, granted, false},
		{"master does not type pré-conventions", master, EditPreconvention, granted, false},
		{"teacher reads a review's history", teacher, ReadReviewHistory, p, true},
		{"tutor does not read the history", tutor, ReadReviewHistory, granted, false},
		{"student does not read the history", student, ReadReviewHistory, saved, false},
		{"student sees own dashboard", student, ViewDashboard, p, true},
		{"tutor sees granted dashboard", tutor, ViewDashboard, granted, true},
		{"master reads saved or unsaved reviews", master, ReadReviews, granted, true},
		{"teacher sends tutor links", teacher, ManageTutorLink, p, true},
		{"tutor does not send links", tutor, ManageTutorLink, granted, false},
		{"master does not send links", master, ManageTutorLink, granted, false},
		{"student does not send links", student, ManageTutorLink, p, false},
		{"teacher chooses referents", teacher, ChooseReferents, p, true},
		{"student does not choose referents", student, ChooseReferents, p, false},
		{"tutor does not choose referents", tutor, ChooseReferents, granted, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, Can(c.a, c.act, c.p))
		})
	}
}

func TestIsOwner(t *testing.T) {
	p := PlacementAccess{StudentID: "s1", Granted: true}
	require.True(t, IsOwner(&Actor{ID: "s1", Role: RoleStudent}, p))
	require.False(t, IsOwner(&Actor{ID: "s2", Role: RoleStudent}, p))
	require.False(t, IsOwner(&Actor{ID: "s1", Role: RoleTeacher}, p), "an id alone is not enough")
	require.False(t, IsOwner(&Actor{ID: "t", Role: RoleTutor}, p))
	require.False(t, IsOwner(nil, p))
}

func TestCanSchool(t *testing.T) {
	require.True(t, CanSchool(&Actor{Role: RoleTeacher}, ManageSchool))
	for _, r := range []Role{RoleStudent, RoleTutor, RoleMaster} {
		require.False(t, CanSchool(&Actor{Role: r}, ManageSchool), r)
	}
	require.False(t, CanSchool(nil, ManageSchool))
	require.False(t, CanSchool(&Actor{Role: RoleTeacher}, EditPortfolio))
	require.True(t, CanSchool(&Actor{Role: RoleStudent}, ListOwnEvaluations))
	for _, r := range []Role{RoleTeacher, RoleTutor, RoleMaster} {
		require.False(t, CanSchool(&Actor{Role: r}, ListOwnEvaluations), r)
	}
}

// An action added to the list is refused to everyone, on any dossier, until a role lists it.
func TestPolicyDeniesAnUnlistedAction(t *testing.T) {
	unlisted := actionCount
	everything := PlacementAccess{StudentID: "s1", Granted: true, ReviewSaved: true}
	for _, r := range []Role{RoleStudent, RoleTeacher, RoleTutor, RoleMaster, Role("admin"), ""} {
		a := &Actor{ID: "s1", Role: r}
		require.False(t, Can(a, unlisted, everything), r)
		require.False(t, CanSchool(a, unlisted), r)
	}
}

// An unknown role may do nothing at all, whatever the dossier says.
func TestPolicyDeniesAnUnknownRole(t *testing.T) {
	everything := PlacementAccess{StudentID: "x", Granted: true, ReviewSaved: true}
	for act := Action(0); act < actionCount; act++ {
		require.False(t, Can(&Actor{ID: "x", Role: "admin"}, act, everything), act)
		require.False(t, CanSchool(&Actor{ID: "x", Role: "admin"}, act), act)
	}
}

// School-wide actions are never answered as dossier actions, and the other way round.
func TestPolicyKeepsSchoolAndDossierActionsApart(t *testing.T) {
	teacher := &Actor{ID: "t", Role: RoleTeacher}
	require.False(t, Can(teacher, ManageSchool, PlacementAccess{}))
	require.False(t, CanSchool(teacher, ReadPortfolio))
	require.True(t, CanSchool(&Actor{Role: RoleStudent}, ListOwnDossiers))
	require.False(t, CanSchool(&Actor{Role: RoleStudent}, ListGrantedFiles))
	require.True(t, CanSchool(&Actor{Role: RoleMaster}, ListGrantedFiles))
	require.False(t, CanSchool(teacher, ListOwnDossiers))
}

// The import is for the teachers an administrator gave the right; slips and resets for every
// teacher; one's own password for all who log in with one (a tutor comes by his link).
func TestPolicyOfAccounts(t *testing.T) {
	teacher, importer := &Actor{Role: RoleTeacher}, &Actor{Role: RoleTeacher, CanImport: true}
	require.False(t, CanSchool(teacher, ImportStudents))
	require.True(t, CanSchool(importer, ImportStudents))
	require.True(t, CanSchool(teacher, ManageLogins))
	for _, r := range []Role{RoleStudent, RoleTutor, RoleMaster} {
		a := &Actor{Role: r, CanImport: true} // set by mistake on another role: still no
		require.False(t, CanSchool(a, ImportStudents), r)
		require.False(t, CanSchool(a, ManageLogins), r)
	}
	for r, want := range map[Role]bool{RoleTeacher: true, RoleStudent: true, RoleMaster: true, RoleTutor: false} {
		require.Equal(t, want, CanSchool(&Actor{Role: r}, ChangePassword), r)
	}
	require.False(t, Can(importer, ImportStudents, PlacementAccess{}), "a school-wide action, never a dossier's")
}

// The school's administrator imports the teachers and manages the school year; the students'
// import is his too. Nobody else, whatever flag is set by mistake on another role.
func TestPolicyOfSchoolAdmin(t *testing.T) {
	admin := &Actor{Role: RoleTeacher, SchoolAdmin: true}
	for _, act := range []Action{ImportTeachers, ManageYear, ImportStudents} {
		require.True(t, CanSchool(admin, act), act)
	}
	for _, a := range []*Actor{{Role: RoleTeacher}, {Role: RoleTeacher, CanImport: true},
		{Role: RoleStudent, SchoolAdmin: true}, {Role: RoleTutor, SchoolAdmin: true}, {Role: RoleMaster, SchoolAdmin: true}} {
		require.False(t, CanSchool(a, ImportTeachers), a)
		require.False(t, CanSchool(a, ManageYear), a)
	}
}

func TestCompanyReaches(t *testing.T) {
	now := time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	tutor := &Actor{ID: "tu", Role: RoleTutor, Grants: []Grant{{Placement: "p1", Expires: now.Add(time.Hour)},
		{Placement: "p2", Expires: now.Add(-time.Hour)}}}
	master := &Actor{ID: "ma", Role: RoleMaster}
	require.True(t, CompanyReaches(tutor, "p1", "", now))
	require.False(t, CompanyReaches(tutor, "p2", "", now), "an expired link")
	require.False(t, CompanyReaches(tutor, "p3", "tu", now), "a tutor is nobody's master")
	require.True(t, CompanyReaches(master, "p9", "ma", now))
	require.False(t, CompanyReaches(master, "p9", "other", now))
	require.False(t, CompanyReaches(master, "p9", "", now))
	require.False(t, CompanyReaches(&Actor{ID: "ma", Role: RoleTeacher}, "p9", "ma", now), "teachers need no link")
	require.False(t, CompanyReaches(nil, "p1", "", now))
}
