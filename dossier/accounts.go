package dossier

import (
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Accounts as the login and the sessions need them.

// FindAccount finds an account by email or username, regardless of case (both are unique
// regardless of case); nil when none matches.
func (s *Store) FindAccount(identity string) *core.Record {
	if identity == "" {
		return nil
	}
	var rec *core.Record
	var err error
	if strings.Contains(identity, "@") {
		rec, err = s.app.FindAuthRecordByEmail("users", identity) // the index is NOCASE
	} else {
		rec = &core.Record{}
		err = s.app.RecordQuery("users").
			AndWhere(dbx.NewExp("[[username]] = {:u} COLLATE NOCASE", dbx.Params{"u": identity})).
			Limit(1).One(rec)
	}
	if err != nil || rec.GetString("role") == "" {
		return nil
	}
	return rec
}

// AccountOfSession is the account a session token opens: nil when the token is not valid,
// not a users' token, or the account is disabled.
func (s *Store) AccountOfSession(tok string) *core.Record {
	rec, err := s.app.FindAuthRecordByToken(tok, core.TokenTypeAuth)
	if err != nil || rec.Collection().Name != "users" || rec.GetBool("disabled") {
		return nil
	}
	return rec
}

// EndSessions renews the account's token key: every session of it ends, on every device.
func (s *Store) EndSessions(userID string) error {
	rec, err := s.app.FindRecordById("users", userID)
	if err != nil {
		return nil // deleted in between: nothing left to end
	}
	rec.RefreshTokenKey()
	return s.app.SaveNoValidate(rec)
}
