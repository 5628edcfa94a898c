package web

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// dossier is a placement (one student, one period) with what the policy needed to allow it.
type dossier struct {
	Placement *core.Record
	Period    *core.Record
	Student   *core.Record
	Access    pfmp.PlacementAccess
}

// loadPlacement is the one door to a placement: it loads it from the :id route parameter and
// asks the policy. Someone who may not see the dossier at all gets 404 (its existence is not
// theirs to know); someone who may see it but not do act gets 403.
func (s *Server) loadPlacement(c *fiber.Ctx, act pfmp.Action) (*dossier, error) {
	return s.loadPlacementID(c, c.Params("id"), act)
}

// loadPlacementID is loadPlacement for routes that name the placement otherwise.
func (s *Server) loadPlacementID(c *fiber.Ctx, id string, act pfmp.Action) (*dossier, error) {
	a := actorOf(c)
	p, err := s.app.FindRecordById("placements", id)
	if err != nil {
		return nil, pfmp.NotFound("Ce dossier n'existe pas (ou plus).")
	}
	d := &dossier{Placement: p, Access: pfmp.PlacementAccess{StudentID: p.GetString("student")}}
	if a.IsCompany() {
		d.Access.Granted = s.hasGrant(a.ID, p.Id)
	}
	if !pfmp.Can(a, pfmp.ViewDossier, d.Access) {
		return nil, pfmp.NotFound("Ce dossier n'existe pas (ou plus).")
	}
	if !pfmp.Can(a, act, d.Access) {
		return nil, pfmp.Forbidden("Vous ne pouvez pas faire cela sur ce dossier.")
	}
	if errs := s.app.ExpandRecord(p, []string{"period", "student"}, nil); len(errs) > 0 {
		return nil, pfmp.NotFound("Ce dossier est incomplet.")
	}
	d.Period, d.Student = p.ExpandedOne("period"), p.ExpandedOne("student")
	return d, nil
}

// hasGrant reports whether a tutor or master holds a live grant on the placement.
func (s *Server) hasGrant(tutorID, placementID string) bool {
	var n int
	err := s.app.DB().NewQuery(`SELECT COUNT(*) FROM tutor_access WHERE tutor = {:t}
		AND placement = {:p} AND revoked = FALSE AND expires > {:now}`).
		Bind(dbx.Params{"t": tutorID, "p": placementID, "now": s.nowDB()}).Row(&n)
	return err == nil && n > 0
}

// nowDB is the current instant in PocketBase's stored date format, for SQL comparisons.
func (s *Server) nowDB() string {
	return s.cfg.Now().UTC().Format("2006-01-02 15:04:05.000Z")
}
