package web

// « Mes évaluations »: the student's saved bilans, period by period (read-only pages), and the
// way to the tableau de bord.

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// myEvaluationsView is the student's page: his periods and their evaluations.
type myEvaluationsView struct {
	Page
	Rows []evaluationsRow
}

// evaluationsRow is one period of the list with its evaluations.
type evaluationsRow struct {
	PlacementID, Period, Info, Company string
	Links                              []reviewLink
}

func (s *Server) myEvaluations(c *fiber.Ctx) error {
	a := actorOf(c)
	rows, err := s.store.EvaluationsOfStudent(a.ID)
	if err != nil {
		return err
	}
	// the student reads a bilan once saved: the policy's rule, asked as his dossier's menu does
	readable := func(saved bool) bool {
		return pfmp.Can(a, pfmp.ReadReviews, pfmp.PlacementAccess{StudentID: a.ID, ReviewSaved: saved})
	}
	out := make([]evaluationsRow, len(rows))
	for i, r := range rows {
		v := evaluationsRow{PlacementID: r.PlacementID, Period: r.PeriodName, Company: r.Company,
			Info: r.PeriodKind().Label() + " · du " + pfmp.FormatShort(r.Start.Time()) + " au " + pfmp.FormatShort(r.End.Time())}
		base := "/dossiers/" + r.PlacementID + "/"
		for _, rv := range r.PeriodKind().Reviews() {
			l := reviewLink{Label: reviewLabels[rv]}
			href := base + reviewSlugs[rv]
			switch rv {
			case pfmp.ReviewCompany:
				if readable(!r.CompanySaved.IsZero()) {
					l.Href, l.State = href, "rencontre du "+pfmp.FormatShort(r.Meeting.Time())
				}
			case pfmp.ReviewCertificative:
				if readable(!r.CompanySaved.IsZero()) {
					l.Href, l.State = href, "évaluation du "+pfmp.FormatShort(r.Meeting.Time())
				}
			case pfmp.ReviewAttitudes:
				if readable(!r.Attitudes.IsZero()) {
					l.Href, l.State = href, "enregistré"
				}
			case pfmp.ReviewSelf:
				l.Label, l.Href = "Mon bilan personnel", href
				l.State, l.Muted = savedState(!r.Self.IsZero(), true)
			}
			if l.Href == "" && l.State == "" {
				l.State, l.Muted = "pas encore disponible", true
			}
			v.Links = append(v.Links, l)
		}
		out[i] = v
	}
	return s.page(c, fiber.StatusOK, "reviews/mine", "Mes évaluations", &myEvaluationsView{Rows: out})
}
