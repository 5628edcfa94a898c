package dossier

import (
	"cmp"
	"encoding/json"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"

	"livret/pfmp"
)

// Diploma reads the school's diploma from the référentiel tables: its acronyms and the
// default calendar of its periods (data.pfmp.periodes_par_defaut), which decide the levels'
// names and the period kinds each level offers. The first diploma seeded is the school's;
// without one, the levels keep their plain names and every kind is offered.
func (s *Store) Diploma() (pfmp.Diploma, error) {
	// the first created: all the rows (one in a school) sorted here, as an ORDER BY costs
	// SQLite a temporary B-tree, whose pages it allocated afresh on every page view
	var rows []diplomaHead
	err := s.read(`SELECT id, created, updated FROM diplomas`, dbx.Params{},
		func(q *dbx.Query) error { return q.All(&rows) })
	if err != nil {
		return pfmp.Diploma{}, err
	}
	if len(rows) == 0 {
		return pfmp.NewDiploma("", "", nil), nil
	}
	head := slices.MinFunc(rows, func(a, b diplomaHead) int {
		return cmp.Or(strings.Compare(a.Created, b.Created), strings.Compare(a.ID, b.ID))
	})
	// parsed once: its référentiel JSON is the biggest value a period page reads
	return s.diploma.get(head.ID+"@"+head.Updated, func() (pfmp.Diploma, error) { return s.readDiploma(head.ID) })
}

// diplomaHead identifies a diploma's row and its version.
type diplomaHead struct {
	ID      string `db:"id"`
	Created string `db:"created"`
	Updated string `db:"updated"`
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
		Units []struct {
			Epreuve     string   `json:"epreuve"`
			Competences []string `json:"competences_evaluees"`
		} `json:"unites_professionnelles"`
	}
	if row.Data != "" {
		if err := json.Unmarshal([]byte(row.Data), &data); err != nil {
			return pfmp.Diploma{}, err
		}
	}
	epreuves := map[string][]string{}
	for _, u := range data.Units {
		epreuves[u.Epreuve] = u.Competences
	}
	return pfmp.NewDiploma(row.Short, row.Family, data.PFMP.Periods).WithEpreuves(epreuves), nil
}
