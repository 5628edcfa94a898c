package web

import (
	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// periodDeleteView asks before deleting a period, or says why it cannot be.
type periodDeleteView struct {
	Page
	Period *dossier.PeriodRow
}

// placementRemoveView asks before taking a student off a period.
type placementRemoveView struct {
	Page
	Dossier *openDossier
	Period  *dossier.PeriodRow
}

// periodDeleteConfirm says plainly what deleting the period destroys, or why it cannot.
func (s *Server) periodDeleteConfirm(c *fiber.Ctx) error {
	_, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "periods/delete", "Supprimer la période", &periodDeleteView{Period: row})
}

// periodDelete removes the period and, by cascade, every student's dossier for it.
func (s *Server) periodDelete(c *fiber.Ctx) error {
	rec, row, err := s.findPeriod(c)
	if err != nil {
		return err
	}
	if row.Locked() {
		return pfmp.Conflict(row.LockMessage())
	}
	if err := s.store.Delete("periods", rec.Id); err != nil {
		return err
	}
	s.flash(c, "Période « "+row.Name+" » supprimée, avec les portfolios de ses apprenants.")
	return c.Redirect("/periodes?niveau="+row.Level, fiber.StatusSeeOther)
}

// placementRemoveConfirm asks before taking one student off a period.
func (s *Server) placementRemoveConfirm(c *fiber.Ctx) error {
	d, row, err := s.periodPlacement(c)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "periods/remove", "Retirer un apprenant", &placementRemoveView{Dossier: d, Period: row})
}

// placementRemove deletes that student's dossier for the period.
func (s *Server) placementRemove(c *fiber.Ctx) error {
	d, row, err := s.periodPlacement(c)
	if err != nil {
		return err
	}
	if row.Locked() {
		return pfmp.Conflict(row.LockMessage())
	}
	if err := s.store.Delete("placements", d.ID()); err != nil {
		return err
	}
	s.flash(c, d.Student.GetString("first_name")+" "+pfmp.FamilyName(d.Student.GetString("last_name"))+
		" retiré(e) de la période ; son dossier est supprimé.")
	return c.Redirect("/periodes/"+row.ID+"/modifier?onglet=apprenants", fiber.StatusSeeOther)
}

// periodPlacement loads the period (:id) and one of its dossiers (:pid) through the policy.
func (s *Server) periodPlacement(c *fiber.Ctx) (*openDossier, *dossier.PeriodRow, error) {
	row, err := s.store.PeriodRowByID(c.Params("id"))
	if err != nil {
		return nil, nil, err
	}
	d, err := s.loadPlacementID(c, c.Params("pid"), pfmp.ViewDossier)
	if err != nil {
		return nil, nil, err
	}
	if d.Period.Id != row.ID {
		return nil, nil, pfmp.NotFound("Cet apprenant n'est pas affecté à cette période.")
	}
	return d, row, nil
}
