package web

// « Bilan personnel »: at the end of the period the student names his strengths, what he
// should work on and his goals for the next period. Teachers, tutors and masters read it and
// never change it.

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const selfReviewTitle = "Bilan personnel"

// selfReviewFields are the form's fields: the questions of dossier.SelfReviewQuestions, which
// the student's archive asks too.
var selfReviewFields = selfQuestionFields()

func selfQuestionFields() []textField {
	out := make([]textField, len(dossier.SelfReviewQuestions))
	for i, q := range dossier.SelfReviewQuestions {
		out[i] = textField{q.Field, q.Question, maxPortfolioText}
	}
	return out
}

// selfReviewPage shows the form to the student, the texts to everyone else who reads the
// portfolio.
func (s *Server) selfReviewPage(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.ReadPortfolio)
	if err != nil {
		return err
	}
	data, err := s.selfReviewData(c, d)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "reviews/personnel", selfReviewTitle, data)
}

// selfReviewSave stores the student's texts if nobody saved them since the form was shown;
// else (409) or on a too long text (422) the form comes back with what was typed.
func (s *Server) selfReviewSave(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	in := formValues(c, fieldNames(selfReviewFields)...)
	version, _ := strconv.Atoi(c.FormValue("version"))
	err = checkTexts(in, selfReviewFields)
	if err == nil {
		_, err = s.store.SaveSelfReview(d.ID(), actorOf(c).ID, version, in)
	}
	if err != nil && !isFormError(err) {
		return err
	}
	if err != nil {
		data, derr := s.selfReviewData(c, d)
		if derr != nil {
			return derr
		}
		data.Values, data.Version = in, version
		return s.invalid(c, "reviews/personnel", selfReviewTitle, data, err)
	}
	s.flash(c, "Bilan personnel enregistré.")
	return c.Redirect(reviewURL(d, selfSlug), fiber.StatusSeeOther)
}

// selfReviewView is the student's form, or the texts for the readers.
type selfReviewView struct {
	Page
	Dossier *openDossier
	Fields  []textField
	Values  map[string]string
	Version int  // the version the form was loaded at
	Written bool // the student saved it once
	CanEdit bool
}

func (s *Server) selfReviewData(c *fiber.Ctx, d *openDossier) (*selfReviewView, error) {
	r, err := s.store.SelfReview(d.ID())
	if err != nil {
		return nil, err
	}
	values, version := map[string]string{}, 0
	if r != nil {
		for _, f := range selfReviewFields {
			values[f.Name] = r.GetString(f.Name)
		}
		version = r.Version()
	}
	return &selfReviewView{Dossier: d, Fields: selfReviewFields, Values: values, Version: version,
		Written: r != nil, CanEdit: pfmp.Can(actorOf(c), pfmp.EditPortfolio, d.Access)}, nil
}

// reviewURL is the address of one of a dossier's evaluation pages.
func reviewURL(d *openDossier, slug string) string {
	return "/dossiers/" + d.ID() + "/" + slug
}
