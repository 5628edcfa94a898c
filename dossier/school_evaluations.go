package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// School evaluations: levels a teacher gives at school to a competence or a sub-competence
// (collection school_evaluations); they join the bilans on the tableau de bord.

// SchoolEvaluation is what one form records, for each of its students.
type SchoolEvaluation struct {
	CompetenceID, Level, Label, Comment string
	Date                                time.Time
}

// CreateSchoolEvaluations records one evaluation per student, in one transaction.
func (s *Store) CreateSchoolEvaluations(studentIDs []string, e SchoolEvaluation, author string) error {
	return s.app.RunInTransaction(func(tx core.App) error {
		for _, id := range studentIDs {
			r, err := newRecord(tx, "school_evaluations")
			if err != nil {
				return err
			}
			r.Set("student", id)
			r.Set("competence", e.CompetenceID)
			r.Set("level", e.Level)
			r.Set("date", e.Date)
			r.Set("label", e.Label)
			r.Set("comment", e.Comment)
			r.Set("author", author)
			if err := tx.Save(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// SchoolEvaluationRow is one evaluation of the list.
type SchoolEvaluationRow struct {
	ID        string         `db:"id"`
	Date      types.DateTime `db:"date"`
	Level     string         `db:"level"`
	Label     string         `db:"label"`
	Code      string         `db:"code"`
	FirstName string         `db:"first_name"`
	LastName  string         `db:"last_name"`
	ClassName string         `db:"class_name"`
}

// SchoolEvaluations lists the latest school evaluations (at most limit), in one query.
func (s *Store) SchoolEvaluations(limit int) ([]SchoolEvaluationRow, error) {
	var rows []SchoolEvaluationRow
	err := s.app.DB().NewQuery(`SELECT e.id, e.date, e.level, e.label, COALESCE(c.code, '') AS code,
		u.first_name, u.last_name, COALESCE(k.name, '') AS class_name
		FROM school_evaluations e JOIN users u ON u.id = e.student
		LEFT JOIN competences c ON c.id = e.competence LEFT JOIN classes k ON k.id = u.class
		ORDER BY e.date DESC, e.created DESC, k.name, u.last_name LIMIT {:n}`).
		Bind(dbx.Params{"n": limit}).All(&rows)
	return rows, err
}
