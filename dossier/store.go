// Package dossier is the read model of one student's dossier for one period — placement,
// period, student, weeks, reports, attachments, comments, grants — and of the school lists the
// pages show (periods, annexes, checkpoints, classes). It holds every query of the app: pages,
// prints, exports, mail and import read and write through it. It knows no HTTP.
//
// Saves write only the fields their form owns and check the form's version inside the same
// transaction as the write: two people on one dossier never silently overwrite each other.
package dossier

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// Store reads and writes dossiers in one PocketBase app.
type Store struct {
	app         core.App
	now         func() time.Time
	prepared    preparedQueries
	diploma     stamped[pfmp.Diploma]
	competences stamped[[]*Competence]
}

// New is the store of app; now is the clock (tests inject one).
func New(app core.App, now func() time.Time) *Store {
	if now == nil {
		now = time.Now
	}
	return &Store{app: app, now: now}
}

// Now is the store's clock.
func (s *Store) Now() time.Time { return s.now() }

// dbTime is t in PocketBase's stored date format, for SQL comparisons.
func dbTime(t time.Time) string {
	dt, _ := types.ParseDateTime(t)
	return dt.String()
}

// newRecord is an empty record of a collection.
func newRecord(app core.App, collection string) (*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	return core.NewRecord(col), nil
}
