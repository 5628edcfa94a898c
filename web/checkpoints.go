package web

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

var checkpointFields = []string{"target", "date", "label"}

// checkpointsView is the list of the latest checkpoints and the form to record new ones.
type checkpointsView struct {
	Page
	Checkpoints []dossier.CheckpointRow
	Classes     []dossier.ClassRow
	Form        map[string]string // the form's values: what was typed after a refusal
}

// checkpointEditView is a checkpoint's form, or why it can no longer be changed.
type checkpointEditView struct {
	Page
	Checkpoint *dossier.CheckpointRow
	Form       map[string]string
	Held       string // why it cannot be corrected any more
}

// checkpointsIndex lists the latest checkpoints and the form to record new ones.
func (s *Server) checkpointsIndex(c *fiber.Ctx) error {
	return s.checkpointsPage(c, map[string]string{"date": pfmp.ISODate(s.cfg.Now())}, nil)
}

func (s *Server) checkpointsPage(c *fiber.Ctx, form map[string]string, err error) error {
	rows, qerr := s.store.Checkpoints(200)
	if qerr != nil {
		return qerr
	}
	classes, qerr := s.store.ClassesOfLevel("")
	if qerr != nil {
		return qerr
	}
	data := &checkpointsView{Checkpoints: rows, Classes: classes, Form: form}
	if err != nil {
		return s.invalid(c, "checkpoints/index", "Bilans intermédiaires de compétences", data, err)
	}
	return s.page(c, fiber.StatusOK, "checkpoints/index", "Bilans intermédiaires de compétences", data)
}

// checkpointCreate records a checkpoint for a whole class ("classe:<id>") or one student
// ("eleve:<id>"), all or nothing. Periods and bilans dated before it lock (see hooks).
func (s *Server) checkpointCreate(c *fiber.Ctx) error {
	form := formValues(c, checkpointFields...)
	fe := pfmp.FieldErrors{}
	day := checkCheckpoint(fe, form)
	students, err := s.targetStudents(form["target"])
	fe.Add("target", err)
	if err := fe.Err(); err != nil {
		return s.checkpointsPage(c, form, err)
	}
	if err := s.store.CreateCheckpoints(students, day, form["label"], actorOf(c).ID); err != nil {
		return err
	}
	s.flash(c, "Bilan intermédiaire enregistré pour "+plural(len(students), "apprenant")+".")
	return c.Redirect("/bilans-intermediaires", fiber.StatusSeeOther)
}

// checkCheckpoint checks the date and the label of a checkpoint form, and reads the date.
func checkCheckpoint(fe pfmp.FieldErrors, form map[string]string) time.Time {
	var day time.Time
	if err := pfmp.Required(form["date"], "Date du bilan"); err != nil {
		fe.Add("date", err)
	} else if d, err := pfmp.ParseDate(form["date"]); err != nil {
		fe.Add("date", err)
	} else {
		day = d
	}
	fe.Add("label", pfmp.MaxLen(form["label"], 255, "Intitulé"))
	return day
}

// targetStudents resolves a form's « Pour » (partials/target: a class or a student) to student ids.
func (s *Server) targetStudents(target string) ([]string, error) {
	kind, id, _ := strings.Cut(target, ":")
	var ids []string
	var err error
	switch kind {
	case "classe":
		ids, err = s.store.StudentsOfClass(id)
	case "eleve":
		var ok bool
		if ok, err = s.store.IsStudent(id); ok {
			ids = []string{id}
		}
	}
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, errors.New("Choisissez une classe (qui compte des apprenants) ou un apprenant.")
	}
	return ids, nil
}

// checkpointEdit is the form that moves or renames one checkpoint, while its teacher still may
// (pfmp.CheckpointCorrectable); past that it says who can.
func (s *Server) checkpointEdit(c *fiber.Ctx) error {
	row, err := s.store.CheckpointByID(c.Params("id"))
	if err != nil {
		return err
	}
	form := map[string]string{"date": pfmp.ISODate(row.Date.Time()), "label": row.Label}
	return s.checkpointEditForm(c, row, form, nil)
}

func (s *Server) checkpointEditForm(c *fiber.Ctx, row *dossier.CheckpointRow, form map[string]string, err error) error {
	data := &checkpointEditView{Checkpoint: row, Form: form}
	if !row.Correctable {
		data.Held = pfmp.CheckpointHeldMessage(row.Date.Time(), row.Locks)
	}
	const title = "Modifier le bilan intermédiaire"
	if err != nil {
		return s.invalid(c, "checkpoints/edit", title, data, err)
	}
	return s.page(c, fiber.StatusOK, "checkpoints/edit", title, data)
}

// checkpointUpdate moves or renames a checkpoint; the model hook refuses (409) one in effect
// that locks something, and the form comes back with what was typed and why.
func (s *Server) checkpointUpdate(c *fiber.Ctx) error {
	row, err := s.store.CheckpointByID(c.Params("id"))
	if err != nil {
		return err
	}
	form := formValues(c, "date", "label")
	fe := pfmp.FieldErrors{}
	day := checkCheckpoint(fe, form)
	if err := fe.Err(); err != nil {
		return s.checkpointEditForm(c, row, form, err)
	}
	err = s.store.UpdateCheckpoint(row.ID, day, form["label"])
	if msg, held := lockRefusal(err); held {
		return s.checkpointEditForm(c, row, form, pfmp.Conflict(msg))
	}
	if err != nil {
		return err
	}
	s.flash(c, "Bilan intermédiaire de "+row.FirstName+" "+pfmp.FamilyName(row.LastName)+" enregistré.")
	return c.Redirect("/bilans-intermediaires", fiber.StatusSeeOther)
}

// checkpointDelete removes a checkpoint planned or entered by mistake (what it locked unlocks);
// the model hook refuses one in effect that locks something.
func (s *Server) checkpointDelete(c *fiber.Ctx) error {
	if _, err := s.store.Find("checkpoints", c.Params("id")); err != nil {
		return pfmp.NotFound(pfmp.MsgNoCheckpoint)
	}
	if err := s.store.Delete("checkpoints", c.Params("id")); err != nil {
		return err
	}
	s.flash(c, "Bilan intermédiaire supprimé.")
	return c.Redirect("/bilans-intermediaires", fiber.StatusSeeOther)
}

// plural writes "1 apprenant", "3 apprenants".
func plural(n int, word string) string { return counted(n, word, word+"s") }
