package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// Portfolio is everything an export of one dossier's portfolio shows (DOCX, ODT, the PDF):
// the dossier and its student's class, the school, the journal weeks, the reports to export,
// the attachments and the org chart.
type Portfolio struct {
	*Dossier
	Class  string // the student's class name, "" when he has none
	School string // the établissement's name: the app's name in PocketBase's settings
	// Weeks are the journal weeks written, by their Monday (see Week.Monday).
	Weeks map[time.Time]*Week
	// Reports are the reports the export shows (pfmp.ExportedReports), by work order date,
	// undated ones last.
	Reports     []ReportText
	Attachments []AttachmentRow // newest first, as the tab lists them
	// OrgChart is the company's chart; an unreadable stored chart comes back empty.
	OrgChart *pfmp.OrgChart
}

// ReportText is a report's texts, as the export writes them.
type ReportText struct {
	ID            string         `db:"id"`
	Title         string         `db:"title"`
	Conditions    string         `db:"conditions"`
	Date          types.DateTime `db:"wo_date"`
	Sector        string         `db:"wo_sector"`
	Requester     string         `db:"wo_requester"`
	Machine       string         `db:"wo_machine"`
	Nature        string         `db:"wo_nature"`
	Supplies      string         `db:"wo_supplies"`
	Documentation string         `db:"wo_documentation"`
	Defects       string         `db:"defects"`
	Causes        string         `db:"causes"`
	Repairs       string         `db:"repairs"`
	Duration      string         `db:"duration"`
	Selected      bool           `db:"selected"`
}

// Portfolio reads what an export of d shows, in four queries whatever its size (d itself
// took three: see Load).
func (s *Store) Portfolio(d *Dossier) (*Portfolio, error) {
	p := &Portfolio{Dossier: d, School: s.SchoolName()}
	var err error
	if p.Class, err = s.className(d.Student.GetString("class")); err != nil {
		return nil, err
	}
	if p.Weeks, err = s.Weeks(d.ID()); err != nil {
		return nil, err
	}
	var reports []ReportText
	err = s.app.DB().NewQuery(`SELECT id, title, conditions, wo_date, wo_sector, wo_requester, wo_machine,
		wo_nature, wo_supplies, wo_documentation, defects, causes, repairs, duration, selected
		FROM interventions WHERE placement = {:p} ORDER BY wo_date = '', wo_date, created`).
		Bind(dbx.Params{"p": d.ID()}).All(&reports)
	if err != nil {
		return nil, err
	}
	p.Reports = pfmp.ExportedReports(reports, func(r ReportText) bool { return r.Selected })
	if p.Attachments, err = s.AttachmentRows(d.ID()); err != nil {
		return nil, err
	}
	// The tab says when the stored chart is unreadable; the export shows it as not built.
	p.OrgChart, _ = pfmp.ParseOrgChart([]byte(d.Placement.GetString("org_chart")))
	return p, nil
}

func (s *Store) className(id string) (string, error) {
	if id == "" {
		return "", nil
	}
	var names []string
	err := s.app.DB().NewQuery(`SELECT name FROM classes WHERE id = {:c}`).
		Bind(dbx.Params{"c": id}).Column(&names)
	if len(names) == 0 {
		return "", err
	}
	return names[0], err
}
