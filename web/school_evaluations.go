package web

// « Évaluations en établissement »: a teacher records a level given at school to a competence
// or a sub-competence, for one student or a whole class at once; they join the bilans on each
// student's tableau de bord.

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	schoolEvalTitle = "Évaluations en établissement"
	schoolEvalPath  = "/evaluations-etablissement"
)

var schoolEvalFields = []string{"target", "competence", "level", "date", "label", "comment"}

func (s *Server) schoolEvaluationsIndex(c *fiber.Ctx) error {
	return s.schoolEvaluationsPage(c, map[string]string{"date": pfmp.ISODate(s.cfg.Now())}, nil)
}

// schoolEvaluationsView is the page: the form, and the latest evaluations.
type schoolEvaluationsView struct {
	Page
	Rows        []dossier.SchoolEvaluationRow
	Classes     []dossier.ClassRow
	Competences []*dossier.Competence
	Form        map[string]string // the form's values: what was typed after a refusal
	Level       choiceView        // the level's fan
}

func (s *Server) schoolEvaluationsPage(c *fiber.Ctx, form map[string]string, err error) error {
	rows, qerr := s.store.SchoolEvaluations(200)
	if qerr != nil {
		return qerr
	}
	classes, qerr := s.store.ClassesOfLevel("")
	if qerr != nil {
		return qerr
	}
	comps, qerr := s.store.Competences()
	if qerr != nil {
		return qerr
	}
	level := choiceView{Key: "level", ID: "level", Label: "Niveau", Value: form["level"]}
	data := &schoolEvaluationsView{Rows: rows, Classes: classes, Competences: comps, Form: form, Level: level}
	if err != nil {
		return s.invalid(c, "reviews/etablissement", schoolEvalTitle, data, err)
	}
	return s.page(c, fiber.StatusOK, "reviews/etablissement", schoolEvalTitle, data)
}

// schoolEvaluationCreate records the evaluation for the chosen student or class, all or nothing.
func (s *Server) schoolEvaluationCreate(c *fiber.Ctx) error {
	form := formValues(c, schoolEvalFields...)
	fe := pfmp.FieldErrors{}
	day := checkDay(fe, form["date"])
	if !pfmp.ValidRating(form["level"]) {
		fe["level"] = "Choisissez un niveau : 4, 3, 2, 1, 0 ou NE."
	}
	comps, err := s.store.Competences()
	if err != nil {
		return err
	}
	if !competenceExists(comps, form["competence"]) {
		fe["competence"] = "Choisissez une compétence ou une sous-compétence."
	}
	fe.Add("label", pfmp.MaxLen(form["label"], 255, "Contexte"))
	fe.Add("comment", pfmp.MaxLen(form["comment"], 10000, "Commentaire"))
	students, err := s.targetStudents(form["target"])
	fe.Add("target", err)
	if err := fe.Err(); err != nil {
		return s.schoolEvaluationsPage(c, form, err)
	}
	e := dossier.SchoolEvaluation{CompetenceID: form["competence"], Level: form["level"], Date: day,
		Label: form["label"], Comment: form["comment"]}
	if err := s.store.CreateSchoolEvaluations(students, e, actorOf(c).ID); err != nil {
		return err
	}
	s.flash(c, "Évaluation enregistrée pour "+plural(len(students), "apprenant")+".")
	return c.Redirect(schoolEvalPath, fiber.StatusSeeOther)
}

// schoolEvaluationDelete removes an evaluation entered by mistake.
func (s *Server) schoolEvaluationDelete(c *fiber.Ctx) error {
	if _, err := s.store.Find("school_evaluations", c.Params("id")); err != nil {
		return pfmp.NotFound("Cette évaluation n'existe pas (ou plus).")
	}
	if err := s.store.Delete("school_evaluations", c.Params("id")); err != nil {
		return err
	}
	s.flash(c, "Évaluation supprimée.")
	return c.Redirect(schoolEvalPath, fiber.StatusSeeOther)
}

// checkDay reads a required date of a form, its message under "date".
func checkDay(fe pfmp.FieldErrors, v string) time.Time {
	if err := pfmp.Required(v, "Date"); err != nil {
		fe.Add("date", err)
		return time.Time{}
	}
	day, err := pfmp.ParseDate(v)
	fe.Add("date", err)
	return day
}

func competenceExists(comps []*dossier.Competence, id string) bool {
	for _, c := range comps {
		if c.ID == id && strings.TrimSpace(id) != "" {
			return true
		}
		for _, s := range c.Subs {
			if s.ID == id {
				return true
			}
		}
	}
	return false
}
