package dossier

import (
	"encoding/json"
	"sort"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// The tableau de bord of a student: per competence, every evaluation in time order — bilans
// entreprise at their meeting date, school evaluations, certification grids — and the bilans
// intermédiaires. Only saved bilans count: a draft is nobody's evaluation yet.

// Source is where an evaluation was made.
type Source string

const (
	SourceCompany       Source = "entreprise"
	SourceSchool        Source = "etablissement"
	SourceCertificative Source = "certificative"
)

var sourceOrder = map[Source]int{SourceCompany: 0, SourceSchool: 1, SourceCertificative: 2}

// Evaluation is one level given to a competence (or, at school, to one of its sub-competences).
type Evaluation struct {
	Date        time.Time
	Source      Source
	Level       string
	Computed    bool   // from the sub-competences (detailed mode)
	Sub         string // the sub-competence's code, when that is what was evaluated
	Context     string // the period, or the school evaluation's label
	PlacementID string // the bilan's dossier (company and certificative)
}

// Track is one competence's evaluations in time order, and its latest level.
type Track struct {
	Competence  *Competence
	Evaluations []Evaluation
	Latest      string
}

// Mark is a bilan intermédiaire on the timeline, with the levels it retains.
type Mark struct {
	Date     time.Time
	Label    string
	Levels   map[string]string // competence code -> level retained (adjusted, else computed)
	Adjusted map[string]bool
}

// Dashboard is a student's tableau de bord; From and To span every date it shows.
type Dashboard struct {
	Tracks      []Track
	Checkpoints []Mark
	From, To    time.Time
}

// Dashboard reads a student's tableau de bord in four queries.
func (s *Store) Dashboard(studentID string) (*Dashboard, error) {
	comps, err := s.Competences()
	if err != nil {
		return nil, err
	}
	evaluations, err := s.evaluationsOf([]string{studentID}, comps)
	if err != nil {
		return nil, err
	}
	d := tracksOf(comps, evaluations[studentID])
	if d.Checkpoints, err = s.checkpointMarks(studentID); err != nil {
		return nil, err
	}
	for _, m := range d.Checkpoints {
		d.span(m.Date)
	}
	return d, nil
}

// evaluationsOf reads the evaluations of students by competence code, each student's: saved
// bilans entreprise and grids, and the school's, in two queries for them all.
func (s *Store) evaluationsOf(students []string, comps []*Competence) (map[string]map[string][]Evaluation, error) {
	out := make(map[string]map[string][]Evaluation, len(students))
	for _, id := range students {
		out[id] = map[string][]Evaluation{}
	}
	if len(students) == 0 {
		return out, nil
	}
	if err := s.companyEvaluations(students, comps, out); err != nil {
		return nil, err
	}
	return out, s.schoolEvaluations(students, out)
}

// tracksOf lays one student's evaluations out as the dashboard's tracks, in time order.
func tracksOf(comps []*Competence, byCode map[string][]Evaluation) *Dashboard {
	d := &Dashboard{}
	for _, c := range comps {
		evs := byCode[c.Code]
		sort.SliceStable(evs, func(i, j int) bool {
			if !evs[i].Date.Equal(evs[j].Date) {
				return evs[i].Date.Before(evs[j].Date)
			}
			return sourceOrder[evs[i].Source] < sourceOrder[evs[j].Source]
		})
		levels := make([]string, len(evs))
		for i, e := range evs {
			levels[i] = e.Level
			d.span(e.Date)
		}
		d.Tracks = append(d.Tracks, Track{Competence: c, Evaluations: evs, Latest: pfmp.LatestLevel(levels)})
	}
	return d
}

func (d *Dashboard) span(t time.Time) {
	if d.From.IsZero() || t.Before(d.From) {
		d.From = t
	}
	if t.After(d.To) {
		d.To = t
	}
}

// companyEvaluations adds the levels of the students' saved bilans entreprise and grids.
func (s *Store) companyEvaluations(students []string, comps []*Competence, out map[string]map[string][]Evaluation) error {
	in, params := inList(students)
	var rows []struct {
		Student       string         `db:"student"`
		Placement     string         `db:"placement"`
		Ratings       types.JSONRaw  `db:"ratings"`
		Modes         types.JSONRaw  `db:"modes"`
		Meeting       types.DateTime `db:"meeting_date"`
		Certificative bool           `db:"certificative"`
		Period        string         `db:"period_name"`
		Kind          string         `db:"kind"`
	}
	err := s.app.DB().NewQuery(`SELECT pl.student, r.placement, r.ratings, r.modes, r.meeting_date, r.certificative,
		p.name AS period_name, p.kind FROM company_reviews r
		JOIN placements pl ON pl.id = r.placement JOIN periods p ON p.id = pl.period
		WHERE pl.student IN ` + in + ` AND r.saved_at != ''`).Bind(params).All(&rows)
	if err != nil {
		return err
	}
	for _, r := range rows {
		values := map[string]string{}
		var ratings, modes map[string]string
		_ = json.Unmarshal(r.Ratings, &ratings)
		_ = json.Unmarshal(r.Modes, &modes)
		for code, l := range ratings {
			values[LevelKey(code)] = l
		}
		for code, m := range modes {
			values[ModeKey(code)] = m
		}
		source := SourceCompany
		if r.Certificative || pfmp.Kind(r.Kind).Certificative() {
			source = SourceCertificative
		}
		for _, c := range comps {
			if level, computed := competenceLevel(values, c); level != "" {
				out[r.Student][c.Code] = append(out[r.Student][c.Code], Evaluation{Date: r.Meeting.Time(), Source: source, Level: level,
					Computed: computed, Context: r.Period, PlacementID: r.Placement})
			}
		}
	}
	return nil
}

// schoolEvaluations adds the school's evaluations, a sub-competence's under its competence.
func (s *Store) schoolEvaluations(students []string, out map[string]map[string][]Evaluation) error {
	in, params := inList(students)
	var rows []struct {
		Student string         `db:"student"`
		Date    types.DateTime `db:"date"`
		Level   string         `db:"level"`
		Label   string         `db:"label"`
		Code    string         `db:"code"`
		Parent  string         `db:"parent_code"`
	}
	err := s.app.DB().NewQuery(`SELECT e.student, e.date, e.level, e.label, c.code, COALESCE(p.code, '') AS parent_code
		FROM school_evaluations e JOIN competences c ON c.id = e.competence
		LEFT JOIN competences p ON p.id = c.parent WHERE e.student IN ` + in).Bind(params).All(&rows)
	for _, r := range rows {
		if !pfmp.ValidRating(r.Level) {
			continue
		}
		e := Evaluation{Date: r.Date.Time(), Source: SourceSchool, Level: r.Level, Context: r.Label}
		code := r.Code
		if r.Parent != "" {
			code, e.Sub = r.Parent, r.Code
		}
		out[r.Student][code] = append(out[r.Student][code], e)
	}
	return err
}

func (s *Store) checkpointMarks(studentID string) ([]Mark, error) {
	var rows []struct {
		Date     types.DateTime `db:"date"`
		Label    string         `db:"label"`
		Levels   types.JSONRaw  `db:"levels"`
		Adjusted types.JSONRaw  `db:"adjusted"`
	}
	err := s.app.DB().NewQuery(`SELECT date, label, levels, adjusted FROM checkpoints WHERE student = {:s} ORDER BY date`).
		Bind(dbx.Params{"s": studentID}).All(&rows)
	out := make([]Mark, len(rows))
	for i, r := range rows {
		m := Mark{Date: r.Date.Time(), Label: r.Label, Levels: map[string]string{}, Adjusted: map[string]bool{}}
		_ = json.Unmarshal(r.Levels, &m.Levels)
		if m.Levels == nil { // JSON null: recorded before levels were kept
			m.Levels = map[string]string{}
		}
		var adj map[string]Adjustment
		_ = json.Unmarshal(r.Adjusted, &adj)
		for code, a := range adj {
			m.Levels[code], m.Adjusted[code] = a.Level, true
		}
		out[i] = m
	}
	return out, err
}
