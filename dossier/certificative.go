package dossier

import (
	"slices"

	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// The certification grid of a period attached to an exam unit (E31, E33): a bilan entreprise
// (same collection, same choices, same lock) flagged certificative, rating the competences
// the référentiel attaches to the épreuve, with its evaluators instead of tasks and engagement.

// KeyEvaluators is the grid's evaluators (names, as signed on the paper grid).
const KeyEvaluators = "evaluateurs"

// maxEvaluators is the evaluators column's limit (pb_migrations maxShort).
const maxEvaluators = 255

// CertificativeScope reads what a dossier's certification grid rates: the competences of its
// period's épreuve, in the référentiel's order.
func (s *Store) CertificativeScope(d *Dossier) (*CompanyScope, error) {
	diploma, err := s.Diploma() // the school's, parsed once
	if err != nil {
		return nil, err
	}
	codes := diploma.CompetencesOf(string(d.Period.Kind()))
	all, err := s.Competences()
	if err != nil {
		return nil, err
	}
	sc := &CompanyScope{Certificative: true}
	for _, c := range all {
		if slices.Contains(codes, c.Code) {
			sc.Competences = append(sc.Competences, c)
		}
	}
	return sc, nil
}

// checkCertificative validates the keys only a grid has, or refuses the ones it has not.
func (sc *CompanyScope) checkCertificative(key, v string) (string, string, bool) {
	switch {
	case key == KeyEvaluators && !sc.Certificative:
		return "", "Les évaluateurs sont ceux d'une grille certificative.", true
	case key == KeyEvaluators:
		if err := pfmp.MaxLen(v, maxEvaluators, "Évaluateurs"); err != nil {
			return "", err.Error(), true
		}
		return v, "", true
	case sc.Certificative && key == KeyEngagement:
		return "", "L'engagement ne fait pas partie de la grille certificative.", true
	}
	return "", "", false
}

// GridRow is one student's certification grid on a period E31 or E33, for the teachers' list.
type GridRow struct {
	PeriodID   string         `db:"period_id"`
	PeriodName string         `db:"period_name"`
	Kind       string         `db:"kind"`
	Start      types.DateTime `db:"start"`
	Placement  string         `db:"placement"`
	FirstName  string         `db:"first_name"`
	LastName   string         `db:"last_name"`
	ClassName  string         `db:"class_name"`
	SavedAt    types.DateTime `db:"saved_at"`
	Date       types.DateTime `db:"meeting_date"`
	Evaluators string         `db:"evaluators"`
}

// CertificativeGrids lists every student of the periods E31 and E33 with their grid's state,
// by class, then period (latest first), then name, in one query.
func (s *Store) CertificativeGrids() ([]GridRow, error) {
	var rows []GridRow
	err := s.app.DB().NewQuery(`SELECT pe.id AS period_id, pe.name AS period_name, pe.kind, pe.start,
		pl.id AS placement, u.first_name, u.last_name, COALESCE(c.name, '') AS class_name,
		COALESCE(r.saved_at, '') AS saved_at, COALESCE(r.meeting_date, '') AS meeting_date,
		COALESCE(r.evaluators, '') AS evaluators
		FROM periods pe JOIN placements pl ON pl.period = pe.id JOIN users u ON u.id = pl.student
		LEFT JOIN classes c ON c.id = u.class LEFT JOIN company_reviews r ON r.placement = pl.id
		WHERE pe.kind IN ('E31', 'E33') ORDER BY class_name, pe.start DESC, pe.id, u.last_name, u.first_name`).All(&rows)
	return rows, err
}
