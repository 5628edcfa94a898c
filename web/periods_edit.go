package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
	"livret/pfmp"
)

// periodTabs are the four tabs of the period's edit form, as in the manual.
var periodTabs = []struct{ Slug, Label string }{
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
	return s.periodEditForm(c, tab, rec, row, form, rec.GetStringSlice("tasks"), nil)
}

func (s *Server) periodEditForm(c *fiber.Ctx, tab string, rec *core.Record, row *dossier.PeriodRow,
	form map[string]string, tasks []string, err error) error {
	data := fiber.Map{"Tab": tab, "Tabs": periodTabs, "Period": rec, "Row": row, "Form": form,
		"Kinds": pfmp.Kinds(), "Checked": tasks}
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
func (s *Server) periodTabData(tab string, rec *core.Record, data fiber.Map) error {
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
		data["Classes"], data["Students"] = withoutAssigned(classes, students), students
		return s.referentsTabData(rec.Id, data)
	case "activites":
		catalogue, err := s.store.TaskCatalogue()
		data["Catalogue"] = catalogue
		return err
	}
	return nil
}

// periodUpdate saves one tab. The dated lock is the model hook's: a locked period answers 409.
func (s *Server) periodUpdate(c *fiber.Ctx) error {
	tab := c.Params("tab")
	if !validPeriodTab(tab) {
		return pfmp.NotFound("Cet onglet n'existe pas.")
	}
	rec, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	if row.Locked() {
		return pfmp.Conflict(row.LockMessage())
	}
	form := formValues(c, append(periodInfoFields, "objectives")...)
	form["level"] = rec.GetString("level") // a period keeps its level: its students belong to it
	tasks := formList(c, "tasks")
	if err := s.applyPeriodTab(c, tab, rec, form, &tasks); err != nil {
		if statusOf(err) == fiber.StatusUnprocessableEntity {
			return s.periodEditForm(c, tab, rec, row, form, tasks, err)
		}
		return err
	}
	s.flash(c, "Période enregistrée.")
	return c.Redirect("/periodes/"+rec.Id+"/modifier?onglet="+tab, fiber.StatusSeeOther)
}

func (s *Server) applyPeriodTab(c *fiber.Ctx, tab string, rec *core.Record, form map[string]string, tasks *[]string) error {
	var values dossier.Fields
	switch tab {
	case "informations":
		p, err := pfmp.CheckPeriod(periodForm(form))
		if err != nil {
			return err
		}
		values = periodInfo(p)
	case "objectifs":
		fe := pfmp.FieldErrors{}
		fe.Add("objectives", pfmp.MaxLen(form["objectives"], 10000, "Objectifs"))
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
