package dossier

import (
	"github.com/pocketbase/pocketbase/core"
)

// Writes shared by every form: each writes only the fields it is given, on the record as it is
// stored at the time of the write (read again inside the transaction), so a form never carries
// back another form's fields as it loaded them.

// Fields are a form's columns and their new values.
type Fields map[string]any

// Find reads one record of a collection.
func (s *Store) Find(collection, id string) (*core.Record, error) {
	return s.app.FindRecordById(collection, id)
}

// Create saves a new record of a collection with the given fields.
func (s *Store) Create(collection string, f Fields) (*core.Record, error) {
	r, err := newRecord(s.app, collection)
	if err != nil {
		return nil, err
	}
	for k, v := range f {
		r.Set(k, v)
	}
	return r, s.app.Save(r)
}

// Update writes to the stored record, in one transaction, the fields change returns after
// seeing it as stored; change may refuse (a stale form) and then nothing is written. The
// stored record comes back in both cases.
func (s *Store) Update(collection, id string, change func(stored *core.Record) (Fields, error)) (*core.Record, error) {
	var out *core.Record
	err := s.app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindRecordById(collection, id)
		if err != nil {
			return err
		}
		out = r
		f, err := change(r)
		if err != nil {
			return err
		}
		for k, v := range f {
			r.Set(k, v)
		}
		return tx.Save(r)
	})
	return out, err
}

// Set writes f to the stored record (see Update).
func Set(f Fields) func(*core.Record) (Fields, error) {
	return func(*core.Record) (Fields, error) { return f, nil }
}

// Delete removes one record (model hooks apply: dated locks, cascades).
func (s *Store) Delete(collection, id string) error {
	r, err := s.app.FindRecordById(collection, id)
	if err != nil {
		return err
	}
	return s.app.Delete(r)
}
