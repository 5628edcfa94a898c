package dossier

import (
	"crypto/rand"
	"encoding/base64"
	"errors"
	"sync"

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

// newTutor is an unsaved tutor account whose password nobody knows.
func newTutor(tx core.App, email string) (*core.Record, error) {
	rec, err := newRecord(tx, "users")
	if err != nil {
		return nil, err
	}
	hash, err := unknownPasswordHash(rec)
	if err != nil {
		return nil, err
	}
	rec.Set("role", string(pfmp.RoleTutor))
	rec.SetEmail(email)
	rec.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: hash})
	return rec, nil
}

// unknownPassword is the bcrypt hash of a random secret drawn once per process and never
// kept: every tutor account gets it, so none can log in with a password, a login attempt on
// one costs the same bcrypt as on any account (no timing tells a tutor's address), and
// sending a link to a new address costs no bcrypt of its own.
var unknownPassword struct {
	once sync.Once
	hash string
	err  error
}

func unknownPasswordHash(blank *core.Record) (string, error) {
	unknownPassword.once.Do(func() {
		secret := make([]byte, 32)
		if _, unknownPassword.err = rand.Read(secret); unknownPassword.err != nil {
			return
		}
		probe := core.NewRecord(blank.Collection())
		probe.SetPassword(base64.RawURLEncoding.EncodeToString(secret))
		if v, ok := probe.GetRaw(core.FieldNamePassword).(*core.PasswordFieldValue); ok && v.LastError == nil {
			unknownPassword.hash = v.Hash
		} else {
			unknownPassword.err = errors.New("dossier: tutor password hash")
		}
	})
	return unknownPassword.hash, unknownPassword.err
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
