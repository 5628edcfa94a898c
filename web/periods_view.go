package web

import (
	"html"
	"html/template"
	"net/url"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// The "Vue par périodes" as its template shows it: every label, date and flag computed once
// here in Go, none re-evaluated per row by the template.

// periodsView is the whole page: level tabs, school years, the periods, the chosen one's panel.
type periodsView struct {
	Levels     []tabLink
	Years      []tabLink
	Year       string
	PeriodList template.HTML // the periods' lines (periodLines); empty without a period
	Panel      *periodPanel
}

// tabLink is a tab or a link of a choice (a level, a school year).
type tabLink struct {
	Href, Label string
	Current     bool
}

// periodLine is one period of the left-hand list.
type periodLine struct {
	ID, Name, Href, Info string
	Current              bool
}

// periodPanel is the right-hand panel: the period, its menu and its students (only the
// teacher's own, the dossiers he is referent of, when Mine).
type periodPanel struct {
	ID, Name, Info, LockMessage             string
	Locked, HasCompanyReview, Certificative bool
	Mine                                    bool
	AllHref, MineHref, Tutors               string
	Rows                                    template.HTML // the students' rows (studentRows); empty without one
}

// studentLine is one student of the panel. His menu is fetched when first opened (its dozen
// links, the same for every row but the dossier's id, would be two thirds of the page).
type studentLine struct {
	Name, Class string
	Apprentice  bool
	Link        linkStatus // the tutor's access, marked beside the name
	Dossier     template.HTMLAttr
	MenuURL     string
	Folder      template.HTML
}

// dossierMenuView is the data of "periods/dossier-menu": one student's menu.
type dossierMenuView struct {
	Base, Remove, PaperGrid              string
	CompanySlug, GridSlug, AttitudesSlug string
	Review, Grid, Locked                 bool
}

// hrefAttr is an escaped href attribute for a path of this site.
func hrefAttr(path string) template.HTMLAttr {
	return template.HTMLAttr(`href="` + html.EscapeString(path) + `"`)
}

func periodHref(p *dossier.PeriodRow) string { return periodURL(p.ID, p.Level, p.Start.Time()) }

// periodURL is a period's place in the "Vue par périodes": its level, its school year, itself.
func periodURL(id, level string, start time.Time) string {
	return "/periodes?niveau=" + level + "&annee=" + strconv.Itoa(int(pfmp.SchoolYearOf(start))) + "&periode=" + id
}

// periodsPage reads and shapes the page for a level and a school year.
func (s *Server) periodsPage(level pfmp.Level, year pfmp.SchoolYear, chosen, mine string) (*periodsView, error) {
	periods, err := s.store.PeriodsOfLevel(level, year)
	if err != nil {
		return nil, err
	}
	years, err := s.store.SchoolYearsOfLevel(level)
	if err != nil {
		return nil, err
	}
	diploma, err := s.store.Diploma()
	if err != nil {
		return nil, err
	}
	v := &periodsView{Year: year.Label()}
	for _, l := range pfmp.Levels() {
		v.Levels = append(v.Levels, tabLink{Href: "/periodes?niveau=" + string(l), Label: diploma.LevelName(l), Current: l == level})
	}
	for _, y := range years {
		v.Years = append(v.Years, tabLink{Href: "/periodes?niveau=" + string(level) + "&annee=" + strconv.Itoa(int(y)),
			Label: y.Label(), Current: y == year})
	}
	lines := make([]periodLine, 0, len(periods))
	for i := range periods {
		p := &periods[i]
		lines = append(lines, periodLine{ID: p.ID, Name: p.Name, Href: periodURL(p.ID, p.Level, p.Start.Time()), Current: p.ID == chosen,
			Info: pfmp.Kind(p.Kind).Label() + " · du " + pfmp.FormatShort(p.Start.Time()) + " au " +
				pfmp.FormatShort(p.End.Time()) + " · " + strconv.Itoa(p.Students) + " apprenant(s)"})
		if p.ID == chosen { // the panel's period, with its lock
			row, err := s.store.PeriodRowByID(p.ID)
			if err == nil {
				v.Panel, err = s.periodPanel(row, mine)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	v.PeriodList = periodLines(lines)
	return v, nil
}

// periodPanel reads and shapes one period's panel; mine, a teacher's id, keeps only the
// dossiers he is referent of.
func (s *Server) periodPanel(p *dossier.PeriodRow, mine string) (*periodPanel, error) {
	students, err := s.store.StudentsOfPeriod(p.ID)
	if err != nil {
		return nil, err
	}
	if mine != "" {
		if students, err = s.onlyReferentOf(p.ID, mine, students); err != nil {
			return nil, err
		}
	}
	marks, err := s.linkMarks(p.ID, students)
	if err != nil {
		return nil, err
	}
	kind := pfmp.Kind(p.Kind)
	href := periodHref(p)
	panel := &periodPanel{ID: p.ID, Name: p.Name, Locked: p.Locked(), HasCompanyReview: kind.HasCompanyReview(),
		Certificative: kind.Certificative(),
		Mine:          mine != "", AllHref: href, MineHref: href + "&" + mineParam + "=1",
		Tutors: "/periodes/" + url.PathEscape(p.ID) + "/tuteurs",
		Info: kind.Label() + " · du " + pfmp.FormatLong(p.Start.Time()) + " au " + pfmp.FormatLong(p.End.Time()) +
			" · bilans entreprise le " + pfmp.FormatLong(p.ReviewDate()) + reviewNote(p.ReviewSet())}
	if panel.Locked {
		panel.LockMessage = p.LockMessage()
	}
	edited, untouched, err := s.folderIcons()
	if err != nil {
		return nil, err
	}
	lines := make([]studentLine, len(students))
	for i, st := range students {
		id := url.PathEscape(st.PlacementID)
		line := studentLine{Name: st.FirstName + " " + pfmp.FamilyName(st.LastName),
			Class: st.ClassName, Apprentice: st.Status == "apprenti", Link: marks[st.PlacementID],
			Dossier: hrefAttr("/dossiers/" + id), Folder: untouched,
			MenuURL: "/periodes/" + url.PathEscape(p.ID) + "/apprenants/" + id + "/menu"}
		if st.Edited() {
			line.Folder = edited
		}
		lines[i] = line
	}
	panel.Rows = studentRows(lines)
	return panel, nil
}

// folderIcons renders the two states of the portfolio's icon once per period.
func (s *Server) folderIcons() (edited, untouched template.HTML, err error) {
	if edited, err = s.renderHTML("partials/folder", true); err == nil {
		untouched, err = s.renderHTML("partials/folder", false)
	}
	return edited, untouched, err
}

// dossierMenu is one student's menu in the period view, fetched when first opened; outside
// htmx, his whole dossier, which holds the same links.
func (s *Server) dossierMenu(c *fiber.Ctx) error {
	d, row, err := s.periodPlacement(c)
	if err != nil {
		return err
	}
	if !isFragment(c) {
		return c.Redirect("/dossiers/"+url.PathEscape(d.ID()), fiber.StatusSeeOther)
	}
	kind := pfmp.Kind(row.Kind)
	base := "/dossiers/" + url.PathEscape(d.ID())
	paperGrid := "/" + companySlug + "/grille.pdf"
	if kind.Certificative() {
		paperGrid = "/" + gridSlug + "/grille.pdf"
	}
	menu, err := s.renderHTML("periods/dossier-menu", dossierMenuView{Base: base, PaperGrid: paperGrid,
		Remove:      "/periodes/" + url.PathEscape(row.ID) + "/apprenants/" + url.PathEscape(d.ID()) + "/retirer",
		CompanySlug: companySlug, GridSlug: gridSlug, AttitudesSlug: attitudesSlug,
		Review: kind.HasCompanyReview(), Grid: kind.Certificative(), Locked: row.Locked()})
	if err != nil {
		return err
	}
	c.Vary("HX-Request")
	return c.Type("html", "utf-8").SendString(string(menu))
}

// reviewNote says whether the bilans' date follows the period's last day or was chosen.
func reviewNote(set bool) string {
	if set {
		return " (date choisie)"
	}
	return " (dernier jour)"
}

// mineParam is the query parameter of « Mes élèves ».
const mineParam = "mes"

// onlyReferentOf keeps the students whose dossier names the teacher among its referents.
func (s *Server) onlyReferentOf(periodID, teacherID string, students []dossier.StudentRow) ([]dossier.StudentRow, error) {
	referents, err := s.store.ReferentsOfPeriod(periodID)
	var out []dossier.StudentRow
	for _, st := range students {
		if dossier.IsReferent(referents[st.PlacementID], teacherID) {
			out = append(out, st)
		}
	}
	return out, err
}

// linkMarks states the tutor access of the students sous statut scolaire (apprentices have a
// master, not a link), in one query.
func (s *Server) linkMarks(periodID string, students []dossier.StudentRow) (map[string]linkStatus, error) {
	grants, err := s.store.LatestGrantsOfPeriod(periodID)
	if err != nil {
		return nil, err
	}
	out := make(map[string]linkStatus, len(students))
	for _, st := range students {
		if st.Status != "apprenti" {
			out[st.PlacementID] = linkStatus{State: pfmp.LinkStateOf(grants[st.PlacementID].Facts(), s.cfg.Now())}
		}
	}
	return out, nil
}
