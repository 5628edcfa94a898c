package web

import (
	"html/template"

	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// periodsIndex is the "Vue par périodes": a tab per level, the level's periods of one school
// year (the current one unless ?annee= names another), the chosen one's students — all, or
// with ?mes=1 the teacher's own. It is cached until a write to what it shows (see viewCache),
// keyed by whose students it shows and by the hour: a bilan intermédiaire planned for tomorrow
// locks its periods then, a tutor's link expires on its own.
func (s *Server) periodsIndex(c *fiber.Ctx) error {
	level := pfmp.Level(c.Query("niveau", string(pfmp.Levels()[0])))
	if !level.Valid() {
		return pfmp.NotFound("Niveau de classe inconnu.")
	}
	year := pfmp.SchoolYearOf(s.cfg.Now())
	if y := c.QueryInt("annee"); y > 2000 && y < 3000 {
		year = pfmp.SchoolYear(y)
	}
	mine := s.mineOf(c)
	key := "periods:" + string(level) + ":" + year.Label() + ":" + c.Query("periode") + s.panelKey(mine)
	html, err := s.cache.render(key, func() (template.HTML, error) {
		page, err := s.periodsPage(level, year, c.Query("periode"), mine)
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
	mine := s.mineOf(c)
	html, err := s.cache.render("panel:"+c.Params("id")+s.panelKey(mine), func() (template.HTML, error) {
		sel, err := s.store.PeriodRowByID(c.Params("id"))
		if err != nil {
			return "", err
		}
		panel, err := s.periodPanel(sel, mine)
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

// mineOf is the teacher whose students only the panel shows (« Mes élèves »), "" for all.
func (s *Server) mineOf(c *fiber.Ctx) string {
	if c.Query(mineParam) == "" {
		return ""
	}
	return actorOf(c).ID
}

// panelKey completes a cached panel's key: whose students it shows, and the hour, since a
// tutor's link expires with time and no write tells the cache.
func (s *Server) panelKey(mine string) string {
	return ":" + mine + ":" + s.cfg.Now().UTC().Format("2006010215")
}
