package web

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// msgReviewNotSaved answers a student who opens an evaluation nobody has saved yet.
const msgReviewNotSaved = "Ce bilan n'a pas encore été enregistré : vous pourrez le lire ici une fois rempli."

// loadReview opens a dossier for one of its evaluations, through loadPlacement: it must belong
// to the period's kind (else 404), and the policy is told whether it was saved (a student
// reads his own only then).
func (s *Server) loadReview(c *fiber.Ctx, r pfmp.Review, act pfmp.Action, saved func(*openDossier) (bool, error)) (*openDossier, error) {
	d, err := s.loadPlacement(c, pfmp.ViewDossier)
	if err != nil {
		return nil, err
	}
	if !d.Period.Kind().Has(r) {
		return nil, pfmp.NotFound("Cette période n'a pas ce bilan.")
	}
	if d.Access.ReviewSaved, err = saved(d); err != nil {
		return nil, err
	}
	a := actorOf(c)
	switch {
	case pfmp.Can(a, act, d.Access):
		return d, nil
	case pfmp.IsOwner(a, d.Access) && !d.Access.ReviewSaved:
		return nil, pfmp.Forbidden(msgReviewNotSaved)
	}
	return nil, pfmp.Forbidden(pfmp.MsgDossierDenied)
}
