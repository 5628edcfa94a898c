package web

// « Préparer la rencontre »: the paper version of a dossier's bilan entreprise (or of its
// certification grid), then of its attitudes grid, printed before the visit and filled with
// a pen; its QR code opens the online grid, where the results are typed once afterwards.
// For those who evaluate (teachers, the granted tutor or master), as a PDF (…/grille.pdf) or
// as the HTML print view (…/grille).

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
	"livret/print"
)

func paperGridURL(d *openDossier, rv *ratedReview) string { return reviewURL(d, rv.slug) + "/grille" }

// companyGridPDF downloads the paper grid as « Grille <période> <Prénom> <Nom>.pdf ».
func (s *Server) companyGridPDF(rv *ratedReview) fiber.Handler {
	return func(c *fiber.Ctx) error {
		d, doc, err := s.companyGridDoc(c, rv)
		if err != nil {
			return err
		}
		st := d.Student
		name := pfmp.DossierFileName("Grille", d.Period.GetString("name"), st.GetString("first_name"), st.GetString("last_name"), ".pdf")
		return s.sendPDF(c, doc, name, paperGridURL(d, rv), reviewURL(d, rv.slug))
	}
}

// companyGridView is the paper grid as a page the browser prints.
func (s *Server) companyGridView(rv *ratedReview) fiber.Handler {
	return func(c *fiber.Ctx) error {
		_, doc, err := s.companyGridDoc(c, rv)
		if err != nil {
			return err
		}
		return sendPrintView(c, doc)
	}
}

// companyGridDoc reads what the bilan's page reads, and the attitudes, into the paper grid.
func (s *Server) companyGridDoc(c *fiber.Ctx, rv *ratedReview) (*openDossier, print.Document, error) {
	d, cl, err := s.editedCompany(c, rv)
	if err != nil {
		return nil, print.Document{}, err
	}
	sh, err := s.store.PrintSheet(d.Dossier)
	if err != nil {
		return nil, print.Document{}, err
	}
	attitudes, err := s.store.Attitudes()
	if err != nil {
		return nil, print.Document{}, err
	}
	g := print.Grid{School: s.printSchool(), Student: printStudent(sh), Period: printPeriod(sh),
		Company: printCompany(sh.Placement), Tutor: printTutor(sh.Placement),
		MeetingDate: d.Period.ReviewDate(), OnlineURL: s.linkBase(c) + reviewURL(d, rv.slug)}
	if r := cl.state.Review; r != nil {
		g.MeetingDate = r.MeetingDate()
	}
	if cl.scope.Certificative {
		g.Epreuve = string(d.Period.Kind())
	}
	for _, group := range cl.scope.Activities() {
		a := print.GridActivity{Item: print.Item{Code: group.Code, Label: group.Label}}
		for _, t := range group.Tasks {
			a.Tasks = append(a.Tasks, print.Item{Code: t.Code, Label: t.Label})
		}
		g.Activities = append(g.Activities, a)
	}
	for _, comp := range cl.scope.Competences {
		gc := print.GridCompetence{Item: print.Item{Code: comp.Code, Label: comp.Label}}
		for _, sub := range comp.Subs {
			gc.Subs = append(gc.Subs, print.Item{Code: sub.Code, Label: sub.Label})
		}
		g.Competences = append(g.Competences, gc)
	}
	for _, a := range attitudes {
		ga := print.GridAttitude{Item: print.Item{Code: a.Code, Label: a.Label}, Description: a.Description,
			Descriptors: map[string]string{}}
		for _, l := range pfmp.AttitudeLevels() {
			ga.Descriptors[l.Code] = a.Descriptor(l.Code)
		}
		g.Attitudes = append(g.Attitudes, ga)
	}
	doc, err := print.RenderGrid(g)
	return d, doc, err
}
