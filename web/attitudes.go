package web

// « Bilan des attitudes professionnelles »: filled at the end of the period by the tutor or the
// master, which the teacher reads, completes and changes. The criteria and their descriptors
// come from the référentiel, the scale from pfmp.AttitudeLevels. Saved as a whole form that
// names the version it edited.

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	attitudesTitle = "Bilan des attitudes professionnelles"
	attitudesSlug  = "attitudes"
)

// attitudesPage shows the form to those who evaluate, the saved bilan to the student.
func (s *Server) attitudesPage(c *fiber.Ctx) error {
	d, err := s.loadReview(c, pfmp.ReviewAttitudes, pfmp.ReadReviews, s.attitudesSaved)
	if err != nil {
		return err
	}
	data, err := s.attitudesData(c, d)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "reviews/attitudes", attitudesTitle, data)
}

func (s *Server) attitudesSaved(d *openDossier) (bool, error) {
	r, err := s.store.AttitudeReview(d.ID())
	return r != nil, err
}

// attitudesSave stores the levels and the comment; a stale form (409) or a bad value (422)
// comes back with what was chosen.
func (s *Server) attitudesSave(c *fiber.Ctx) error {
	d, err := s.loadReview(c, pfmp.ReviewAttitudes, pfmp.EditReviews, s.attitudesSaved)
	if err != nil {
		return err
	}
	attitudes, err := s.store.Attitudes()
	if err != nil {
		return err
	}
	ratings := map[string]string{}
	for _, a := range attitudes {
		ratings[a.Code] = strings.TrimSpace(c.FormValue(dossier.AttitudeKey(a.Code)))
	}
	comment := strings.TrimSpace(c.FormValue("comment"))
	version, _ := strconv.Atoi(c.FormValue("version"))
	err = checkAttitudes(ratings, comment)
	if err == nil {
		_, err = s.store.SaveAttitudeReview(d.ID(), actorOf(c).ID, version, ratings, comment)
	}
	if err != nil && !isFormError(err) {
		return err
	}
	if err != nil {
		data, derr := s.attitudesData(c, d)
		if derr != nil {
			return derr
		}
		data.Ratings, data.Comment, data.Version = ratings, comment, version
		return s.invalid(c, "reviews/attitudes", attitudesTitle, data, err)
	}
	s.flash(c, "Bilan des attitudes professionnelles enregistré.")
	return c.Redirect(reviewURL(d, attitudesSlug), fiber.StatusSeeOther)
}

// checkAttitudes: each level on the scale (or none), the comment within its column.
func checkAttitudes(ratings map[string]string, comment string) error {
	fe := pfmp.FieldErrors{}
	for code, v := range ratings {
		if _, ok := pfmp.AttitudeLevelOf(v); v != "" && !ok {
			fe[dossier.AttitudeKey(code)] = "Niveau inconnu."
		}
	}
	fe.Add("comment", pfmp.MaxLen(comment, 10000, "Commentaire"))
	return fe.Err()
}

// attitudesView is the bilan: its form, or what was saved, for the student.
type attitudesView struct {
	Page
	Dossier   *openDossier
	Attitudes []dossier.Attitude
	Levels    []pfmp.AttitudeLevel
	Review    *dossier.AttitudeReview // nil until someone saves it
	Ratings   map[string]string       // the level per criterion's code
	Comment   string
	Version   int // the version the form was loaded at
	ChangedBy string
	ChangedAt time.Time
	CanEdit   bool
	History   []historyLine
}

func (s *Server) attitudesData(c *fiber.Ctx, d *openDossier) (*attitudesView, error) {
	attitudes, err := s.store.Attitudes()
	if err != nil {
		return nil, err
	}
	r, err := s.store.AttitudeReview(d.ID())
	if err != nil {
		return nil, err
	}
	a := actorOf(c)
	data := &attitudesView{Dossier: d, Attitudes: attitudes, Levels: pfmp.AttitudeLevels(),
		Ratings: map[string]string{}, Review: r, CanEdit: pfmp.Can(a, pfmp.EditReviews, d.Access)}
	if r == nil {
		return data, nil
	}
	data.Ratings, data.Comment, data.Version = r.Ratings(), r.GetString("comment"), r.Version()
	data.ChangedBy, data.ChangedAt = s.store.UserName(r.ChangedBy()), r.ChangedAt()
	if pfmp.Can(a, pfmp.ReadReviewHistory, d.Access) {
		h, err := s.reviewHistory("attitude_reviews", r.Id)
		if err != nil {
			return nil, err
		}
		data.History = h
	}
	return data, nil
}
