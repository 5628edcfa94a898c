package web

import (
	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// openDossier is a dossier (one student, one period) with what the policy needed to allow it.
type openDossier struct {
	*dossier.Dossier
	Access pfmp.PlacementAccess
}

// loadPlacement is the one door to a placement: it loads it from the :id route parameter and
// asks the policy. Someone who may not see the dossier at all gets 404 (its existence is not
// theirs to know); someone who may see it but not do act gets 403.
func (s *Server) loadPlacement(c *fiber.Ctx, act pfmp.Action) (*openDossier, error) {
	return s.loadPlacementID(c, c.Params("id"), act)
}

// loadPlacementID is loadPlacement for routes that name the placement otherwise.
func (s *Server) loadPlacementID(c *fiber.Ctx, id string, act pfmp.Action) (*openDossier, error) {
	a := actorOf(c)
	d, err := s.store.Load(id)
	if err != nil {
		return nil, err
	}
	access := pfmp.PlacementAccess{StudentID: d.Placement.StudentID(),
		Granted: pfmp.CompanyReaches(a, id, d.Student.MasterID(), s.cfg.Now())}
	if !pfmp.Can(a, pfmp.ViewDossier, access) {
		return nil, pfmp.NotFound(pfmp.MsgNoDossier)
	}
	if !pfmp.Can(a, act, access) {
		return nil, pfmp.Forbidden(pfmp.MsgDossierDenied)
	}
	return &openDossier{Dossier: d, Access: access}, nil
}
