package dossier

import (
	"cmp"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// Students' logins: the classes' accounts as the login slips' pages list them, the initial
// passwords a slip prints, the password its owner then chooses.

// AccountClass is a class with its students counted: all, and those who have not chosen
// their password yet (pending: their slip is still to print or to use).
type AccountClass struct {
	ID       string `db:"id"`
	Name     string `db:"name"`
	Level    string `db:"level"`
	Students int    `db:"students"`
	Pending  int    `db:"pending"`
}

// AccountClasses lists every class with its counts, by level and name.
func (s *Store) AccountClasses() ([]AccountClass, error) {
	var out []AccountClass
	err := s.app.DB().NewQuery(`SELECT c.id, c.name, c.level, COUNT(u.id) AS students,
		COALESCE(SUM(u.must_change_password = TRUE AND u.disabled = FALSE), 0) AS pending
		FROM classes c LEFT JOIN users u ON u.class = c.id AND u.role = 'student'
		GROUP BY c.id`).All(&out)
	slices.SortFunc(out, func(a, b AccountClass) int { // by level (pfmp.Levels' order), then name
		return cmp.Or(cmp.Compare(levelRank(pfmp.Level(a.Level)), levelRank(pfmp.Level(b.Level))), strings.Compare(a.Name, b.Name))
	})
	return out, err
}

// Login is an account as a logins page lists it and its slip prints it: a student's, in his
// class, or a teacher's (no class).
type Login struct {
	ID        string `db:"id"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
	Username  string `db:"username"`
	Email     string `db:"email"`
	ClassName string `db:"class_name"`
	Pending   bool   `db:"must_change_password"`
	Disabled  bool   `db:"disabled"`
}

const loginColumns = `SELECT u.id, u.first_name, u.last_name, u.username, u.email,
	COALESCE(c.name, '') AS class_name, u.must_change_password, u.disabled
	FROM users u LEFT JOIN classes c ON c.id = u.class `

// ClassLogins reads a class and its students' accounts, by name.
func (s *Store) ClassLogins(classID string) (*AccountClass, []Login, error) {
	var class AccountClass
	err := s.app.DB().NewQuery(`SELECT id, name, level FROM classes WHERE id = {:c}`).
		Bind(dbx.Params{"c": classID}).One(&class)
	if err != nil {
		return nil, nil, pfmp.NotFound("Cette classe n'existe pas (ou plus).")
	}
	var students []Login
	err = s.app.DB().NewQuery(loginColumns + `WHERE u.class = {:c} AND u.role = 'student'
		ORDER BY u.last_name, u.first_name, u.username`).Bind(dbx.Params{"c": classID}).All(&students)
	for _, st := range students {
		class.Students++
		if st.Pending && !st.Disabled {
			class.Pending++
		}
	}
	return &class, students, err
}

// StudentLoginOf reads one student's account; not found for any other account.
func (s *Store) StudentLoginOf(id string) (*Login, error) {
	var st Login
	err := s.app.DB().NewQuery(loginColumns + `WHERE u.id = {:id} AND u.role = 'student'`).
		Bind(dbx.Params{"id": id}).One(&st)
	if err != nil {
		return nil, pfmp.NotFound("Cet élève n'existe pas (ou plus).")
	}
	return &st, nil
}

// InitialPassword is the hash of a password printed on an account's slip.
type InitialPassword struct{ AccountID, Hash string }

// msgSlipsStale refuses slips printed for someone who chose his password meanwhile.
const msgSlipsStale = "Une personne de cette liste vient de choisir son mot de passe : relancez l'impression des fiches."

// SetInitialPasswords gives students the passwords their slips print, in one transaction:
// each account must change it at its next login, and its sessions end. With onlyPending
// (a class's slips), an account whose owner chose his password since the slips were made
// refuses them all (409). The passwords given are recorded in the audit log under actorID,
// once for the lot.
func (s *Store) SetInitialPasswords(actorID string, pws []InitialPassword, onlyPending bool) error {
	return s.setInitialPasswords(actorID, "student", pws, onlyPending)
}

// setInitialPasswords gives accounts of the role their slips' passwords (SetInitialPasswords).
func (s *Store) setInitialPasswords(actorID, role string, pws []InitialPassword, onlyPending bool) error {
	return s.app.RunInTransaction(func(tx core.App) error {
		ids := make([]string, len(pws))
		for i, pw := range pws {
			rec, err := tx.FindRecordById("users", pw.AccountID)
			if err != nil || rec.GetString("role") != role {
				return pfmp.NotFound("Ce compte n'existe pas (ou plus).")
			}
			if onlyPending && !rec.GetBool("must_change_password") {
				return pfmp.Conflict(msgSlipsStale)
			}
			rec.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: pw.Hash})
			rec.Set("must_change_password", true)
			rec.RefreshTokenKey() // a hash set as is does not renew it by itself
			if err := tx.Save(rec); err != nil {
				return err
			}
			ids[i] = rec.Id
		}
		record := ""
		if len(ids) == 1 {
			record = ids[0]
		}
		return Audit(tx, actorID, "mot_de_passe_provisoire", "users", record, map[string]any{"comptes": ids})
	})
}

// Messages of a password change.
const (
	msgWrongCurrent = "Mot de passe actuel incorrect."
	msgSamePassword = "Choisissez un mot de passe différent de l'actuel (le mot de passe provisoire ne peut pas être gardé)."
)

// ChangePassword sets the password an account's owner chose (checked already against
// accounts.CheckNewPassword), hashed at PocketBase's cost: every session of the account ends
// and it no longer has to change it. current is checked, except for an account held to the
// change (it has just logged in with its provisional password). The saved account comes
// back, for the new session.
func (s *Store) ChangePassword(userID, current, chosen string) (*core.Record, error) {
	var out *core.Record
	err := s.app.RunInTransaction(func(tx core.App) error {
		rec, err := tx.FindRecordById("users", userID)
		if err != nil {
			return pfmp.NotFound("Ce compte n'existe plus.")
		}
		if !rec.GetBool("must_change_password") && !rec.ValidatePassword(current) {
			return pfmp.Invalid(msgWrongCurrent, map[string]string{"actuel": msgWrongCurrent})
		}
		if rec.ValidatePassword(chosen) {
			return pfmp.Invalid(msgSamePassword, map[string]string{"mot_de_passe": msgSamePassword})
		}
		rec.SetPassword(chosen)
		rec.Set("must_change_password", false)
		out = rec
		return tx.Save(rec)
	})
	return out, err
}

// Account reads an account by id; nil when there is none.
func (s *Store) Account(id string) *core.Record {
	rec, err := s.app.FindRecordById("users", id)
	if err != nil {
		return nil
	}
	return rec
}

// ClassOf is the id of a student's class; "" when he has none.
func (s *Store) ClassOf(studentID string) string {
	var class string
	_ = s.app.DB().NewQuery(`SELECT class FROM users WHERE id = {:id}`).Bind(dbx.Params{"id": studentID}).Row(&class)
	return class
}
