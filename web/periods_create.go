package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
	"livret/pfmp"
)

var periodInfoFields = []string{"name", "level", "kind", "start", "end", "review_date"}

// periodFields is what a period's information fields and student picker read, in the new
// period's form and in the edit form's tabs.
type periodFields struct {
	Form            map[string]string // the information fields' values
	Kinds           []pfmp.Kind
	LevelName       string
	ReviewHint      string
	Classes         []dossier.ClassRow // to choose students from
	CheckedClasses  []string
	CheckedStudents []string
}

// periodNewView is the form that creates a period from an annexe.
type periodNewView struct {
	Page
	periodFields
	Annexe *core.Record
}

// periodNew is the form that creates a period from an annexe: the only way to create one.
func (s *Server) periodNew(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	diploma, err := s.store.Diploma()
	if err != nil {
		return err
	}
	form := map[string]string{"name": a.GetString("name"), "level": a.GetString("level"),
		"kind": string(diploma.DefaultKind(pfmp.Level(a.GetString("level"))))}
	return s.periodNewForm(c, a, form, nil, nil, nil)
}

func (s *Server) periodNewForm(c *fiber.Ctx, a *core.Record, form map[string]string, classIDs, studentIDs []string, err error) error {
	classes, cerr := s.store.ClassesOfLevel(form["level"])
	if cerr != nil {
		return cerr
	}
	diploma, cerr := s.store.Diploma()
	if cerr != nil {
		return cerr
	}
	level := pfmp.Level(form["level"])
	data := &periodNewView{Annexe: a, periodFields: periodFields{Form: form, Kinds: diploma.KindsOf(level),
		LevelName: diploma.LevelName(level), ReviewHint: reviewHint(form, ""), Classes: classes,
		CheckedClasses: classIDs, CheckedStudents: studentIDs}}
	if err != nil {
		return s.invalid(c, "periods/new", "Nouvelle période en entreprise", data, err)
	}
	return s.page(c, fiber.StatusOK, "periods/new", "Nouvelle période en entreprise", data)
}

// periodCreate creates the period with the annexe's objectives and tasks, and one dossier
// per chosen student, all or nothing.
func (s *Server) periodCreate(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	form := formValues(c, periodInfoFields...)
	form["level"] = a.GetString("level") // the annexe's: its students are offered, not another level's
	classIDs, studentIDs := formList(c, "classes"), formList(c, "students")
	diploma, err := s.store.Diploma()
	if err != nil {
		return err
	}
	p, err := pfmp.CheckPeriod(periodForm(form, diploma.KindsOf(pfmp.Level(form["level"]))))
	if err != nil {
		return s.periodNewForm(c, a, form, classIDs, studentIDs, err)
	}
	classes, err := s.store.ClassesOfLevel(string(p.Level))
	if err != nil {
		return err
	}
	values := periodInfo(p)
	values["level"], values["annexe"], values["author"] = string(p.Level), a.Id, actorOf(c).ID
	values["objectives"], values["tasks"] = a.GetString("objectives"), a.GetStringSlice("tasks")
	period, err := s.store.CreatePeriod(values, chosenStudents(classes, classIDs, studentIDs))
	if msg, locked := lockRefusal(err); locked { // a student's checkpoint is after these bilans
		return s.periodNewForm(c, a, form, classIDs, studentIDs, pfmp.Invalid(msg, map[string]string{"review_date": msg}))
	}
	if err != nil {
		return err
	}
	s.flash(c, "Période « "+p.Name+" » créée.")
	return c.Redirect(periodHref(&dossier.PeriodRow{ID: period.Id, Level: string(p.Level), Start: period.GetDateTime("start")}),
		fiber.StatusSeeOther) // its school year's list, next year's for a period of September
}

// periodForm is the typed form as pfmp checks it, with the kinds the form offered.
func periodForm(form map[string]string, kinds []pfmp.Kind) pfmp.PeriodForm {
	return pfmp.PeriodForm{Name: form["name"], Level: form["level"], Kind: form["kind"],
		Start: form["start"], End: form["end"], ReviewDate: form["review_date"], Kinds: kinds}
}

// periodInfo are the columns of the « Informations » tab; a review date not set on purpose is
// stored empty, so that it follows the end date.
func periodInfo(p pfmp.Period) dossier.Fields {
	return dossier.Fields{"name": p.Name, "kind": string(p.Kind), "start": p.Start, "end": p.End, "review_date": p.ReviewDate}
}

// reviewHint says which of the two the date of the bilans entreprise is, as the form holds it:
// the last day (empty: it follows the end date), or a date chosen on purpose. end is the
// stored last day, shown when known.
func reviewHint(form map[string]string, end string) string {
	if form["review_date"] == "" {
		if end != "" {
			end = " (actuellement le " + end + ")"
		}
		return "Actuellement : le dernier jour de la période" + end + ". Laissée vide, elle suit la date de fin si la période change."
	}
	return "Actuellement : une date choisie, qui ne suit plus la date de fin. Videz le champ pour revenir au dernier jour de la période."
}
