package web

// « Ouvrir pour imprimer la pré-convention pour tous »: the sections common to a period's
// students, typed once, then every student's pré-convention printed in the background as ONE
// PDF (one section per student), which the page polls (see impressions.go).

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
	"livret/pfmp"
)

const periodPreconventionSaved = "Textes communs enregistrés : ils s'impriment sur la pré-convention de chaque élève qui ne les a pas modifiés."

func periodPreconventionURL(id string) string { return "/periodes/" + id + "/preconvention" }

// periodPreconventionPage shows the common sections' form, the students and the print button.
func (s *Server) periodPreconventionPage(c *fiber.Ctx) error {
	rec, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	data, err := s.periodPreconventionData(c, row, dossier.PeriodPreconvention(rec), periodSeen(c, rec))
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "preconvention/period", "Pré-conventions — "+row.Name, data)
}

// periodPreconventionSave stores the common sections. A locked period keeps its parameters
// (409, with the lock's reason); too long a text comes back with what was typed (422).
func (s *Server) periodPreconventionSave(c *fiber.Ctx) error {
	rec, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	typed := sectionValues(c)
	err = pfmp.CheckSections(typed)
	if err == nil && row.Locked() {
		err = pfmp.Conflict(row.LockMessage())
	}
	if err == nil {
		err = s.store.SavePeriodPreconvention(rec.Id, c.FormValue(seenField), typed)
		if msg, locked := lockRefusal(err); locked {
			err = pfmp.Conflict(msg)
		}
	}
	if isFormError(err) {
		data, derr := s.periodPreconventionData(c, row, typed, periodSeen(c, rec))
		if derr != nil {
			return derr
		}
		return s.invalid(c, "preconvention/period", "Pré-conventions — "+row.Name, data, err)
	}
	if err != nil {
		return err
	}
	s.flash(c, periodPreconventionSaved)
	return c.Redirect(periodPreconventionURL(rec.Id), fiber.StatusSeeOther)
}

// periodPreconventionPrint starts the period's print and answers at once with its progress page.
func (s *Server) periodPreconventionPrint(c *fiber.Ctx) error {
	_, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	page := periodPreconventionURL(row.ID)
	if err := s.printable(); err != nil {
		return s.printFailed(c, err, page+"/apercu", page)
	}
	sheets, err := s.store.PrintSheetsOfPeriod(row.ID)
	if err != nil {
		return err
	}
	if len(sheets) == 0 {
		return pfmp.Conflict("Aucun apprenant n'est affecté à cette période : il n'y a rien à imprimer.")
	}
	doc, err := s.preconventionsDoc(sheets...)
	if err != nil {
		return err
	}
	id, err := s.prints.Start(actorOf(c).ID, periodPreconventionsFileName(row.Name), doc)
	if err != nil {
		return s.printFailed(c, err, page+"/apercu", page)
	}
	return c.Redirect(batchURL(id), fiber.StatusSeeOther)
}

// periodPreconventionView is every pré-convention of the period in HTML, for the browser.
func (s *Server) periodPreconventionView(c *fiber.Ctx) error {
	_, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	sheets, err := s.store.PrintSheetsOfPeriod(row.ID)
	if err != nil {
		return err
	}
	if len(sheets) == 0 {
		return pfmp.NotFound("Aucun apprenant n'est affecté à cette période.")
	}
	doc, err := s.preconventionsDoc(sheets...)
	if err != nil {
		return err
	}
	return sendPrintView(c, doc)
}

// periodSeen is the version the common sections' form carries: the one it was posted with, else
// the stored one.
func periodSeen(c *fiber.Ctx, rec *core.Record) string {
	if seen := c.FormValue(seenField); seen != "" {
		return seen
	}
	return dossier.PeriodPreconventionVersion(rec)
}

// periodPreconventionView is a period's pré-convention: the common sections' form, the students.
type periodPreconventionView struct {
	Page
	Row      *dossier.PeriodRow
	URL      string
	Sections []pfmp.Section
	Form     map[string]string // the sections' texts: what was typed after a refusal
	Seen     string            // the stored texts' stamp when the form was shown
	MaxText  int
	Students []dossier.StudentRow
	Back     string
}

func (s *Server) periodPreconventionData(c *fiber.Ctx, row *dossier.PeriodRow, form map[string]string, seen string) (*periodPreconventionView, error) {
	students, err := s.store.StudentsOfPeriod(row.ID)
	if err != nil {
		return nil, err
	}
	return &periodPreconventionView{Row: row, URL: periodPreconventionURL(row.ID), Sections: pfmp.PreconventionSections,
		Form: form, Seen: seen, MaxText: pfmp.MaxSectionText, Students: students, Back: periodHref(row)}, nil
}
