package web

// Portfolio tab 1, « Présenter l'entreprise »: the host company and tutor (the fiche de
// liaison's own columns, so the fiche pre-fills this tab and the student may correct them
// here), then the student's presentation of the company. Readers get the same as text.

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	tabCompany        = "entreprise"
	companySaved      = "Présentation de l'entreprise enregistrée."
	maxActivityText   = 2000 // « 2 ou 3 phrases », with room to spare
	maxHistoryText    = 5000
	companyFormFields = "company_name company_address company_postal_code company_city company_sector company_phone " +
		"tutor_last_name tutor_first_name tutor_phone tutor_email company_activity employees maintenance_staff company_history"
)

// presentationField is one field of the form (and one line of the read-only view). The shared
// host columns follow pfmp.HostRules, as the fiche de liaison does, so what one accepts the other
// does too; what the fiche requires may be left empty here until known, but never blanked.
type presentationField struct {
	Name, Label, Type, Hint string
	Max                     int
	Full                    bool // spans the whole form row
	Required                bool
	keep                    bool // required by the fiche de liaison: once filled, never blanked here
	check                   func(string) error
}

// presentationGroup is a fieldset of the form, a section of the read-only view.
type presentationGroup struct {
	Legend, Note string
	Fields       []presentationField
}

var presentationGroups = []presentationGroup{
	{Legend: "L'entreprise", Note: "Reprises de la fiche de liaison entreprise : les corriger ici les corrige aussi dans la fiche.",
		Fields: []presentationField{
			hostPresentation("company_name", "Raison sociale / Nom de l'entreprise", "", true),
			hostPresentation("company_address", "Adresse", "", true),
			hostPresentation("company_postal_code", "Code postal", "", false),
			hostPresentation("company_city", "Ville", "", false),
			hostPresentation("company_sector", "Secteur d'activité de l'entreprise", "", false),
			hostPresentation("company_phone", "Tél. de l'entreprise", "tel", false),
		}},
	{Legend: "Le tuteur", Fields: []presentationField{
		hostPresentation("tutor_last_name", "Nom du tuteur", "", false),
		hostPresentation("tutor_first_name", "Prénom du tuteur", "", false),
		hostPresentation("tutor_phone", "Tél. du tuteur", "tel", false),
		hostPresentation("tutor_email", "Courriel du tuteur", "email", false),
	}},
	{Legend: "Présentation", Fields: []presentationField{
		{Name: "company_activity", Label: "Activité de l'entreprise", Type: "textarea", Max: maxActivityText, Full: true,
			Hint: "Décrivez en 2 ou 3 phrases la ou les activités de l'entreprise."},
		{Name: "employees", Label: "Nombre d'employé(s)", Type: "number", check: countCheck("Nombre d'employé(s)")},
		{Name: "maintenance_staff", Label: "Nombre de personne(s) dans le service maintenance", Type: "number",
			check: countCheck("Nombre de personne(s) dans le service maintenance")},
		{Name: "company_history", Label: "Historique de l'entreprise", Type: "textarea", Max: maxHistoryText, Full: true,
			Hint: "Depuis quand existe-t-elle ? Quels sont les grands changements ? Que produit-elle ? Etc."},
	}},
}

// companyFormNames are the form's fields, whose stored values its staleness stamp covers.
var companyFormNames = strings.Fields(companyFormFields)

// companyTabView is the tab: the presentation's form, or the same as text for readers.
type companyTabView struct {
	portfolioView
	Groups []presentationGroup
	Values map[string]string
	Seen   string // the stored values' stamp when the form was shown
}

func loadCompanyTab(_ *Server, c *fiber.Ctx, d *openDossier) (tabView, error) {
	return &companyTabView{Groups: presentationGroups, Values: storedPresentation(d),
		Seen: formSeen(c, d.Placement.Record, companyFormNames)}, nil
}

// storedPresentation reads the form's values from the placement. Counts print empty when
// unknown: no company has 0 employees, and a maintenance staff of 0 is only an answer once
// the number of employees is known.
func storedPresentation(d *openDossier) map[string]string {
	p := d.Placement
	v := formValuesOf(p.GetString, strings.Fields(companyFormFields))
	employees, staff := p.Headcounts()
	v["employees"], v["maintenance_staff"] = countText(employees), countText(staff)
	return v
}

// countText is a head count for its input: empty when unknown.
func countText(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func formValuesOf(get func(string) string, names []string) map[string]string {
	out := make(map[string]string, len(names))
	for _, n := range names {
		out[n] = get(n)
	}
	return out
}

// portfolioCompanySave stores the form: 422 with every message next to its field and nothing
// written, or saved (the form again with « enregistré » to htmx, a redirect and a flash otherwise).
func (s *Server) portfolioCompanySave(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	v := formValues(c, companyFormNames...)
	data := &companyTabView{Groups: presentationGroups, Values: v, Seen: formSeen(c, d.Placement.Record, companyFormNames)}
	err = checkPresentation(v, storedPresentation(d))
	if err == nil {
		var p *dossier.Placement
		p, err = s.store.UpdatePlacement(d.ID(), dossier.PlacementEdit{
			Owned: companyFormNames, Seen: c.FormValue(seenField), Values: presentationValues(v)})
		if err == nil {
			d.Placement = p
		}
	}
	if err != nil {
		return s.answerPortfolioTab(c, tabCompany, "portfolio/entreprise-form", d, data, err)
	}
	data.Values, data.Saved = storedPresentation(d), companySaved
	data.Seen = dossier.Fingerprint(d.Placement.Record, companyFormNames) // the new baseline of the form swapped back
	return s.answerPortfolioTab(c, tabCompany, "portfolio/entreprise-form", d, data, nil)
}

// presentationValues are the columns the form writes: headcounts as numbers.
func presentationValues(v map[string]string) dossier.Fields {
	out := dossier.Fields{}
	for _, g := range presentationGroups {
		for _, f := range g.Fields {
			if f.Type == "number" {
				n, _ := pfmp.ParseHeadcount(v[f.Name])
				out[f.Name] = n
				continue
			}
			out[f.Name] = v[f.Name]
		}
	}
	return out
}

// hostPresentation is a host column in this form, checked by the fiche's rules (pfmp.HostRules):
// the company's name is always required; the fiche's other required fields only once filled.
func hostPresentation(name, label, typ string, full bool) presentationField {
	r := pfmp.HostRules[name]
	return presentationField{Name: name, Label: label, Type: typ, Max: r.Max, Full: full,
		Required: name == "company_name", keep: r.Required, check: r.Check}
}

// checkPresentation puts each field's first problem next to it.
func checkPresentation(v, stored map[string]string) error {
	errs := pfmp.FieldErrors{}
	for _, g := range presentationGroups {
		for _, f := range g.Fields {
			if f.Required || (f.keep && stored[f.Name] != "") {
				errs.Add(f.Name, pfmp.Required(v[f.Name], f.Label))
			}
			if f.check != nil {
				errs.Add(f.Name, f.check(v[f.Name]))
			}
			if f.Max > 0 {
				errs.Add(f.Name, pfmp.MaxLen(v[f.Name], f.Max, f.Label))
			}
		}
	}
	employees, err1 := pfmp.ParseHeadcount(v["employees"])
	staff, err2 := pfmp.ParseHeadcount(v["maintenance_staff"])
	if err1 == nil && err2 == nil {
		errs.Add("maintenance_staff", pfmp.CheckStaff(employees, staff))
	}
	return errs.Err()
}

// countCheck checks a head count field, naming it in the message.
func countCheck(label string) func(string) error {
	return func(s string) error {
		if _, err := pfmp.ParseHeadcount(s); err != nil {
			return errors.New("« " + label + " » : " + err.Error())
		}
		return nil
	}
}
