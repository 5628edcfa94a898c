package accounts

import (
	"cmp"
	"fmt"
	"livret/pfmp"
	"slices"
	"strings"
)

// RoleTeacher is users.role of a teacher.
const RoleTeacher = string(pfmp.RoleTeacher)

// Account is an account of any role, as the teachers' import meets it: a teacher's is matched
// and updated; any other keeps its email and username to itself.
type Account struct {
	ID, Role            string
	FirstName, LastName string
	Username, Email     string
}

// roleNames name an account that is not a teacher's, in a rejection's reason.
var roleNames = map[string]string{"student": "d'un élève", "tutor": "d'un tuteur en entreprise", "master": "d'un maître d'apprentissage"}

// NewTeacherPlan matches each line of a teachers' file to the accounts: a teacher is the
// account of the line's email (case aside), else of its username. One found is updated (names
// spelt anew, a new email or username) or left alone, its password never touched; one not
// found is created with the file's username, or « prenom.nom » made unique. A line whose email
// or username is a student's, tutor's or master's is rejected: that account never becomes a
// teacher's.
func NewTeacherPlan(sh *Sheet, accts []Account) *Plan {
	tp := &teacherPlanner{plan: &Plan{Rejected: slices.Clone(sh.Rejected)},
		byEmail: map[string]*Account{}, byUsername: map[string]*Account{}, taken: map[string]bool{},
		emails: map[string]int{}, usernames: map[string]int{}, claimed: map[string]int{}}
	for i := range accts {
		a := &accts[i]
		if a.Email != "" {
			tp.byEmail[strings.ToLower(a.Email)] = a
		}
		if a.Username != "" {
			tp.byUsername[strings.ToLower(a.Username)] = a
			tp.taken[strings.ToLower(a.Username)] = true
		}
	}
	for _, row := range sh.Rows {
		tp.add(row)
	}
	tp.plan.sortRejected()
	return tp.plan
}

// teacherPlanner holds the indexes of one teachers' plan.
type teacherPlanner struct {
	plan       *Plan
	byEmail    map[string]*Account // lower-case email → account
	byUsername map[string]*Account // lower-case username → account
	taken      map[string]bool     // lower-case usernames in use or given
	emails     map[string]int      // lower-case email → first line
	usernames  map[string]int      // username a line gives → first line
	claimed    map[string]int      // account matched → its line
}

func (tp *teacherPlanner) reject(r Row, reason string) {
	tp.plan.Rejected = append(tp.plan.Rejected, Rejection{Line: r.Line, Reason: reason,
		Text: strings.TrimSpace(fmt.Sprintf("%s %s, %s %s", r.FirstName, strings.ToUpper(r.LastName), r.Email, r.FileUsername))})
}

func (tp *teacherPlanner) add(r Row) {
	if reason := tp.repeated(r); reason != "" {
		tp.reject(r, reason)
		return
	}
	acct, reason := tp.match(r)
	e := Entry{Row: r, NewClass: -1}
	if reason == "" && acct == nil {
		e.Action = Create
		e.Username, reason = tp.newUsername(r)
	} else if reason == "" {
		tp.claimed[acct.ID] = r.Line
		e.AccountID, e.Username = acct.ID, acct.Username
		reason = tp.changes(&e, acct)
	}
	if reason != "" {
		tp.reject(r, reason)
		return
	}
	tp.plan.Entries = append(tp.plan.Entries, e)
}

// repeated refuses a line that repeats an earlier line's email or username.
func (tp *teacherPlanner) repeated(r Row) string {
	low := strings.ToLower(r.Email)
	if first, dup := tp.emails[low]; dup {
		return fmt.Sprintf("Même adresse électronique qu'à la ligne %d.", first)
	}
	if first, dup := tp.usernames[r.FileUsername]; dup && r.FileUsername != "" {
		return fmt.Sprintf("Même identifiant qu'à la ligne %d.", first)
	}
	tp.emails[low], tp.usernames[r.FileUsername] = r.Line, r.Line
	return ""
}

// match finds the line's teacher: by email, else by username. reason is set when the account
// found is not a teacher's, or another line already matched it.
func (tp *teacherPlanner) match(r Row) (a *Account, reason string) {
	what := "Adresse électronique déjà utilisée par le compte "
	if a = tp.byEmail[strings.ToLower(r.Email)]; a == nil && r.FileUsername != "" {
		what, a = "Identifiant déjà utilisé par le compte ", tp.byUsername[r.FileUsername]
	}
	switch {
	case a == nil:
		return nil, ""
	case a.Role != RoleTeacher:
		return nil, what + cmp.Or(roleNames[a.Role], "d'une autre personne") + " : il ne devient pas un compte d'enseignant."
	}
	if first, dup := tp.claimed[a.ID]; dup {
		return nil, fmt.Sprintf("Même enseignant qu'à la ligne %d (par son adresse ou son identifiant).", first)
	}
	return a, ""
}

// newUsername is the username the line gives, or « prenom.nom » made unique.
func (tp *teacherPlanner) newUsername(r Row) (string, string) {
	u := r.FileUsername
	if u == "" {
		u = UniqueUsername(BaseUsername(r.FirstName, r.LastName), func(s string) bool { return tp.taken[s] })
	} else if tp.taken[u] {
		return "", "Identifiant « " + u + " » déjà utilisé par un autre compte : changez-le, ou laissez la case vide pour qu'il soit choisi."
	}
	tp.taken[u] = true
	return u, ""
}

// changes lists what the line changes in the teacher's account: Update, or Unchanged.
func (tp *teacherPlanner) changes(e *Entry, a *Account) string {
	e.respell(a.FirstName, a.LastName)
	if !strings.EqualFold(e.Email, a.Email) {
		e.change("email", "adresse électronique", a.Email, e.Email)
	}
	switch {
	case e.FileUsername != "" && e.FileUsername != strings.ToLower(a.Username):
		if tp.taken[e.FileUsername] {
			return "Identifiant « " + e.FileUsername + " » déjà utilisé par un autre compte."
		}
		e.Username = e.FileUsername
	case a.Username == "":
		e.Username, _ = tp.newUsername(Row{FirstName: e.FirstName, LastName: e.LastName})
	}
	if e.Username != a.Username {
		tp.taken[e.Username] = true
		e.change("username", "identifiant", a.Username, e.Username)
	}
	e.settle()
	return ""
}
