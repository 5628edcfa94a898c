package dossier

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"
)

// PlacementRow is one dossier on a home page (the student's, the tutor's, the master's).
type PlacementRow struct {
	ID         string         `db:"id"`
	PeriodName string         `db:"period_name"`
	Kind       string         `db:"kind"`
	Start      types.DateTime `db:"start"`
	End        types.DateTime `db:"end"`
	Student    string         `db:"student_name"`
	Company    string         `db:"company_name"`
	Unread     int            `db:"unread"`
	Referents  []Person       `db:"-"` // on the company's homes: whom to ask
}

const placementSelect = `
	SELECT pl.id, pe.name AS period_name, pe.kind, pe.start, pe.end,
		u.first_name || ' ' || UPPER(u.last_name) AS student_name, pl.company_name,
		(SELECT COUNT(*) FROM comments c WHERE c.placement = pl.id AND c.read_at = '') AS unread
	FROM placements pl JOIN periods pe ON pe.id = pl.period JOIN users u ON u.id = pl.student `

// PlacementsOfStudent lists a student's dossiers, the latest period first.
func (s *Store) PlacementsOfStudent(studentID string) ([]PlacementRow, error) {
	var rows []PlacementRow
	err := s.app.DB().NewQuery(placementSelect + `WHERE pl.student = {:me} ORDER BY pe.start DESC`).
		Bind(dbx.Params{"me": studentID}).All(&rows)
	return rows, err
}

// PlacementsByIDs lists the dossiers named (those a tutor's session holds valid links to),
// the latest period first, with their referent teachers.
func (s *Store) PlacementsByIDs(ids []string) ([]PlacementRow, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	in, params := inList(ids)
	return s.companyRows(`WHERE pl.id IN `+in, params)
}

// PlacementsOfMaster lists every dossier of the apprentices linked to a master, the latest
// period first, with their referent teachers.
func (s *Store) PlacementsOfMaster(masterID string) ([]PlacementRow, error) {
	return s.companyRows(`WHERE u.master = {:me}`, dbx.Params{"me": masterID})
}

func (s *Store) companyRows(where string, params dbx.Params) ([]PlacementRow, error) {
	var rows []PlacementRow
	if err := s.app.DB().NewQuery(placementSelect + where + ` ORDER BY pe.start DESC, student_name`).
		Bind(params).All(&rows); err != nil {
		return nil, err
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	referents, err := s.ReferentsOf(ids...)
	for i := range rows {
		rows[i].Referents = referents[rows[i].ID]
	}
	return rows, err
}
