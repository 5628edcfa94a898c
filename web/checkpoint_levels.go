package web

// A bilan intermédiaire's content: each competence's level at its date (computed from the
// evaluations it takes into account when it was recorded), which a teacher may adjust with a
// short justification.

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const checkpointPageTitle = "Bilan intermédiaire de compétences"

// checkpointView is a bilan intermédiaire: its student and each competence's level.
type checkpointView struct {
	Page
	Checkpoint *dossier.Checkpoint
	Student    string
	Lines      []checkpointLine
	Levels     []pfmp.Rating
}

// checkpointLine is one competence of the bilan.
type checkpointLine struct {
	Code, Label          string
	Computed, Retained   levelView
	Adjusted             bool
	Reason, By, At, Sent string
	Seen                 string // the adjustment's stamp as shown, for the save's check
	SentLevel, Err       string
}

func (s *Server) checkpointShow(c *fiber.Ctx) error {
	return s.checkpointPage(c, fiber.StatusOK, nil)
}

func (s *Server) checkpointPage(c *fiber.Ctx, status int, refused map[string]string) error {
	cp, err := s.store.Checkpoint(c.Params("id"))
	if err != nil {
		return err
	}
	comps, err := s.store.Competences()
	if err != nil {
		return err
	}
	computed, adjusted := cp.Computed(), cp.Adjusted()
	var authors []string
	for _, a := range adjusted {
		authors = append(authors, a.By)
	}
	names := s.store.UserNames(authors...) // one query, not one per adjusted line
	lines := make([]checkpointLine, len(comps))
	for i, comp := range comps {
		level, isAdj := cp.Level(comp.Code)
		l := checkpointLine{Code: comp.Code, Label: comp.Label, Computed: levelOf(computed[comp.Code], false),
			Retained: levelOf(level, false), Adjusted: isAdj}
		if a, ok := adjusted[comp.Code]; ok {
			l.Reason, l.By, l.At, l.Seen = a.Reason, names[a.By], pfmp.FormatDateTime(a.At), a.Stamp()
		}
		if msg, ok := refused[comp.Code]; ok {
			l.Err, l.Sent, l.SentLevel = msg, strings.TrimSpace(c.FormValue("reason")), c.FormValue("level")
		}
		lines[i] = l
	}
	data := &checkpointView{Checkpoint: cp, Student: s.store.UserName(cp.GetString("student")), Lines: lines,
		Levels: pfmp.Ratings()}
	if status != fiber.StatusOK {
		data.Error = "L'ajustement n'a pas été enregistré."
	}
	return s.page(c, status, "checkpoints/show", checkpointPageTitle, data)
}

// checkpointAdjust sets (or, with no level, removes) a teacher's level for one competence.
func (s *Server) checkpointAdjust(c *fiber.Ctx) error {
	cp, err := s.store.Checkpoint(c.Params("id"))
	if err != nil {
		return err
	}
	code, level := c.FormValue("code"), c.FormValue("level")
	reason := strings.TrimSpace(c.FormValue("reason"))
	comps, err := s.store.Competences()
	if err != nil {
		return err
	}
	if msg := checkAdjustment(comps, code, level, reason); msg != "" {
		if !isTopCompetence(comps, code) {
			return pfmp.NotFound("Cette compétence n'existe pas.")
		}
		return s.checkpointPage(c, fiber.StatusUnprocessableEntity, map[string]string{code: msg})
	}
	if err := s.store.AdjustCheckpoint(cp.Id, code, level, reason, actorOf(c).ID, c.FormValue("vu")); err != nil {
		if pfmp.KindOf(err) != pfmp.ErrConflict {
			return err
		}
		return s.checkpointPage(c, fiber.StatusConflict, map[string]string{code: pfmp.Message(err)})
	}
	s.flash(c, "Niveau de "+code+" enregistré.")
	return c.Redirect("/bilans-intermediaires/"+cp.Id+"#c-"+code, fiber.StatusSeeOther)
}

// checkAdjustment: a competence of the référentiel, a level on the scale (or none, to go back
// to the computed one) and, for a level, a short justification.
func checkAdjustment(comps []*dossier.Competence, code, level, reason string) string {
	switch {
	case !isTopCompetence(comps, code):
		return "Cette compétence n'existe pas."
	case level != "" && !pfmp.ValidRating(level):
		return "Choisissez un niveau : 4, 3, 2, 1, 0 ou NE."
	case level != "" && reason == "":
		return "Justifiez l'ajustement en quelques mots."
	}
	if err := pfmp.MaxLen(reason, 255, "Justification"); err != nil {
		return err.Error()
	}
	return ""
}

func isTopCompetence(comps []*dossier.Competence, code string) bool {
	for _, c := range comps {
		if c.Code == code {
			return true
		}
	}
	return false
}
