package dossier

import (
	"crypto/sha256"
	"encoding/hex"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// Fingerprint is a form's version of the fields it owns: a hash of their stored values. The
// form carries it; a save whose fingerprint is no longer the stored one is refused.
func Fingerprint(rec *core.Record, fields []string) string {
	values := make(map[string]string, len(fields))
	for _, f := range fields {
		values[f] = rec.GetString(f)
	}
	return FingerprintOf(values, fields)
}

// FingerprintOf is Fingerprint of values already read.
func FingerprintOf(values map[string]string, fields []string) string {
	h := sha256.New()
	for _, f := range fields {
		h.Write([]byte(values[f]))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// PlacementEdit is one form's write to a dossier: Owned are the fields the form shows (its
// version is their fingerprint, Seen; empty skips the check), Values what it writes.
type PlacementEdit struct {
	Owned  []string
	Seen   string
	Values Fields
}

// UpdatePlacement writes one form's fields to a dossier after checking, in the same
// transaction, that they are still as the form showed them (else pfmp.MsgFormStale, 409).
func (s *Store) UpdatePlacement(id string, e PlacementEdit) (*Placement, error) {
	return s.ChangePlacement(id, func(stored *Placement) (Fields, error) {
		if e.Seen != "" && e.Seen != Fingerprint(stored.Record, e.Owned) {
			return nil, pfmp.Conflict(pfmp.MsgFormStale)
		}
		return e.Values, nil
	})
}

// ChangePlacement writes to a dossier the fields change computes from it as stored, in one
// transaction (a form that edits a value in place, such as the org chart).
func (s *Store) ChangePlacement(id string, change func(stored *Placement) (Fields, error)) (*Placement, error) {
	r, err := s.Update("placements", id, func(r *core.Record) (Fields, error) { return change(proxy[Placement](r)) })
	if err != nil {
		return nil, err
	}
	return proxy[Placement](r), nil
}
