package web

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// studentPlacement is one of the student's periods, marked when under way.
// studentHomeView is a student's home: his periods, the one under way marked.
type studentHomeView struct {
	Page
	Placements []studentPlacement
	MyData     myDataView // « Mes données »: the student's archive
}

// companyHomeView is a tutor's or a master's home: the dossiers he may open.
type companyHomeView struct {
	Page
	Placements []dossier.PlacementRow
	Expires    map[string]time.Time // a tutor's link's end, by placement
}

// dossierView is a dossier's menu.
type dossierView struct {
	Page
	Dossier          *openDossier
	Kind             pfmp.Kind
	Weeks            int
	Reviews          []reviewLink
	CanPreconvention bool
	CanAttestation   bool
}

type studentPlacement struct {
	dossier.PlacementRow
	UnderWay bool
	DaysLeft string // « encore 3 jours », « dernier jour »
}

// studentHome lists the student's own periods, newest first, the one under way marked.
func (s *Server) studentHome(c *fiber.Ctx) error {
	rows, err := s.store.PlacementsOfStudent(actorOf(c).ID)
	if err != nil {
		return err
	}
	list := make([]studentPlacement, len(rows))
	for i, r := range rows {
		list[i].PlacementRow = r
		if left, ok := pfmp.UnderWay(r.Start.Time(), r.End.Time(), s.cfg.Now()); ok {
			list[i].UnderWay, list[i].DaysLeft = true, pfmp.DaysLeftLabel(left)
		}
	}
	data, err := s.myDataView(actorOf(c).ID)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "home/student", "Mes périodes en entreprise", &studentHomeView{Placements: list, MyData: data})
}

// companyHome lists what a tutor's session or a master's apprentices open: the students and
// periods, with their referent teachers and, for a tutor, how long each link stays valid.
func (s *Server) companyHome(c *fiber.Ctx) error {
	a := actorOf(c)
	var rows []dossier.PlacementRow
	var err error
	expires := map[string]time.Time{}
	if a.Role == pfmp.RoleMaster {
		rows, err = s.store.PlacementsOfMaster(a.ID)
	} else {
		var ids []string
		for _, g := range a.LiveGrants(s.cfg.Now()) {
			ids, expires[g.Placement] = append(ids, g.Placement), g.Expires
		}
		rows, err = s.store.PlacementsByIDs(ids)
	}
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "home/company", "Mes apprenants", &companyHomeView{Placements: rows, Expires: expires})
}

// dossier is a placement's menu: everything in the student's file for that period.
func (s *Server) dossier(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.ViewDossier)
	if err != nil {
		return err
	}
	kind := pfmp.Kind(d.Period.GetString("kind"))
	reviews, err := s.reviewLinks(c, d)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "home/dossier", "Dossier", &dossierView{
		Dossier: d, Kind: kind, Weeks: len(d.Period.Weeks()), Reviews: reviews,
		CanPreconvention: pfmp.Can(actorOf(c), pfmp.PrintPreconvention, d.Access),
		CanAttestation:   pfmp.Can(actorOf(c), pfmp.Print, d.Access),
	})
}
