package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
	"livret/pfmp"
)

var annexeFields = []string{"name", "level", "objectives"}

// annexesView is the list of the annexes pédagogiques.
type annexesView struct {
	Page
	Annexes []dossier.AnnexeRow
}

// annexeFormView is an annexe's form: new (Annexe nil) or existing.
type annexeFormView struct {
	Page
	Annexe    *core.Record
	Form      map[string]string       // the fields' values: what was typed after a refusal
	Checked   []string                // the tasks ticked…
	Catalogue []dossier.ActivityGroup // …among the référentiel's
	Levels    []pfmp.Level
}

// annexeDeleteView asks before deleting an annexe.
type annexeDeleteView struct {
	Page
	Annexe *core.Record
}

func (s *Server) annexesIndex(c *fiber.Ctx) error {
	rows, err := s.store.Annexes()
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "annexes/index", "Annexes pédagogiques", &annexesView{Annexes: rows})
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
	catalogue, cerr := s.store.TaskCatalogue()
	if cerr != nil {
		return cerr
	}
	title := "Nouvelle annexe pédagogique"
	if a != nil {
		title = "Modifier l'annexe pédagogique"
	}
	data := &annexeFormView{Annexe: a, Form: form, Checked: tasks, Catalogue: catalogue, Levels: pfmp.Levels()}
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
	catalogue, err := s.store.TaskCatalogue()
	if err != nil {
		return err
	}
	tasks := dossier.ValidTaskIDs(catalogue, formList(c, "tasks"))
	if err := pfmp.CheckAnnexe(form["name"], form["level"], form["objectives"]); err != nil {
		return s.annexeForm(c, a, form, tasks, err)
	}
	values := dossier.Fields{"tasks": tasks}
	for _, f := range annexeFields {
		values[f] = form[f]
	}
	if a == nil {
		values["author"] = actorOf(c).ID
		_, err = s.store.Create("annexes", values)
	} else {
		_, err = s.store.Update("annexes", a.Id, dossier.Set(values))
	}
	if err != nil {
		return err
	}
	s.flash(c, "Annexe pédagogique enregistrée.")
	return c.Redirect("/annexes", fiber.StatusSeeOther)
}

// annexeDuplicate copies an annexe as "Copie de …" and opens the copy.
func (s *Server) annexeDuplicate(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	dup, err := s.store.Create("annexes", dossier.Fields{"level": a.Get("level"), "objectives": a.Get("objectives"),
		"tasks": a.Get("tasks"), "name": truncate("Copie de "+a.GetString("name"), pfmp.MaxNameLength), "author": actorOf(c).ID})
	if err != nil {
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
	return s.page(c, fiber.StatusOK, "annexes/delete", "Supprimer l'annexe", &annexeDeleteView{Annexe: a})
}

// annexeDelete removes the annexe; periods made from it keep their own copy of its content.
func (s *Server) annexeDelete(c *fiber.Ctx) error {
	a, err := s.findAnnexe(c)
	if err != nil {
		return err
	}
	if err := s.store.Delete("annexes", a.Id); err != nil {
		return err
	}
	s.flash(c, "Annexe « "+a.GetString("name")+" » supprimée.")
	return c.Redirect("/annexes", fiber.StatusSeeOther)
}

func (s *Server) findAnnexe(c *fiber.Ctx) (*core.Record, error) {
	a, err := s.store.Find("annexes", c.Params("id"))
	if err != nil {
		return nil, pfmp.NotFound(pfmp.MsgNoAnnexe)
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
