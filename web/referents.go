package web

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// referentsSave names a dossier's referent teachers, from the period's student tab.
func (s *Server) referentsSave(c *fiber.Ctx) error {
	d, err := s.loadPlacementID(c, c.Params("pid"), pfmp.ChooseReferents)
	if err != nil {
		return err
	}
	if d.Placement.PeriodID() != c.Params("id") {
		return pfmp.NotFound(pfmp.MsgNoDossier)
	}
	if err := s.store.SetReferents(d.ID(), formList(c, "referents")); err != nil {
		if !isFormError(err) {
			return err
		}
		rec, row, ferr := s.findPeriod(c)
		if ferr != nil {
			return ferr
		}
		return s.periodEditForm(c, "apprenants", rec, row, periodTyped{form: map[string]string{}}, err)
	}
	s.flash(c, "Professeurs référents enregistrés pour "+d.Student.FullName()+".")
	return c.Redirect("/periodes/"+c.Params("id")+"/modifier?onglet=apprenants", fiber.StatusSeeOther)
}

// referentsTabData adds, for the student tab, each dossier's referents and the teachers to
// choose them from.
func (s *Server) referentsTabData(periodID string, data *periodEditView) error {
	referents, err := s.store.ReferentsOfPeriod(periodID)
	if err != nil {
		return err
	}
	teachers, err := s.store.Teachers()
	chosen := map[string]map[string]bool{}
	for placement, people := range referents {
		chosen[placement] = map[string]bool{}
		for _, p := range people {
			chosen[placement][p.ID] = true
		}
	}
	data.Referents, data.ReferentIDs, data.Teachers = referents, chosen, teachers
	return err
}
