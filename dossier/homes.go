package dossier

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// PlacementRow is one dossier on a home page (the student's, the tutor's).
type PlacementRow struct {
	ID         string         `db:"id"`
	PeriodName string         `db:"period_name"`
	Kind       string         `db:"kind"`
	Start      types.DateTime `db:"start"`
	End        types.DateTime `db:"end"`
	Student    string         `db:"student_name"`
	Company    string         `db:"company_name"`
	Unread     int            `db:"unread"`
	Expires    types.DateTime `db:"expires"`
	Revoked    bool           `db:"revoked"`
}

const placementSelect = `
	SELECT pl.id, pe.name AS period_name, pe.kind, pe.start, pe.end,
		u.first_name || ' ' || UPPER(u.last_name) AS student_name, pl.company_name,
		(SELECT COUNT(*) FROM comments c WHERE c.placement = pl.id AND c.read_at = '') AS unread`

// PlacementsOfStudent lists a student's dossiers, the latest period first.
func (s *Store) PlacementsOfStudent(studentID string) ([]PlacementRow, error) {
	var rows []PlacementRow
	err := s.app.DB().NewQuery(placementSelect + `, '' AS expires, FALSE AS revoked
		FROM placements pl JOIN periods pe ON pe.id = pl.period JOIN users u ON u.id = pl.student
		WHERE pl.student = {:me} ORDER BY pe.start DESC`).
		Bind(dbx.Params{"me": studentID}).All(&rows)
	return rows, err
}

// PlacementsOfTutor lists the dossiers a tutor's or master's grants open now.
func (s *Store) PlacementsOfTutor(tutorID string) ([]PlacementRow, error) {
	var rows []PlacementRow
	err := s.app.DB().NewQuery(placementSelect + `, ta.expires, ta.revoked
		FROM tutor_access ta JOIN placements pl ON pl.id = ta.placement
		JOIN periods pe ON pe.id = pl.period JOIN users u ON u.id = pl.student
		WHERE ta.tutor = {:me} ORDER BY pe.start DESC`).
		Bind(dbx.Params{"me": tutorID}).All(&rows)
	now := s.now()
	valid := rows[:0]
	for _, r := range rows {
		if pfmp.GrantValid(r.Expires.Time(), r.Revoked, now) {
			valid = append(valid, r)
		}
	}
	return valid, err
}
