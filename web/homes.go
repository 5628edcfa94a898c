package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// placementRow is one dossier as listed on a student's or a tutor's home page.
type placementRow struct {
	ID         string         `db:"id"`
	PeriodName string         `db:"period_name"`
	Kind       string         `db:"kind"`
	Start      types.DateTime `db:"start"`
	End        types.DateTime `db:"end"`
	Student    string         `db:"student_name"`
	Company    string         `db:"company_name"`
	Unread     int            `db:"unread"`
}

const placementSelect = `
	SELECT pl.id, pe.name AS period_name, pe.kind, pe.start, pe.end,
		u.first_name || ' ' || UPPER(u.last_name) AS student_name, pl.company_name,
		(SELECT COUNT(*) FROM comments c WHERE c.placement = pl.id AND c.read_at = '') AS unread
	FROM placements pl JOIN periods pe ON pe.id = pl.period JOIN users u ON u.id = pl.student `

// studentHome lists the student's own periods, newest first.
func (s *Server) studentHome(c *fiber.Ctx) error {
	var rows []placementRow
	err := s.app.DB().NewQuery(placementSelect + `WHERE pl.student = {:me} ORDER BY pe.start DESC`).
		Bind(dbx.Params{"me": actorOf(c).ID}).All(&rows)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "home/student", "Mes périodes en entreprise", fiber.Map{"Placements": rows})
}

// companyHome lists the placements a tutor or master holds a live grant on.
func (s *Server) companyHome(c *fiber.Ctx) error {
	var rows []placementRow
	err := s.app.DB().NewQuery(placementSelect + `JOIN tutor_access ta ON ta.placement = pl.id
		WHERE ta.tutor = {:me} AND ta.revoked = FALSE AND ta.expires > {:now}
		ORDER BY pe.start DESC`).
		Bind(dbx.Params{"me": actorOf(c).ID, "now": s.nowDB()}).All(&rows)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "home/company", "Mes apprenants", fiber.Map{"Placements": rows})
}

// dossier is a placement's menu: everything in the student's file for that period.
func (s *Server) dossier(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.ViewDossier)
	if err != nil {
		return err
	}
	kind := pfmp.Kind(d.Period.GetString("kind"))
	return s.page(c, fiber.StatusOK, "home/dossier", "Dossier", fiber.Map{
		"D": d, "Kind": kind, "Weeks": len(pfmp.Weeks(d.Period.GetDateTime("start").Time(), d.Period.GetDateTime("end").Time())),
	})
}
