package web

// « Évaluations certificatives »: the certification grids of the periods E31 and E33, by class
// and period, for teachers.

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// certificativesView is the page: the grids to fill, by class and period.
type certificativesView struct {
	Page
	Classes []gridClass
}

type gridClass struct {
	Name    string
	Periods []gridPeriod
}

type gridPeriod struct {
	Name, Info string
	Students   []gridStudent
}

type gridStudent struct {
	Name, Href, State, Evaluators string
	Saved                         bool
}

func (s *Server) certificativeIndex(c *fiber.Ctx) error {
	rows, err := s.store.CertificativeGrids()
	if err != nil {
		return err
	}
	var classes []gridClass
	lastPeriod := ""
	for _, r := range rows {
		if len(classes) == 0 || classes[len(classes)-1].Name != r.ClassName {
			classes = append(classes, gridClass{Name: r.ClassName})
			lastPeriod = ""
		}
		cl := &classes[len(classes)-1]
		if r.PeriodID != lastPeriod {
			cl.Periods = append(cl.Periods, gridPeriod{Name: r.PeriodName,
				Info: pfmp.Kind(r.Kind).Label() + " · à partir du " + pfmp.FormatShort(r.Start.Time())})
			lastPeriod = r.PeriodID
		}
		st := gridStudent{Name: r.FirstName + " " + pfmp.FamilyName(r.LastName), Href: "/dossiers/" + r.Placement + "/" + gridSlug,
			Evaluators: r.Evaluators, Saved: !r.SavedAt.IsZero(), State: "à remplir"}
		if st.Saved {
			st.State = "évaluée le " + pfmp.FormatShort(r.Date.Time())
		}
		p := &cl.Periods[len(cl.Periods)-1]
		p.Students = append(p.Students, st)
	}
	return s.page(c, fiber.StatusOK, "reviews/certificatives", "Évaluations certificatives", &certificativesView{Classes: classes})
}
