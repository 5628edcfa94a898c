package web

// « Clôturer l'année scolaire »: the preview lists each class with its move and each student
// with his fate; the administrator marks who leaves early (départ) or repeats his level
// (redoublement) and updates the preview; a confirmed closing builds the leavers' archives and
// applies it in the background (year_close_jobs.go), its page polling the progress.

import (
	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	yearCloseURL   = "/annee/cloture"
	yearCloseTitle = "Clôturer l'année scolaire"
	msgConfirm     = "Cochez la case de confirmation pour clôturer l'année."
	msgCloseFails  = "La clôture a échoué et rien n'a été modifié : aucune classe, aucun élève. Réessayez ; si l'échec se répète, prévenez l'administrateur du serveur."
)

func closeJobURL(id string) string { return yearCloseURL + "/" + id }

// closeView is the preview page.
type closeView struct {
	Year     string
	YearNote string       // why the closing closes that year (pfmp.ClosingYearNote)
	Closed   *closingView // the year's closing, when done already
	Refused  string       // why the year can no longer be closed (the next year's import), "" when it can
	Classes  []closeClassView
	MovedUp  int
	Repeats  int
	Leavers  int // the archives to build
	Action   string
	Confirm  bool // the confirmation box, as sent
	Students int
}

type closeClassView struct {
	Name, Level, NewName, NewLevel string
	Final                          bool // its students leave unless they repeat
	Students                       []closeStudentView
}

type closeStudentView struct {
	ID, Name, Fate, FateClass string
	Leaving, Repeating        bool // the administrator's marks
}

// marksOf reads the marks of the preview's form (checkboxes depart and redouble, by id).
func marksOf(c *fiber.Ctx) dossier.Marks {
	m := dossier.Marks{Leaving: map[string]bool{}, Repeating: map[string]bool{}}
	for _, id := range formList(c, "depart") {
		m.Leaving[id] = true
	}
	for _, id := range formList(c, "redouble") {
		m.Repeating[id] = true
	}
	if c.Method() == fiber.MethodGet {
		for _, id := range queryList(c, "depart") {
			m.Leaving[id] = true
		}
		for _, id := range queryList(c, "redouble") {
			m.Repeating[id] = true
		}
	}
	return m
}

// queryList reads every value of a repeated query parameter.
func queryList(c *fiber.Ctx, name string) []string {
	var out []string
	for _, v := range c.Context().QueryArgs().PeekMulti(name) {
		out = append(out, string(v))
	}
	return out
}

// yearClosePage shows the preview, under the marks of the query (« Mettre à jour l'aperçu »).
func (s *Server) yearClosePage(c *fiber.Ctx) error {
	v, err := s.closeView(marksOf(c))
	if err != nil {
		if pfmp.KindOf(err) == pfmp.ErrInvalid {
			return s.invalid(c, "year/close", yearCloseTitle, withPage(v), err)
		}
		return err
	}
	return s.page(c, fiber.StatusOK, "year/close", yearCloseTitle, withPage(v))
}

// closeView is the preview under marks; with marks it cannot take (a student both leaving and
// repeating) it comes back with the error, the fates left at their defaults.
func (s *Server) closeView(m dossier.Marks) (*closeView, error) {
	v, _, err := s.closePreview(m)
	return v, err
}

// closePreview is closeView with the preview it shows and the leavers under the marks.
func (s *Server) closePreview(m dossier.Marks) (*closeView, *closePlan, error) {
	p, err := s.store.YearPreview()
	if err != nil {
		return nil, nil, err
	}
	fates, ferr := p.Fates(m)
	if ferr != nil {
		fates, _ = p.Fates(dossier.Marks{})
	}
	v := &closeView{Year: p.Year.Label(), YearNote: pfmp.ClosingYearNote(s.cfg.Now()), Action: yearCloseURL}
	if !p.NextYearImport.IsZero() {
		v.Refused = pfmp.MsgImportedForNextYear(p.Year, p.NextYearImport)
	}
	if p.Closed != nil {
		closed := closingViewOf(*p.Closed)
		v.Closed = &closed
	}
	for _, cl := range p.Classes {
		cv := closeClassView{Name: cl.Name, Level: cl.Level.Label(), NewName: cl.NewName, NewLevel: cl.NewLevel.Label(),
			Final: cl.NewLevel == ""}
		for _, st := range cl.Students {
			f := fates[st.ID]
			cv.Students = append(cv.Students, closeStudentView{ID: st.ID, Name: st.Name(), Fate: f.Label(),
				FateClass: string(f), Leaving: m.Leaving[st.ID], Repeating: m.Repeating[st.ID]})
			v.Students++
			switch f {
			case pfmp.FateLeaves:
				v.Leavers++
			case pfmp.FateRepeats:
				v.Repeats++
			default:
				v.MovedUp++
			}
		}
		v.Classes = append(v.Classes, cv)
	}
	return v, &closePlan{preview: p, leavers: p.Leavers(fates)}, ferr
}

// closePlan is what a confirmed closing starts from: the preview shown, its leavers.
type closePlan struct {
	preview *dossier.YearPreview
	leavers []string
}

// yearCloseConfirm starts the closing under the form's marks, once confirmed; « Mettre à jour
// l'aperçu » posts the same form (a GET would carry its CSRF token into the address).
func (s *Server) yearCloseConfirm(c *fiber.Ctx) error {
	if c.FormValue("apercu") == "oui" {
		return s.yearClosePage(c)
	}
	m := marksOf(c)
	v, plan, err := s.closePreview(m)
	if err == nil && c.FormValue("confirmer") != "oui" {
		err = pfmp.Invalid(msgConfirm, map[string]string{"confirmer": msgConfirm})
	}
	if err != nil {
		if pfmp.KindOf(err) != pfmp.ErrInvalid {
			return err
		}
		return s.invalid(c, "year/close", yearCloseTitle, withPage(v), err)
	}
	if err := plan.preview.Refusal(); err != nil {
		return err
	}
	owner := actorOf(c).ID // dossier.CloseYear checks the plan again in its transaction
	j, err := s.closings.start(owner, plan.leavers, s.buildArchive,
		func(archives map[string]string) (*dossier.ClosingCounts, error) {
			return s.store.CloseYear(owner, m, archives)
		})
	if err != nil {
		return err
	}
	return c.Redirect(closeJobURL(j.ID), fiber.StatusSeeOther)
}

// closeJobView is a closing's progress or result.
type closeJobView struct {
	URL, Year             string
	Running, Done, Failed bool
	Step, Steps, Percent  int
	Counts                *dossier.ClosingCounts
	Failure, YearURL      string
}

// yearCloseJobPage shows a closing: the page, or its status alone to htmx polling.
func (s *Server) yearCloseJobPage(c *fiber.Ctx) error {
	j, err := s.closings.get(c.Params("id"), actorOf(c).ID)
	if err != nil {
		return err
	}
	st := j.status()
	v := closeJobView{URL: closeJobURL(j.ID), Year: pfmp.ClosingYear(s.cfg.Now()).Label(), YearURL: yearURL,
		Running: st.State == jobRunning, Done: st.State == jobDone, Failed: st.State == jobFailed,
		Step: st.Done, Steps: st.Total, Percent: st.Done * 100 / max(st.Total, 1), Counts: st.Result}
	if st.Err != nil {
		v.Failure = msgCloseFails
		if pfmp.KindOf(st.Err) != pfmp.ErrInternal {
			v.Failure = pfmp.Message(st.Err)
		}
	}
	return s.pageOrFragment(c, "year/close_job", "year/close_status", yearCloseTitle, withPage(v))
}
