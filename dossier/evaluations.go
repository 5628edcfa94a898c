package dossier

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// EvaluationRow is one of a student's dossiers with the state of its evaluations, for
// « Mes évaluations ».
type EvaluationRow struct {
	PlacementID  string         `db:"id"`
	PeriodName   string         `db:"period_name"`
	Kind         string         `db:"kind"`
	Start        types.DateTime `db:"start"`
	End          types.DateTime `db:"end"`
	Company      string         `db:"company_name"`
	CompanySaved types.DateTime `db:"company_saved"`
	Meeting      types.DateTime `db:"meeting_date"`
	Attitudes    types.DateTime `db:"attitudes_saved"`
	Self         types.DateTime `db:"self_saved"`
}

// PeriodKind is the row's period kind.
func (r EvaluationRow) PeriodKind() pfmp.Kind { return pfmp.Kind(r.Kind) }

// EvaluationsOfStudent lists a student's dossiers, the latest period first, with when each of
// their evaluations was saved (zero: not yet), in one query.
func (s *Store) EvaluationsOfStudent(studentID string) ([]EvaluationRow, error) {
	var rows []EvaluationRow
	err := s.app.DB().NewQuery(`SELECT pl.id, pe.name AS period_name, pe.kind, pe.start, pe.end, pl.company_name,
		COALESCE(cr.saved_at, '') AS company_saved, COALESCE(cr.meeting_date, '') AS meeting_date,
		COALESCE(ar.updated, '') AS attitudes_saved, COALESCE(sr.updated, '') AS self_saved
		FROM placements pl JOIN periods pe ON pe.id = pl.period
		LEFT JOIN company_reviews cr ON cr.placement = pl.id
		LEFT JOIN attitude_reviews ar ON ar.placement = pl.id
		LEFT JOIN self_reviews sr ON sr.placement = pl.id
		WHERE pl.student = {:s} ORDER BY pe.start DESC`).Bind(dbx.Params{"s": studentID}).All(&rows)
	return rows, err
}
