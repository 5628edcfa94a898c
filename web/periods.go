package web

import (
	"html/template"

	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// periodsIndex is the "Vue par périodes": a tab per level, the level's periods of one school
// year (the current one unless ?annee= names another), the chosen one's students. Its content
// holds nothing personal, so it is cached until a write to what it shows (see viewCache), and
// for the day only: a bilan intermédiaire planned for tomorrow locks its periods then.
func (s *Server) periodsIndex(c *fiber.Ctx) error {
	level := pfmp.Level(c.Query("niveau", string(pfmp.Levels()[0])))
	if !level.Valid() {
		return pfmp.NotFound("Niveau de classe inconnu.")
	}
	year := pfmp.SchoolYearOf(s.cfg.Now())
	if y := c.QueryInt("annee"); y > 2000 && y < 3000 {
		year = pfmp.SchoolYear(y)
	}
	key := "periods:" + pfmp.ISODate(s.cfg.Now()) + ":" + string(level) + ":" + year.Label() + ":" + c.Query("periode")
	html, err := s.cache.render(key, func() (template.HTML, error) {
		page, err := s.periodsPage(level, year, c.Query("periode"))
		if err != nil {
			return "", err
		}
		return s.renderHTML("periods/index", page)
	})
	if err != nil {
		return err
	}
	return s.layout(c, fiber.StatusOK, html, s.common(c, "Vue par périodes", nil))
}

// periodStudents is the right-hand panel alone, swapped in when a period is chosen.
func (s *Server) periodStudents(c *fiber.Ctx) error {
	if !isFragment(c) {
		sel, err := s.store.PeriodRowByID(c.Params("id"))
		if err != nil {
			return err
		}
		return c.Redirect(periodHref(sel), fiber.StatusSeeOther)
	}
	html, err := s.cache.render("panel:"+pfmp.ISODate(s.cfg.Now())+":"+c.Params("id"), func() (template.HTML, error) {
		sel, err := s.store.PeriodRowByID(c.Params("id"))
		if err != nil {
			return "", err
		}
		panel, err := s.periodPanel(sel)
		if err != nil {
			return "", err
		}
		return s.renderHTML("periods/students", panel)
	})
	if err != nil {
		return err
	}
	c.Vary("HX-Request")
	return c.Type("html", "utf-8").SendString(string(html))
}
