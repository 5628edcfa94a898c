package web

// The tableau de bord: per competence, every evaluation of a student in time order, the latest
// level, a small chart, and the bilans intermédiaires. The student reads his own (/tableau-de-bord);
// teachers, and tutors or masters through a granted dossier, read it from a dossier.

import (
	"html"
	"html/template"
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const dashboardTitle = "Tableau de bord"

// timelineItem is one line of a competence's timeline: an evaluation, or a bilan intermédiaire.
type timelineItem struct {
	Date, Source, Context, Sub, Href string
	Level                            levelView
	Checkpoint, Adjusted             bool
}

// dashboardView is a student's tableau de bord: the competences rated, then the others.
type dashboardView struct {
	Page
	Name, Back string
	Tracks     []trackView
	Unrated    []trackView
}

type trackView struct {
	Code, Label string
	Latest      levelView
	Items       []timelineItem
	Chart       chartView
	Count       int
}

// myDashboard is the student's own tableau de bord.
func (s *Server) myDashboard(c *fiber.Ctx) error {
	a := actorOf(c)
	return s.dashboard(c, a.ID, a.Name(), "")
}

// dossierDashboard is the tableau de bord of a dossier's student.
func (s *Server) dossierDashboard(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.ViewDashboard)
	if err != nil {
		return err
	}
	return s.dashboard(c, d.Student.Id, d.Student.FullName(), "/dossiers/"+d.ID())
}

func (s *Server) dashboard(c *fiber.Ctx, studentID, name, back string) error {
	data, err := s.dashboardData(studentID, name, back)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "dashboard/index", dashboardTitle, data)
}

// dashboardData is what the tableau de bord's template shows (its page, and the document of a
// student's archive: see dashboard_document.go).
func (s *Server) dashboardData(studentID, name, back string) (*dashboardView, error) {
	db, err := s.store.Dashboard(studentID)
	if err != nil {
		return nil, err
	}
	var rated, unrated []trackView
	for _, t := range db.Tracks {
		v := trackViewOf(t, db)
		if v.Count == 0 {
			unrated = append(unrated, v)
		} else {
			rated = append(rated, v)
		}
	}
	return &dashboardView{Name: name, Back: back, Tracks: rated, Unrated: unrated}, nil
}

func trackViewOf(t dossier.Track, db *dossier.Dashboard) trackView {
	v := trackView{Code: t.Competence.Code, Label: t.Competence.Label, Latest: levelOf(t.Latest, false),
		Count: len(t.Evaluations), Chart: chartOf(t, db.From, db.To, db.Checkpoints)}
	marks := db.Checkpoints
	for _, e := range t.Evaluations {
		for len(marks) > 0 && !pfmp.CountsIn(e.Date, marks[0].Date) { // the bilan first: e is not in it
			v.Items = append(v.Items, checkpointItem(marks[0], t.Competence.Code))
			marks = marks[1:]
		}
		item := timelineItem{Date: pfmp.FormatShort(e.Date), Source: sourceLabels[e.Source], Context: e.Context,
			Sub: e.Sub, Level: levelOf(e.Level, e.Computed)}
		switch {
		case e.PlacementID == "":
		case e.Source == dossier.SourceCompany:
			item.Href = "/dossiers/" + e.PlacementID + "/" + companySlug
		case e.Source == dossier.SourceCertificative:
			item.Href = "/dossiers/" + e.PlacementID + "/" + gridSlug
		}
		v.Items = append(v.Items, item)
	}
	for _, m := range marks {
		v.Items = append(v.Items, checkpointItem(m, t.Competence.Code))
	}
	return v
}

// checkpointItem is a bilan intermédiaire in a competence's timeline, with the level it retains.
func checkpointItem(m dossier.Mark, code string) timelineItem {
	return timelineItem{Date: pfmp.FormatShort(m.Date), Checkpoint: true, Context: m.Label,
		Level: levelOf(m.Levels[code], false), Adjusted: m.Adjusted[code]}
}

// HTML writes the item's line. Built here for the same reason as the charts (SVG): a student's
// three years make hundreds of lines, and the template's reflection per field dominated.
func (it timelineItem) HTML() template.HTML {
	var b strings.Builder
	esc := html.EscapeString
	if it.Checkpoint {
		b.WriteString(`<li class="timeline-mark"><span class="timeline-date">` + esc(it.Date) +
			`</span> Bilan intermédiaire de compétences`)
		if it.Context != "" {
			b.WriteString(" · " + esc(it.Context))
		}
		if it.Level.Code != "" {
			b.WriteString(` · niveau retenu <span class="level-chip lv-` + esc(it.Level.Code) + `">` + esc(it.Level.Code) + `</span>`)
			if it.Adjusted {
				b.WriteString(` <span class="small muted">(ajusté)</span>`)
			}
		}
		b.WriteString("</li>")
		return template.HTML(b.String())
	}
	b.WriteString(`<li class="timeline-eval"><span class="timeline-date">` + esc(it.Date) + `</span> <span class="level-chip lv-` +
		esc(it.Level.Code) + `">` + esc(it.Level.Code) + `</span> <span>`)
	if it.Href != "" {
		b.WriteString(`<a href="` + esc(it.Href) + `">` + esc(it.Source) + `</a>`)
	} else {
		b.WriteString(esc(it.Source))
	}
	for _, s := range []string{it.Context, it.Sub} {
		if s != "" {
			b.WriteString(" · " + esc(s))
		}
	}
	if it.Level.Computed {
		b.WriteString(` <span class="small muted">(calculé)</span>`)
	}
	b.WriteString("</span></li>")
	return template.HTML(b.String()) // every text above is escaped
}
