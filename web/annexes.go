package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// annexeRow is one annexe pédagogique in the list, with how many periods came from it.
type annexeRow struct {
	ID      string `db:"id"`
	Name    string `db:"name"`
	Level   string `db:"level"`
	Tasks   string `db:"tasks"`
	Periods int    `db:"periods"`
}

// TaskCount is how many référentiel tasks the annexe gives.
func (a annexeRow) TaskCount() int { return len(jsonIDs(a.Tasks)) }

var annexeFields = []string{"name", "level", "objectives"}

func (s *Server) annexesIndex(c *fiber.Ctx) error {
	var rows []annexeRow
	err := s.app.DB().NewQuery(`SELECT a.id, a.name, a.level, a.tasks,
		(SELECT COUNT(*) FROM periods p WHERE p.annexe = a.id) AS periods
		FROM annexes a ORDER BY a.level, a.name`).All(&rows)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "annexes/index", "Annexes pédagogiques", fiber.Map{"Annexes": rows})
}

func (s *Server) annexeNew(c *fiber.Ctx) error {
	return s.annexeForm(c, nil, map[string]string{"level": c.Query("niveau")}, nil, nil)
}

func (s *Server) annexeEdit(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	form := map[string]string{"name": a.GetString("name"), "level": a.GetString("level"),
		"objectives": a.GetString("objectives")}
	return s.annexeForm(c, a, form, a.GetStringSlice("tasks"), nil)
}

// annexeForm renders the create/edit form, with the référentiel tasks to choose from.
func (s *Server) annexeForm(c *fiber.Ctx, a *core.Record, form map[string]string, tasks []string, err error) error {
	catalogue, cerr := s.taskCatalogue()
	if cerr != nil {
		return cerr
	}
	title := "Nouvelle annexe pédagogique"
	if a != nil {
		title = "Modifier l'annexe pédagogique"
	}
	data := fiber.Map{"Annexe": a, "Form": form, "Checked": tasks, "Catalogue": catalogue, "Levels": pfmp.Levels()}
	if err != nil {
		return s.invalid(c, "annexes/form", title, data, err)
	}
	return s.page(c, fiber.StatusOK, "annexes/form", title, data)
}

// annexeSave creates (no :id) or updates an annexe.
func (s *Server) annexeSave(c *fiber.Ctx) error {
	var a *core.Record
	if c.Params("id") != "" {
		var err error
		if a, err = s.findAnnexe(c); err != nil {
			return err
		}
	}
	form := formValues(c, annexeFields...)
	catalogue, err := s.taskCatalogue()
	if err != nil {
		return err
	}
	tasks := validTaskIDs(catalogue, formList(c, "tasks"))
	if err := checkAnnexe(form); err != nil {
		return s.annexeForm(c, a, form, tasks, err)
	}
	if a == nil {
		col, err := s.app.FindCachedCollectionByNameOrId("annexes")
		if err != nil {
			return err
		}
		a = core.NewRecord(col)
		a.Set("author", actorOf(c).ID)
	}
	for _, f := range annexeFields {
		a.Set(f, form[f])
	}
	a.Set("tasks", tasks)
	if err := s.app.Save(a); err != nil {
		return err
	}
	s.flash(c, "Annexe pédagogique enregistrée.")
	return c.Redirect("/annexes", fiber.StatusSeeOther)
}

func checkAnnexe(form map[string]string) error {
	fe := pfmp.FieldErrors{}
	fe.Add("name", pfmp.Required(form["name"], "Nom de l'annexe"))
	fe.Add("name", pfmp.MaxLen(form["name"], 120, "Nom de l'annexe"))
	if !pfmp.Level(form["level"]).Valid() {
		fe.Add("level", errors.New("Choisissez un niveau de classe."))
	}
	fe.Add("objectives", pfmp.MaxLen(form["objectives"], 10000, "Objectifs"))
	return fe.Err()
}

// annexeDuplicate copies an annexe as "Copie de …" and opens the copy.
func (s *Server) annexeDuplicate(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	dup := core.NewRecord(a.Collection())
	for _, f := range []string{"level", "objectives", "tasks"} {
		dup.Set(f, a.Get(f))
	}
	dup.Set("name", truncate("Copie de "+a.GetString("name"), 120))
	dup.Set("author", actorOf(c).ID)
	if err := s.app.Save(dup); err != nil {
		return err
	}
	s.flash(c, "Annexe dupliquée : modifiez la copie.")
	return c.Redirect("/annexes/"+dup.Id, fiber.StatusSeeOther)
}

func (s *Server) annexeDeleteConfirm(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "annexes/delete", "Supprimer l'annexe", fiber.Map{"Annexe": a})
}

// annexeDelete removes the annexe; periods made from it keep their own copy of its content.
func (s *Server) annexeDelete(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	if err := s.app.Delete(a); err != nil {
		return err
	}
	s.flash(c, "Annexe « "+a.GetString("name")+" » supprimée.")
	return c.Redirect("/annexes", fiber.StatusSeeOther)
}

func (s *Server) findAnnexe(c *fiber.Ctx) (*core.Record, error) {
	a, err := s.app.FindRecordById("annexes", c.Params("id"))
	if err != nil {
		return nil, pfmp.NotFound("Cette annexe pédagogique n'existe pas (ou plus).")
	}
	return a, nil
}

func truncate(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}
