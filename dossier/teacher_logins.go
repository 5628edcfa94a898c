package dossier

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/mail"
	"livret/pfmp"
)

// Teachers' logins: « Comptes des enseignants » lists them with their invitations, and prints
// the slips of those who have not chosen their password.

// TeacherLogin is a teacher's account with its latest invitation and the email that carried it.
type TeacherLogin struct {
	Login
	SchoolAdmin  bool           `db:"school_admin"`
	InvitedAt    types.DateTime `db:"invited_at"` // the latest invitation; zero when none
	Expires      types.DateTime `db:"expires"`
	MailStatus   string         `db:"mail_status"` // of its email; "" when none
	MailAttempts int            `db:"mail_attempts"`
	MailError    string         `db:"mail_error"`
}

// Facts are what the invitation state rule needs.
func (t TeacherLogin) Facts() pfmp.InvitationFacts {
	return pfmp.InvitationFacts{Disabled: t.Disabled, PasswordChosen: !t.Pending, Invited: !t.InvitedAt.IsZero(), Expires: t.Expires.Time(),
		MailSent:   t.MailStatus == mail.StatusSent,
		MailFailed: t.MailStatus == mail.StatusFailed || t.MailStatus == mail.StatusOutbox || t.MailStatus == mail.StatusPending && t.MailAttempts > 0}
}

const teacherLoginColumns = `SELECT u.id, u.first_name, u.last_name, u.username, u.email, '' AS class_name,
	u.must_change_password, u.disabled, u.school_admin,
	COALESCE(i.sent_at, '') AS invited_at, COALESCE(i.expires, '') AS expires,
	COALESCE(m.status, '') AS mail_status, COALESCE(m.attempts, 0) AS mail_attempts, COALESCE(m.error, '') AS mail_error
	FROM users u LEFT JOIN invitations i ON i.user = u.id LEFT JOIN mail_log m ON m.id = i.mail
	WHERE u.role = 'teacher' `

// TeacherLogins lists the teachers' accounts by name, in one query.
func (s *Store) TeacherLogins() ([]TeacherLogin, error) {
	var out []TeacherLogin
	err := s.app.DB().NewQuery(teacherLoginColumns + `ORDER BY u.last_name, u.first_name, u.username`).All(&out)
	return out, err
}

// TeacherLoginOf reads one teacher's account; not found for any other account.
func (s *Store) TeacherLoginOf(id string) (*TeacherLogin, error) {
	var t TeacherLogin
	if err := s.app.DB().NewQuery(teacherLoginColumns + `AND u.id = {:id}`).Bind(dbx.Params{"id": id}).One(&t); err != nil {
		return nil, pfmp.NotFound("Ce compte d'enseignant n'existe pas (ou plus).")
	}
	return &t, nil
}

// SetTeacherInitialPasswords gives teachers who have not chosen their password those their
// slips print (see SetInitialPasswords); one who chose his meanwhile refuses them all.
func (s *Store) SetTeacherInitialPasswords(actorID string, pws []InitialPassword) error {
	return s.setInitialPasswords(actorID, "teacher", pws, true)
}
