package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
	"livret/pfmp"
)

var periodInfoFields = []string{"name", "level", "kind", "start", "end", "review_date"}

// periodNew is the form that creates a period from an annexe: the only way to create one.
func (s *Server) periodNew(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	form := map[string]string{"name": a.GetString("name"), "level": a.GetString("level"), "kind": string(pfmp.KindP2)}
	return s.periodNewForm(c, a, form, nil, nil, nil)
}

func (s *Server) periodNewForm(c *fiber.Ctx, a *core.Record, form map[string]string, classIDs, studentIDs []string, err error) error {
	classes, cerr := s.store.ClassesOfLevel(form["level"])
	if cerr != nil {
		return cerr
	}
	data := fiber.Map{"Annexe": a, "Form": form, "Kinds": pfmp.Kinds(), "Levels": pfmp.Levels(),
		"Classes": classes, "CheckedClasses": classIDs, "CheckedStudents": studentIDs}
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
	p, err := pfmp.CheckPeriod(periodForm(form))
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
	return c.Redirect("/periodes?niveau="+string(p.Level)+"&periode="+period.Id, fiber.StatusSeeOther)
}

func periodForm(form map[string]string) pfmp.PeriodForm {
	return pfmp.PeriodForm{Name: form["name"], Level: form["level"], Kind: form["kind"],
		Start: form["start"], End: form["end"], ReviewDate: form["review_date"]}
}

// periodInfo are the columns of the « Informations » tab.
func periodInfo(p pfmp.Period) dossier.Fields {
	return dossier.Fields{"name": p.Name, "kind": string(p.Kind), "start": p.Start, "end": p.End, "review_date": p.ReviewDate}
}
