package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
	"livret/pfmp"
)

// periodTab is one tab of the period's edit form.
type periodTab struct{ Slug, Label string }

// periodTabs are the four tabs of the period's edit form, as in the manual.
var periodTabs = []periodTab{
	{"informations", "Informations"},
	{"apprenants", "Choix des apprenants"},
	{"objectifs", "Objectifs"},
	{"activites", "Activités"},
}

func validPeriodTab(slug string) bool {
	for _, t := range periodTabs {
		if t.Slug == slug {
			return true
		}
	}
	return false
}

// periodEdit shows one tab of the edit form; a locked period shows why instead of a form.
func (s *Server) periodEdit(c *fiber.Ctx) error {
	tab := c.Query("onglet", "informations")
	if !validPeriodTab(tab) {
		return pfmp.NotFound("Cet onglet n'existe pas.")
	}
	rec, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	form := map[string]string{"name": rec.GetString("name"), "level": rec.GetString("level"),
		"kind": rec.GetString("kind"), "start": pfmp.ISODate(rec.GetDateTime("start").Time()),
		"end": pfmp.ISODate(rec.GetDateTime("end").Time()), "review_date": pfmp.ISODate(rec.GetDateTime("review_date").Time()),
		"objectives": rec.GetString("objectives")}
	return s.periodEditForm(c, tab, rec, row, periodTyped{form: form, tasks: rec.GetStringSlice("tasks")}, nil)
}

// periodEditView is one tab of a period's edit form.
type periodEditView struct {
	Page
	periodFields
	Tab       string
	Tabs      []periodTab
	Period    *core.Record
	Row       *dossier.PeriodRow // its lock
	Back      string
	Checked   []string                // the activities tab: the tasks ticked…
	Catalogue []dossier.ActivityGroup // …among the référentiel's
	// The students tab: the period's students, their referent teachers, and the teachers.
	Students    []dossier.StudentRow
	Referents   map[string][]dossier.Person
	ReferentIDs map[string]map[string]bool
	Teachers    []dossier.Person
}

// periodTyped is what one tab of the edit form holds: stored, or as typed when a save is refused.
type periodTyped struct {
	form                     map[string]string
	tasks, classes, students []string
}

func (s *Server) periodEditForm(c *fiber.Ctx, tab string, rec *core.Record, row *dossier.PeriodRow, typed periodTyped, err error) error {
	diploma, derr := s.store.Diploma()
	if derr != nil {
		return derr
	}
	level := pfmp.Level(rec.GetString("level"))
	data := &periodEditView{Tab: tab, Tabs: periodTabs, Period: rec, Row: row, Back: periodHref(row), Checked: typed.tasks,
		periodFields: periodFields{Form: typed.form, Kinds: diploma.KindsFor(level, pfmp.Kind(rec.GetString("kind"))),
			LevelName: diploma.LevelName(level), ReviewHint: reviewHint(typed.form, pfmp.FormatLong(row.End.Time())),
			CheckedClasses: typed.classes, CheckedStudents: typed.students}}
	if ferr := s.periodTabData(tab, rec, data); ferr != nil {
		return ferr
	}
	title := "Modifier la période — " + rec.GetString("name")
	if err != nil {
		return s.invalid(c, "periods/edit", title, data, err)
	}
	return s.page(c, fiber.StatusOK, "periods/edit", title, data)
}

// periodTabData adds what the students and activities tabs list.
func (s *Server) periodTabData(tab string, rec *core.Record, data *periodEditView) error {
	switch tab {
	case "apprenants":
		classes, err := s.store.ClassesOfLevel(rec.GetString("level"))
		if err != nil {
			return err
		}
		students, err := s.store.StudentsOfPeriod(rec.Id)
		if err != nil {
			return err
		}
		data.Classes, data.Students = withoutAssigned(classes, students), students
		return s.referentsTabData(rec.Id, data)
	case "activites":
		catalogue, err := s.store.TaskCatalogue()
		data.Catalogue = catalogue
		return err
	}
	return nil
}

// periodUpdate saves one tab. A period locked meanwhile (a bilan intermédiaire took effect, the
// model hook's 409) is no dead end: the tab comes back with what was typed and the reason.
func (s *Server) periodUpdate(c *fiber.Ctx) error {
	tab := c.Params("tab")
	if !validPeriodTab(tab) {
		return pfmp.NotFound("Cet onglet n'existe pas.")
	}
	rec, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	typed := periodTyped{form: formValues(c, append(periodInfoFields, "objectives")...), tasks: formList(c, "tasks"),
		classes: formList(c, "classes"), students: formList(c, "students")}
	typed.form["level"] = rec.GetString("level") // a period keeps its level: its students belong to it
	if row.Locked() {
		return s.periodEditForm(c, tab, rec, row, typed, errPeriodRefused)
	}
	err = s.applyPeriodTab(c, tab, rec, typed.form, &typed.tasks)
	if _, locked := lockRefusal(err); locked { // locked between the check and the write
		if row, err = s.store.PeriodRowByID(rec.Id); err != nil {
			return err
		}
		return s.periodEditForm(c, tab, rec, row, typed, errPeriodRefused)
	}
	if statusOf(err) == fiber.StatusUnprocessableEntity {
		return s.periodEditForm(c, tab, rec, row, typed, err)
	}
	if err != nil {
		return err
	}
	s.flash(c, "Période enregistrée.")
	return c.Redirect("/periodes/"+rec.Id+"/modifier?onglet="+tab, fiber.StatusSeeOther)
}

// errPeriodRefused is the 409 of a save refused by the dated lock; the tab shows the lock's
// reason under it, and what was typed, to copy.
var errPeriodRefused = pfmp.Conflict("Rien n'a été enregistré : la période a été verrouillée pendant que vous la modifiiez " +
	"(voir ci-dessous). Ce que vous aviez saisi est rappelé dans le formulaire : copiez-le si besoin.")

func (s *Server) applyPeriodTab(c *fiber.Ctx, tab string, rec *core.Record, form map[string]string, tasks *[]string) error {
	var values dossier.Fields
	switch tab {
	case "informations":
		diploma, err := s.store.Diploma()
		if err != nil {
			return err
		}
		level := pfmp.Level(rec.GetString("level"))
		p, err := pfmp.CheckPeriod(periodForm(form, diploma.KindsFor(level, pfmp.Kind(rec.GetString("kind")))))
		if err != nil {
			return err
		}
		values = periodInfo(p)
	case "objectifs":
		fe := pfmp.FieldErrors{}
		fe.Add("objectives", pfmp.MaxLen(form["objectives"], pfmp.MaxObjectivesLength, "Objectifs"))
		if err := fe.Err(); err != nil {
			return err
		}
		values = dossier.Fields{"objectives": form["objectives"]}
	case "activites":
		catalogue, err := s.store.TaskCatalogue()
		if err != nil {
			return err
		}
		*tasks = dossier.ValidTaskIDs(catalogue, *tasks)
		values = dossier.Fields{"tasks": *tasks}
	case "apprenants":
		classes, err := s.store.ClassesOfLevel(rec.GetString("level"))
		if err != nil {
			return err
		}
		return s.store.AssignStudents(rec.Id, chosenStudents(classes, formList(c, "classes"), formList(c, "students")))
	}
	_, err := s.store.Update("periods", rec.Id, dossier.Set(values))
	return err
}

// findPeriod loads a period record and its list row (lock state) from :id.
func (s *Server) findPeriod(c *fiber.Ctx) (*core.Record, *dossier.PeriodRow, error) {
	row, err := s.store.PeriodRowByID(c.Params("id"))
	if err != nil {
		return nil, nil, err
	}
	rec, err := s.store.Find("periods", row.ID)
	if err != nil {
		return nil, nil, pfmp.NotFound(pfmp.MsgNoPeriod)
	}
	return rec, row, nil
}
