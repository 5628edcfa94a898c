package dossier

import (
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/pocketbase/dbx"

	"livret/pfmp"
)

// Diploma reads the school's diploma from the référentiel tables: its acronyms and the
// default calendar of its periods (data.pfmp.periodes_par_defaut), which decide the levels'
// names and the period kinds each level offers. The first diploma seeded is the school's;
// without one, the levels keep their plain names and every kind is offered.
func (s *Store) Diploma() (pfmp.Diploma, error) {
	var head struct {
		ID      string `db:"id"`
		Updated string `db:"updated"`
	}
	err := s.read(`SELECT id, updated FROM diplomas ORDER BY created, id LIMIT 1`, dbx.Params{},
		func(q *dbx.Query) error { return q.One(&head) })
	if errors.Is(err, sql.ErrNoRows) {
		return pfmp.NewDiploma("", "", nil), nil
	}
	if err != nil {
		return pfmp.Diploma{}, err
	}
	// parsed once: its référentiel JSON is the biggest value a period page reads
	return s.diploma.get(head.ID+"@"+head.Updated, func() (pfmp.Diploma, error) { return s.readDiploma(head.ID) })
}

// readDiploma parses one diploma's row.
func (s *Store) readDiploma(id string) (pfmp.Diploma, error) {
	var row struct {
		Short  string `db:"short"`
		Family string `db:"family"`
		Data   string `db:"data"`
	}
	err := s.read(`SELECT short, family, data FROM diplomas WHERE id = {:id}`, dbx.Params{"id": id},
		func(q *dbx.Query) error { return q.One(&row) })
	if err != nil {
		return pfmp.Diploma{}, err
	}
	var data struct {
		PFMP struct {
			Periods []pfmp.RefPeriod `json:"periodes_par_defaut"`
		} `json:"pfmp"`
	}
	if row.Data != "" {
		if err := json.Unmarshal([]byte(row.Data), &data); err != nil {
			return pfmp.Diploma{}, err
		}
	}
	return pfmp.NewDiploma(row.Short, row.Family, data.PFMP.Periods), nil
}
