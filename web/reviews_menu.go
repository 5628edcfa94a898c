package web

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// reviewLink is one evaluation of a dossier in its menu: where it is, and its state.
type reviewLink struct {
	Label, Href string
	State       string // a short badge ("à remplir", "enregistré"…); empty for none
	Muted       bool   // the badge says nothing is there yet
}

// reviewSlugs are the evaluations' addresses within a dossier's (/dossiers/<id>/<slug>).
var reviewSlugs = map[pfmp.Review]string{pfmp.ReviewSelf: selfSlug, pfmp.ReviewAttitudes: attitudesSlug,
	pfmp.ReviewCompany: companySlug, pfmp.ReviewCertificative: gridSlug}

// reviewLinks lists the evaluations the dossier's period collects (pfmp.Kind.Reviews), each
// linked when the actor may open it.
func (s *Server) reviewLinks(c *fiber.Ctx, d *openDossier) ([]reviewLink, error) {
	a := actorOf(c)
	var out []reviewLink
	for _, r := range d.Period.Kind().Reviews() {
		switch r {
		case pfmp.ReviewSelf:
			self, err := s.store.SelfReview(d.ID())
			if err != nil {
				return nil, err
			}
			l := reviewLink{Label: "Bilan personnel", Href: reviewURL(d, reviewSlugs[r])}
			l.State, l.Muted = savedState(self != nil, pfmp.IsOwner(a, d.Access))
			out = append(out, l)
		case pfmp.ReviewAttitudes:
			saved, err := s.attitudesSaved(d)
			if err != nil {
				return nil, err
			}
			out = append(out, s.evaluationLink(a, d, r, reviewSlugs[r], saved))
		case pfmp.ReviewCompany, pfmp.ReviewCertificative:
			saved, err := s.companySaved(d)
			if err != nil {
				return nil, err
			}
			out = append(out, s.evaluationLink(a, d, r, reviewSlugs[r], saved))
		}
	}
	return out, nil
}

// evaluationLink links an evaluation made by the school and the company: the student reads it
// once saved, the others whenever the policy lets them.
func (s *Server) evaluationLink(a *pfmp.Actor, d *openDossier, r pfmp.Review, slug string, saved bool) reviewLink {
	l := reviewLink{Label: reviewLabels[r]}
	access := d.Access
	access.ReviewSaved = saved
	if pfmp.Can(a, pfmp.ReadReviews, access) {
		l.Href = reviewURL(d, slug)
	}
	l.State, l.Muted = savedState(saved, pfmp.Can(a, pfmp.EditReviews, access))
	return l
}

var reviewLabels = map[pfmp.Review]string{
	pfmp.ReviewAttitudes:     "Bilan des attitudes professionnelles",
	pfmp.ReviewCompany:       "Bilan entreprise",
	pfmp.ReviewCertificative: "Grille d'évaluation certificative",
}

// savedState is the badge of an evaluation: saved, or to be filled (by the viewer, or by
// someone else).
func savedState(saved, mine bool) (string, bool) {
	switch {
	case saved:
		return "enregistré", false
	case mine:
		return "à remplir", true
	}
	return "pas encore rempli", true
}
