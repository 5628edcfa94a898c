package web

import (
	"html/template"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// periodsIndex is the "Vue par périodes": a tab per level, its periods, the chosen one's students.
// Its content holds nothing personal, so it is cached until the next write (see viewCache).
func (s *Server) periodsIndex(c *fiber.Ctx) error {
	level := pfmp.Level(c.Query("niveau", string(pfmp.Levels()[0])))
	if !level.Valid() {
		return pfmp.NotFound("Niveau de classe inconnu.")
	}
	data := s.common(c, "Vue par périodes", nil)
	html, err := s.cache.render("periods:"+string(level)+":"+c.Query("periode"), func() (template.HTML, error) {
		if err := s.periodsData(level, c.Query("periode"), data); err != nil {
			return "", err
		}
		return s.renderHTML("periods/index", data)
	})
	if err != nil {
		return err
	}
	return s.layout(c, fiber.StatusOK, html, data)
}

// periodsData reads the level's periods and, when one is chosen, its students.
func (s *Server) periodsData(level pfmp.Level, chosen string, data fiber.Map) error {
	periods, err := s.store.PeriodsOfLevel(level)
	if err != nil {
		return err
	}
	data["Level"], data["Levels"], data["Periods"] = string(level), pfmp.Levels(), periods
	if sel := selectedPeriod(periods, chosen); sel != nil {
		students, err := s.store.StudentsOfPeriod(sel.ID)
		if err != nil {
			return err
		}
		data["Period"], data["Students"] = sel, students
	}
	return nil
}

// periodStudents is the right-hand panel alone, swapped in when a period is chosen.
func (s *Server) periodStudents(c *fiber.Ctx) error {
	if !isFragment(c) {
		sel, err := s.store.PeriodRowByID(c.Params("id"))
		if err != nil {
			return err
		}
		return c.Redirect("/periodes?niveau="+sel.Level+"&periode="+sel.ID, fiber.StatusSeeOther)
	}
	html, err := s.cache.render("panel:"+c.Params("id"), func() (template.HTML, error) {
		sel, err := s.store.PeriodRowByID(c.Params("id"))
		if err != nil {
			return "", err
		}
		students, err := s.store.StudentsOfPeriod(sel.ID)
		if err != nil {
			return "", err
		}
		return s.renderHTML("periods/students", fiber.Map{"Period": sel, "Students": students})
	})
	if err != nil {
		return err
	}
	c.Vary("HX-Request")
	return c.Type("html", "utf-8").SendString(string(html))
}

func selectedPeriod(periods []dossier.PeriodRow, id string) *dossier.PeriodRow {
	for i := range periods {
		if periods[i].ID == id {
			return &periods[i]
		}
	}
	return nil
}
