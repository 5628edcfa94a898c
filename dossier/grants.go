package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// Access grants: what lets a tutor into one dossier, one grant per tutor and dossier. Validity
// is pfmp.GrantValid, applied in Go to the rows read, never restated in SQL. (Masters need none:
// the link on their apprentice's record opens his dossiers.)

// GrantsOf reads a tutor's grants on one placement (any state).
func (s *Store) GrantsOf(tutorID, placementID string) ([]*Grant, error) {
	recs, err := s.app.FindAllRecords("tutor_access", dbx.HashExp{"tutor": tutorID, "placement": placementID})
	if err != nil {
		return nil, err
	}
	return proxies[Grant](recs), nil
}

// GrantsOfTutor reads every grant of a tutor (any state).
func (s *Store) GrantsOfTutor(tutorID string) ([]*Grant, error) {
	recs, err := s.app.FindAllRecords("tutor_access", dbx.HashExp{"tutor": tutorID})
	return proxies[Grant](recs), err
}

// GrantsByIDs reads the grants named (any state), in one query: those a session holds.
func (s *Store) GrantsByIDs(ids []string) ([]*Grant, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := s.app.FindRecordsByIds("tutor_access", ids)
	return proxies[Grant](recs), err
}

// GrantByTokenHash finds the grant a link's token opens (any state), nil when none.
func (s *Store) GrantByTokenHash(hash string) (*Grant, error) {
	recs, err := s.app.FindAllRecords("tutor_access", dbx.HashExp{"token_hash": hash})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return proxy[Grant](recs[0]), nil
}

// IssueGrant creates the tutor's grant on a placement, or renews the existing one: a new token
// hash, valid pfmp.GrantValidity from now, no longer revoked. A dossier has one tutor: the
// grants of other tutors on it end.
func (s *Store) IssueGrant(tutorID, placementID, tokenHash string) (*Grant, error) {
	var out *Grant
	err := s.app.RunInTransaction(func(tx core.App) error {
		recs, err := tx.FindAllRecords("tutor_access", dbx.HashExp{"placement": placementID})
		if err != nil {
			return err
		}
		now := s.now().UTC()
		var r *core.Record
		for _, other := range recs {
			switch {
			case other.GetString("tutor") == tutorID && r == nil:
				r = other
			case !other.GetBool("revoked"):
				if err := revoke(tx, other, now); err != nil {
					return err
				}
			}
		}
		if r == nil {
			if r, err = newRecord(tx, "tutor_access"); err != nil {
				return err
			}
		}
		r.Set("tutor", tutorID)
		r.Set("placement", placementID)
		r.Set("token_hash", tokenHash)
		r.Set("sent_at", now)
		r.Set("expires", now.Add(pfmp.GrantValidity))
		r.Set("revoked", false)
		r.Set("revoked_at", "")
		out = proxy[Grant](r)
		return tx.Save(r)
	})
	return out, err
}

// RenewGrantToken gives a valid grant a new token, keeping its expiry: a tutor who lost his
// link gets a new one, not a longer access. The old link, and the sessions it opened, end.
func (s *Store) RenewGrantToken(id, tokenHash string) (*Grant, error) {
	r, err := s.Update("tutor_access", id, func(r *core.Record) (Fields, error) {
		if !proxy[Grant](r).Valid(s.now()) {
			return nil, pfmp.NotFound(pfmp.MsgNoGrant)
		}
		return Fields{"token_hash": tokenHash, "sent_at": s.now().UTC()}, nil
	})
	if err != nil {
		return nil, err
	}
	return proxy[Grant](r), nil
}

// RevokeGrant ends a grant at once.
func (s *Store) RevokeGrant(id string) error {
	return s.app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindRecordById("tutor_access", id)
		if err != nil {
			return pfmp.NotFound(pfmp.MsgNoGrant)
		}
		return revoke(tx, r, s.now().UTC())
	})
}

// RevokeGrantsOf ends every grant still running on a dossier (« Invalider l'accès ») and
// tells how many there were.
func (s *Store) RevokeGrantsOf(placementID string) (int, error) {
	n := 0
	err := s.app.RunInTransaction(func(tx core.App) error {
		recs, err := tx.FindAllRecords("tutor_access", dbx.HashExp{"placement": placementID, "revoked": false})
		if err != nil {
			return err
		}
		for _, r := range recs {
			if err := revoke(tx, r, s.now().UTC()); err != nil {
				return err
			}
		}
		n = len(recs)
		return nil
	})
	return n, err
}

func revoke(tx core.App, r *core.Record, now time.Time) error {
	r.Set("revoked", true)
	r.Set("revoked_at", now)
	return tx.Save(r)
}

// RecordGrantUse notes a use of a grant (a link opened): when it was last used and how often
// on the grant, and one audit_log row per use (when, which dossier, from where).
func (s *Store) RecordGrantUse(id string, at time.Time, ip string) error {
	return s.app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindRecordById("tutor_access", id)
		if err != nil {
			return pfmp.NotFound(pfmp.MsgNoGrant)
		}
		_, err = tx.DB().NewQuery(`UPDATE tutor_access SET last_used = {:at}, uses = uses + 1 WHERE id = {:id}`).
			Bind(dbx.Params{"at": dbTime(at), "id": id}).Execute()
		if err != nil {
			return err
		}
		return Audit(tx, r.GetString("tutor"), "grant_use", "tutor_access", id,
			map[string]any{"placement": r.GetString("placement"), "at": at.UTC(), "ip": ip})
	})
}

func proxies[T any, P interface {
	*T
	SetProxyRecord(*core.Record)
}](recs []*core.Record) []*T {
	out := make([]*T, len(recs))
	for i, r := range recs {
		out[i] = proxy[T, P](r)
	}
	return out
}
