package web

// « Bilan entreprise » of a dossier (periods P2 and autre) and its sibling the certification grid
// (E31, E33): the page, and the poll that brings the others' changes into an open form. Saves
// are in company_review_save.go; the view model in company_review_view.go; the blocks in
// views/reviews/entreprise.html.

import (
	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	companySlug = "bilan-entreprise"
	gridSlug    = "grille-certificative"
	selfSlug    = "bilan-personnel"
)

// ratedReview is an evaluation made of choices on the fan: the bilan entreprise, or the
// certification grid. They share the collection, the saves, the lock and the page.
type ratedReview struct {
	review             pfmp.Review
	slug, title, saved string
	scope              func(*dossier.Store, *dossier.Dossier) (*dossier.CompanyScope, error)
}

var (
	companyReview = &ratedReview{pfmp.ReviewCompany, companySlug, "Bilan entreprise",
		"Bilan entreprise enregistré : l'apprenant peut le consulter.", (*dossier.Store).CompanyScope}
	gridReview = &ratedReview{pfmp.ReviewCertificative, gridSlug, "Grille d'évaluation certificative",
		"Grille certificative enregistrée : l'apprenant peut la consulter.", (*dossier.Store).CertificativeScope}
)

// companyLoaded is what every answer about a bilan entreprise (or grid) needs.
type companyLoaded struct {
	rv    *ratedReview
	scope *dossier.CompanyScope
	state *dossier.CompanyState
	lock  dossier.ReviewLock
}

// editedCompany loads the :id dossier's bilan (or grid) for someone who may edit it, with its
// scope, state and lock.
func (s *Server) editedCompany(c *fiber.Ctx, rv *ratedReview) (*openDossier, *companyLoaded, error) {
	d, err := s.loadReview(c, rv.review, pfmp.EditReviews, s.companySaved)
	if err != nil {
		return nil, nil, err
	}
	cl, err := s.companyLoad(rv, d)
	return d, cl, err
}

// companyLoad reads a dossier's bilan (or grid): its scope, its state and its lock.
func (s *Server) companyLoad(rv *ratedReview, d *openDossier) (*companyLoaded, error) {
	sc, err := rv.scope(s.store, d.Dossier)
	if err != nil {
		return nil, err
	}
	st, err := s.store.CompanyState(d.Dossier, sc)
	if err != nil {
		return nil, err
	}
	lock, err := s.store.CompanyReviewLock(d.Dossier, st.Review)
	if err != nil {
		return nil, err
	}
	return &companyLoaded{rv: rv, scope: sc, state: st, lock: lock}, nil
}

// companySaved: the student reads the bilan once someone pressed « Enregistrer ».
func (s *Server) companySaved(d *openDossier) (bool, error) {
	r, err := s.store.CompanyReview(d.ID())
	return r.Saved(), err
}

// companyReviewPage shows the form to the teacher, tutor and master (read-only once locked),
// the saved bilan to the student.
func (s *Server) companyReviewPage(rv *ratedReview) fiber.Handler {
	return func(c *fiber.Ctx) error {
		d, err := s.loadReview(c, rv.review, pfmp.ReadReviews, s.companySaved)
		if err != nil {
			return err
		}
		data, err := s.companyReviewData(c, rv, d, nil)
		if err != nil {
			return err
		}
		return s.page(c, fiber.StatusOK, "reviews/entreprise", rv.title, data)
	}
}

func (s *Server) companyReviewData(c *fiber.Ctx, rv *ratedReview, d *openDossier, refused *refusal) (*companyReviewView, error) {
	cl, err := s.companyLoad(rv, d)
	if err != nil {
		return nil, err
	}
	a := actorOf(c)
	data := &companyReviewView{Dossier: d, Form: companyFormOf(cl.scope, cl.state, refused), Base: reviewURL(d, rv.slug),
		Grid:     cl.scope.Certificative,
		Editable: pfmp.Can(a, pfmp.EditReviews, d.Access) && !cl.lock.Locked, Lock: cl.lock,
		State: s.reviewStateOf(cl.state, false)}
	if r := cl.state.Review; r != nil && pfmp.Can(a, pfmp.ReadReviewHistory, d.Access) {
		if data.History, err = s.reviewHistory("company_reviews", r.Id); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// reviewState is the line saying whether the student sees the bilan, and who changed it last.
type reviewState struct {
	SavedAt, SavedBy, ChangedBy, ChangedAt string
	OOB                                    bool
}

func (s *Server) reviewStateOf(st *dossier.CompanyState, oob bool) reviewState {
	v := reviewState{OOB: oob}
	if r := st.Review; r != nil {
		v.SavedAt, v.SavedBy = pfmp.FormatDateTime(r.SavedAt()), s.store.UserName(r.GetString("saved_by"))
		v.ChangedBy, v.ChangedAt = s.store.UserName(r.GetString("author")), pfmp.FormatDateTime(r.GetDateTime("updated").Time())
	}
	return v
}

// companyReviewChanges answers the open form's poll: nothing (204) when the bilan is still at
// the version the form shows, else the blocks of the choices changed since, out of band.
// A bilan locked meanwhile reloads the page, which shows it read-only.
func (s *Server) companyReviewChanges(rv *ratedReview) fiber.Handler {
	return func(c *fiber.Ctx) error { return s.companyChanges(c, rv) }
}

func (s *Server) companyChanges(c *fiber.Ctx, rv *ratedReview) error {
	d, cl, err := s.editedCompany(c, rv)
	if err != nil {
		return err
	}
	if cl.lock.Locked {
		c.Set("HX-Refresh", "true")
		return c.SendStatus(fiber.StatusNoContent)
	}
	since := c.QueryInt("depuis")
	if cl.state.Version <= since {
		return c.SendStatus(fiber.StatusNoContent)
	}
	var keys []string
	for k, fv := range cl.state.Versions {
		if fv.V > since {
			keys = append(keys, k)
		}
	}
	out := s.companyAnswer(d, cl, nil, keys)
	state := s.reviewStateOf(cl.state, true)
	out.State = &state
	out.Poll = &pollView{Base: reviewURL(d, rv.slug), Version: cl.state.Version, OOB: true}
	return s.fragment(c, fiber.StatusOK, "company/saved", out)
}

// companyAnswer is the data of "company/saved": blocks for keys, and the levels they move.
func (s *Server) companyAnswer(d *openDossier, cl *companyLoaded, refused *refusal, keys []string) *companySavedView {
	form := companyFormOf(cl.scope, cl.state, refused)
	base := reviewURL(d, cl.rv.slug)
	out := &companySavedView{}
	for _, k := range keys {
		if name, view, ok := form.block(k); ok {
			out.Blocks = append(out.Blocks, blockView{Name: name, Control: view, Base: base, Editable: true, OOB: true})
		}
		if comp := form.competenceOfKey(k); comp != nil {
			out.Levels = append(out.Levels, resultView{Level: comp.Result, ID: comp.ID, OOB: true})
		}
	}
	return out
}
