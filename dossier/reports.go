package dossier

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// Report is a maintenance intervention report of the portfolio (collection interventions).
type Report struct{ core.BaseRecordProxy }

// ReportCard is one report as the « Présenter une activité » tab lists it.
type ReportCard struct {
	ID       string         `db:"id"`
	Title    string         `db:"title"`
	Date     types.DateTime `db:"wo_date"`
	Machine  string         `db:"wo_machine"`
	Selected bool           `db:"selected"`
}

// ReportCards lists a dossier's reports, latest work order first.
func (s *Store) ReportCards(placementID string) ([]ReportCard, error) {
	var cards []ReportCard
	err := s.app.DB().NewQuery(`SELECT id, title, wo_date, wo_machine, selected FROM interventions
		WHERE placement = {:p} ORDER BY wo_date DESC, created DESC`).
		Bind(dbx.Params{"p": placementID}).All(&cards)
	return cards, err
}

// ReportCount is how many reports a dossier has and how many are selected for export.
type ReportCount struct {
	Total    int `db:"total"`
	Selected int `db:"selected"`
}

// CountReports counts a dossier's reports and those selected for export.
func (s *Store) CountReports(placementID string) (ReportCount, error) {
	var n ReportCount
	err := s.app.DB().NewQuery(`SELECT COUNT(*) AS total, COALESCE(SUM(selected), 0) AS selected
		FROM interventions WHERE placement = {:p}`).Bind(dbx.Params{"p": placementID}).One(&n)
	return n, err
}

// Report reads one report of a dossier; another dossier's is not found.
func (s *Store) Report(placementID, id string) (*Report, error) {
	rec, err := s.app.FindRecordById("interventions", id)
	if err != nil || rec.GetString("placement") != placementID {
		return nil, pfmp.NotFound(pfmp.MsgNoReport)
	}
	return proxy[Report](rec), nil
}

// CreateReport saves a new report of a dossier, at version 1.
func (s *Store) CreateReport(placementID string, f Fields) (*Report, error) {
	f["placement"], f["version"] = placementID, 1
	r, err := s.Create("interventions", f)
	if err != nil {
		return nil, err
	}
	return proxy[Report](r), nil
}

// UpdateReport writes a report's fields if version is still the stored one, and moves the
// version on; else pfmp.MsgReportStale (409) with the stored report.
func (s *Store) UpdateReport(id string, version int, f Fields) (*Report, error) {
	f["version"] = version + 1
	r, err := s.Update("interventions", id, func(stored *core.Record) (Fields, error) {
		if stored.GetInt("version") != version {
			return nil, pfmp.Conflict(pfmp.MsgReportStale)
		}
		return f, nil
	})
	if r == nil {
		return nil, err
	}
	return proxy[Report](r), err
}

// SelectReport marks a report as selected for export, or not; its texts are left alone.
func (s *Store) SelectReport(id string, selected bool) (*Report, error) {
	r, err := s.Update("interventions", id, Set(Fields{"selected": selected}))
	if err != nil {
		return nil, err
	}
	return proxy[Report](r), nil
}
