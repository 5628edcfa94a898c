package pfmp

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
	// MustChangePassword holds the actor to the password change page (first login, reset).
	MustChangePassword bool
}

// Name is "Prénom NOM", the way schools write names.
func (a *Actor) Name() string {
	if a == nil {
		return ""
	}
	return a.FirstName + " " + upper(a.LastName)
}

// IsTeacher reports whether the actor manages periods.
func (a *Actor) IsTeacher() bool { return a != nil && a.Role == RoleTeacher }

// IsCompany reports whether the actor is a tutor or an apprenticeship master.
func (a *Actor) IsCompany() bool { return a != nil && (a.Role == RoleTutor || a.Role == RoleMaster) }
