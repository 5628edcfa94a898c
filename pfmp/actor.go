package pfmp

import (
	"strings"
	"time"
)

// Role is a user's kind of account (users.role).
type Role string

// The four kinds of accounts.
const (
	RoleTeacher Role = "teacher"
	RoleStudent Role = "student"
	RoleTutor   Role = "tutor"  // tuteur de stage, reaches the app through an access link
	RoleMaster  Role = "master" // maître d'apprentissage, account created by the administrator
)

// Label is the role's French name, as shown beside the user's name.
func (r Role) Label() string {
	switch r {
	case RoleTeacher:
		return "Enseignant"
	case RoleStudent:
		return "Apprenant"
	case RoleTutor:
		return "Tuteur de stage"
	case RoleMaster:
		return "Maître d'apprentissage"
	}
	return "Utilisateur"
}

// Actor is whoever makes a request; nil means nobody is logged in.
type Actor struct {
	ID        string
	Role      Role
	FirstName string
	LastName  string
	// CanImport: an administrator gave this teacher the right to import the students' file.
	CanImport bool
	// SchoolAdmin: the school's administrator in the app (teachers' accounts, school year).
	SchoolAdmin bool
	// MustChangePassword holds the actor to the password change page (first login, reset).
	MustChangePassword bool
	// Grants are, for a tutor, the access links his session holds (set when the session is
	// resolved): the dossiers it may open while they stay valid.
	Grants []Grant
}

// Name is "Prénom NOM", the way schools write names.
func (a *Actor) Name() string {
	if a == nil {
		return ""
	}
	return FullName(a.FirstName, a.LastName)
}

// FullName is "Prénom NOM", the way schools write names.
func FullName(first, last string) string { return first + " " + FamilyName(last) }

// FamilyName is a last name the way schools write it: in capitals.
func FamilyName(last string) string { return strings.ToUpper(last) }

// IsTeacher reports whether the actor manages periods.
func (a *Actor) IsTeacher() bool { return a != nil && a.Role == RoleTeacher }

// IsCompany reports whether the actor is a tutor or an apprenticeship master.
func (a *Actor) IsCompany() bool { return a != nil && (a.Role == RoleTutor || a.Role == RoleMaster) }

// Grant is one access link a tutor's session holds: his way into one dossier.
type Grant struct {
	ID, Placement string
	Expires       time.Time
	Revoked       bool
}

// Valid applies the grant validity rule at now.
func (g Grant) Valid(now time.Time) bool { return GrantValid(g.Expires, g.Revoked, now) }

// GrantOn reports whether the actor's session holds a grant on the placement valid at now.
func (a *Actor) GrantOn(placement string, now time.Time) bool {
	for _, g := range a.grants() {
		if g.Placement == placement && g.Valid(now) {
			return true
		}
	}
	return false
}

// LiveGrants are the actor's grants valid at now.
func (a *Actor) LiveGrants(now time.Time) []Grant {
	var out []Grant
	for _, g := range a.grants() {
		if g.Valid(now) {
			out = append(out, g)
		}
	}
	return out
}

func (a *Actor) grants() []Grant {
	if a == nil || a.Role != RoleTutor {
		return nil // only a tutor's session is opened by links
	}
	return a.Grants
}
