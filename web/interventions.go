package web

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// « Présenter une activité »: the student's maintenance intervention reports (comptes
// rendus), one card each, the ones selected for the export greyed. Only the student writes;
// everyone who may read the portfolio reads the same content as text.

var interventionFields = []textField{
	{"title", "Titre de l'activité", 255},
	{"conditions", "Conditions de réalisation", maxPortfolioText},
	{"wo_sector", "Secteur", 255},
	{"wo_requester", "Demandeur", 255},
	{"wo_machine", "Machine", 255},
	{"wo_nature", "Nature du travail à réaliser", maxPortfolioText},
	{"wo_supplies", "Fournitures", maxPortfolioText},
	{"wo_documentation", "Documentation", maxPortfolioText},
	{"defects", "Défauts constatés", maxPortfolioText},
	{"causes", "Cause(s)", maxPortfolioText},
	{"repairs", "Réparations effectuées", maxPortfolioText},
	{"duration", "Durée de l'intervention", 120},
}

// interventionsView is the tab: one card per report.
type interventionsView struct {
	portfolioView
	Cards         []dossier.ReportCard
	SelectedCount int
}

// reportCardView is one card, alone when htmx swaps it after its selection changed.
type reportCardView struct {
	Page
	Card        dossier.ReportCard
	PlacementID string
	CanEdit     bool
	Count       *reportCountView // out of band, after a selection changed
}

// reportCountView is the count of reports under the tab's title.
type reportCountView struct {
	Total, Selected int
	OOB             bool
}

// interventionView is a report as text, for the readers.
type interventionView struct {
	portfolioView
	Report *dossier.Report
}

// interventionFormView is the student's form for a report: new (Report nil) or existing.
type interventionFormView struct {
	portfolioView
	Report   *dossier.Report
	Values   map[string]string
	Version  int         // the version the form was loaded at
	Conflict string      // a save overtaken by a newer version (409)…
	Typed    []typedText // …and what the student had typed, to copy
}

func interventionsTab(s *Server, c *fiber.Ctx, d *openDossier) (tabView, error) {
	cards, err := s.store.ReportCards(d.ID())
	if err != nil {
		return nil, err
	}
	selected := 0
	for _, card := range cards {
		if card.Selected {
			selected++
		}
	}
	return &interventionsView{Cards: cards, SelectedCount: selected}, nil
}

func interventionsURL(d *openDossier) string {
	return "/dossiers/" + d.Placement.Id + "/portfolio/activites"
}

// interventionNew is the empty form (GET …/activites/nouvelle).
func (s *Server) interventionNew(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	return s.interventionForm(c, fiber.StatusOK, d, nil, map[string]string{}, 0, nil)
}

// interventionShow is a report: its form for the student, its text for the readers.
func (s *Server) interventionShow(c *fiber.Ctx) error {
	d, rec, err := s.loadIntervention(c, pfmp.ReadPortfolio)
	if err != nil {
		return err
	}
	if !pfmp.Can(actorOf(c), pfmp.EditPortfolio, d.Access) {
		return s.portfolioPage(c, fiber.StatusOK, "activites", "portfolio/activites-show", "",
			&interventionView{portfolioView: portfolioView{Dossier: d}, Report: rec})
	}
	return s.interventionForm(c, fiber.StatusOK, d, rec, interventionValues(rec), rec.GetInt("version"), nil)
}

func interventionValues(rec *dossier.Report) map[string]string {
	v := make(map[string]string, len(interventionFields)+1)
	for _, f := range interventionFields {
		v[f.Name] = rec.GetString(f.Name)
	}
	v["wo_date"] = pfmp.ISODate(rec.GetDateTime("wo_date").Time())
	return v
}

// interventionForm renders the form page; err (422, 409) adds the messages.
func (s *Server) interventionForm(c *fiber.Ctx, status int, d *openDossier, rec *dossier.Report, values map[string]string, version int, err error) error {
	data := &interventionFormView{portfolioView: portfolioView{Dossier: d}, Report: rec, Values: values, Version: version}
	data.Errors = pfmp.FieldsOf(err)
	if status == fiber.StatusConflict {
		data.Conflict, data.Typed = pfmp.Message(err), typedTexts(interventionFields, values)
		data.Values, data.Version = interventionValues(rec), rec.GetInt("version")
	} else if err != nil {
		data.Error = pfmp.Message(err)
	}
	title := "Nouveau compte rendu d'activité"
	if rec != nil {
		title = "Compte rendu : " + rec.GetString("title")
	}
	return s.portfolioPage(c, status, "activites", "portfolio/intervention_form", title, data)
}

// interventionCreate saves a new report (POST …/activites).
func (s *Server) interventionCreate(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	in, err := interventionInput(c)
	if err != nil {
		return s.interventionForm(c, statusOf(err), d, nil, in, 0, err)
	}
	rec, err := s.store.CreateReport(d.ID(), reportFields(in))
	if err != nil {
		return err
	}
	s.flash(c, "Compte rendu enregistré.")
	return c.Redirect(interventionsURL(d)+"/"+rec.Id, fiber.StatusSeeOther)
}

// interventionUpdate saves a report if nobody saved it since the form was loaded.
func (s *Server) interventionUpdate(c *fiber.Ctx) error {
	d, rec, err := s.loadIntervention(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	in, err := interventionInput(c)
	if err != nil {
		return s.interventionForm(c, statusOf(err), d, rec, in, version, err)
	}
	fresh, err := s.store.UpdateReport(rec.Id, version, reportFields(in))
	if statusOf(err) == fiber.StatusConflict {
		return s.interventionForm(c, fiber.StatusConflict, d, fresh, in, version, err)
	}
	if err != nil {
		return err
	}
	s.flash(c, "Compte rendu enregistré.")
	return c.Redirect(interventionsURL(d)+"/"+rec.Id, fiber.StatusSeeOther)
}

// interventionInput reads and checks the form: a title, lengths, a real date.
func interventionInput(c *fiber.Ctx) (map[string]string, error) {
	in := formValues(c, append(fieldNames(interventionFields), "wo_date")...)
	fe := pfmp.FieldErrors{}
	fe.Add("title", pfmp.Required(in["title"], "Titre de l'activité"))
	for _, f := range interventionFields {
		fe.Add(f.Name, pfmp.MaxLen(in[f.Name], f.Max, f.Label))
	}
	if in["wo_date"] != "" {
		if _, err := pfmp.ParseDate(in["wo_date"]); err != nil {
			fe.Add("wo_date", errors.New("Date invalide : saisissez-la au format JJ/MM/AAAA."))
		}
	}
	return in, fe.Err()
}

// reportFields are the columns the form writes (a checked form).
func reportFields(in map[string]string) dossier.Fields {
	out := dossier.Fields{}
	for _, f := range interventionFields {
		out[f.Name] = in[f.Name]
	}
	out["wo_date"] = ""
	if day, _ := pfmp.ParseDate(in["wo_date"]); !day.IsZero() { // checked; zero (empty) clears it
		out["wo_date"] = day
	}
	return out
}

// interventionSelect ticks or unticks a report for the export (POST …/:rid/selection); htmx
// gets the card back. The version does not move: the report's text is untouched.
func (s *Server) interventionSelect(c *fiber.Ctx) error {
	d, rec, err := s.loadIntervention(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	selected := c.FormValue("selected") != ""
	// Only the selection is written: the report's texts, maybe edited since, stay as stored.
	rec, err = s.store.SelectReport(rec.Id, selected)
	if err != nil {
		return err
	}
	if isFragment(c) {
		card := dossier.ReportCard{ID: rec.Id, Title: rec.GetString("title"), Date: rec.GetDateTime("wo_date"),
			Machine: rec.GetString("wo_machine"), Selected: selected}
		count, err := s.store.CountReports(d.ID())
		if err != nil {
			return err
		}
		return s.fragment(c, fiber.StatusOK, "portfolio/activites-card", &reportCardView{Card: card, PlacementID: d.Placement.Id,
			CanEdit: true, Count: &reportCountView{Total: count.Total, Selected: count.Selected, OOB: true}})
	}
	if selected {
		s.flash(c, "Activité sélectionnée pour l'export.")
	} else {
		s.flash(c, "Activité retirée de l'export.")
	}
	return c.Redirect(interventionsURL(d), fiber.StatusSeeOther)
}

// interventionDelete deletes a report after the page asked for confirmation.
func (s *Server) interventionDelete(c *fiber.Ctx) error {
	d, rec, err := s.loadIntervention(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	if err := s.store.Delete("interventions", rec.Id); err != nil {
		return err
	}
	s.flash(c, "Compte rendu supprimé.")
	return c.Redirect(interventionsURL(d), fiber.StatusSeeOther)
}

// loadIntervention loads the :id placement through the policy, then its :rid report.
func (s *Server) loadIntervention(c *fiber.Ctx, act pfmp.Action) (*openDossier, *dossier.Report, error) {
	d, err := s.loadPlacement(c, act)
	if err != nil {
		return nil, nil, err
	}
	rec, err := s.store.Report(d.ID(), c.Params("rid"))
	return d, rec, err
}
