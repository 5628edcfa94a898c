package web

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

var checkpointFields = []string{"target", "date", "label"}

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
	data := fiber.Map{"Checkpoints": rows, "Classes": classes, "Form": form}
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
	var day time.Time
	if err := pfmp.Required(form["date"], "Date du bilan"); err != nil {
		fe.Add("date", err)
	} else if d, err := pfmp.ParseDate(form["date"]); err != nil {
		fe.Add("date", err)
	} else {
		day = d
	}
	fe.Add("label", pfmp.MaxLen(form["label"], 255, "Intitulé"))
	students, err := s.checkpointStudents(form["target"])
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

// checkpointStudents resolves the form's target to student ids.
func (s *Server) checkpointStudents(target string) ([]string, error) {
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

// checkpointDelete removes a checkpoint entered by mistake (what it locked unlocks).
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
func plural(n int, word string) string {
	if n > 1 {
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}
