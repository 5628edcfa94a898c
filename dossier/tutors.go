package dossier

import (
	"crypto/rand"
	"encoding/base64"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// Tutors' accounts: one per email address, made when a teacher first sends a link to it. A
// tutor has no password anyone knows: his links are his way in.

// Tutor is who the tutor window names for a dossier.
type Tutor struct {
	FirstName, LastName, Email string
}

// TutorAccount finds the tutor account of an email address (regardless of case) or creates it,
// with the names typed; an existing tutor takes the names typed last. An address that belongs
// to another kind of account is refused on the email field.
func (s *Store) TutorAccount(t Tutor) (*User, error) {
	var out *User
	err := s.app.RunInTransaction(func(tx core.App) error {
		rec, err := tx.FindAuthRecordByEmail("users", t.Email)
		if err != nil {
			if rec, err = newTutor(tx, t.Email); err != nil {
				return err
			}
		} else if rec.GetString("role") != string(pfmp.RoleTutor) {
			return pfmp.Invalid("Le formulaire contient des erreurs.", map[string]string{
				"tutor_email": "Cette adresse est celle d'un compte « " + pfmp.Role(rec.GetString("role")).Label() +
					" » de l'établissement : indiquez l'adresse du tuteur en entreprise."})
		}
		out = proxy[User](rec)
		if !rec.IsNew() && rec.GetString("first_name") == t.FirstName && rec.GetString("last_name") == t.LastName {
			return nil
		}
		rec.Set("first_name", t.FirstName)
		rec.Set("last_name", t.LastName)
		return tx.Save(rec)
	})
	return out, err
}

// newTutor is an unsaved tutor account with a random password nobody is told.
func newTutor(tx core.App, email string) (*core.Record, error) {
	rec, err := newRecord(tx, "users")
	if err != nil {
		return nil, err
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return nil, err
	}
	rec.Set("role", string(pfmp.RoleTutor))
	rec.SetEmail(email)
	rec.SetPassword(base64.RawURLEncoding.EncodeToString(secret))
	return rec, nil
}

// TutorByEmail finds a tutor's account by email, regardless of case; nil when the address is
// not a tutor's.
func (s *Store) TutorByEmail(email string) *User {
	rec, err := s.app.FindAuthRecordByEmail("users", email)
	if err != nil || rec.GetString("role") != string(pfmp.RoleTutor) {
		return nil
	}
	return proxy[User](rec)
}

// TutorOf is the account a grant opens dossiers to, nil when it is gone or not a tutor's.
func (s *Store) TutorOf(g *Grant) *core.Record {
	rec, err := s.app.FindRecordById("users", g.TutorID())
	if err != nil || rec.GetString("role") != string(pfmp.RoleTutor) {
		return nil
	}
	return rec
}
