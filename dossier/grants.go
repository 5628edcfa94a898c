package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// Access grants: what lets a tutor or a master into one dossier. Validity is pfmp.GrantValid,
// applied in Go to the rows read, never restated in SQL.

// GrantsOf reads a tutor's grants on one placement (any state).
func (s *Store) GrantsOf(tutorID, placementID string) ([]*Grant, error) {
	recs, err := s.app.FindAllRecords("tutor_access", dbx.HashExp{"tutor": tutorID, "placement": placementID})
	if err != nil {
		return nil, err
	}
	return proxies[Grant](recs), nil
}

// HasValidGrant reports whether the tutor holds a grant on the placement that is valid now.
func (s *Store) HasValidGrant(tutorID, placementID string) (bool, error) {
	grants, err := s.GrantsOf(tutorID, placementID)
	if err != nil {
		return false, err
	}
	now := s.now()
	for _, g := range grants {
		if g.Valid(now) {
			return true, nil
		}
	}
	return false, nil
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
// hash, valid pfmp.GrantValidity from now, no longer revoked.
func (s *Store) IssueGrant(tutorID, placementID, tokenHash string) (*Grant, error) {
	var out *Grant
	err := s.app.RunInTransaction(func(tx core.App) error {
		recs, err := tx.FindAllRecords("tutor_access", dbx.HashExp{"tutor": tutorID, "placement": placementID})
		if err != nil {
			return err
		}
		var r *core.Record
		if len(recs) > 0 {
			r = recs[0]
		} else if r, err = newRecord(tx, "tutor_access"); err != nil {
			return err
		}
		now := s.now().UTC()
		r.Set("tutor", tutorID)
		r.Set("placement", placementID)
		r.Set("token_hash", tokenHash)
		r.Set("sent_at", now)
		r.Set("expires", now.Add(pfmp.GrantValidity))
		r.Set("revoked", false)
		out = proxy[Grant](r)
		return tx.Save(r)
	})
	return out, err
}

// RevokeGrant ends a grant at once.
func (s *Store) RevokeGrant(id string) error {
	return s.app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindRecordById("tutor_access", id)
		if err != nil {
			return pfmp.NotFound(pfmp.MsgNoGrant)
		}
		r.Set("revoked", true)
		return tx.Save(r)
	})
}

// RecordGrantUse notes when a grant was last used and how often.
func (s *Store) RecordGrantUse(id string, at time.Time) error {
	_, err := s.app.DB().NewQuery(`UPDATE tutor_access SET last_used = {:at}, uses = uses + 1 WHERE id = {:id}`).
		Bind(dbx.Params{"at": dbTime(at), "id": id}).Execute()
	return err
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
