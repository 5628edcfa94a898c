package web

// The fiche de liaison entreprise of one placement: the host company and its tutor (« Lieu de
// réalisation », filled by the student or a teacher), and the objectives and tasks of the
// period — the annexe pédagogique's, unless a teacher personalised them for this student.

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	liaisonTitle    = "Fiche de liaison entreprise"
	liaisonSaved    = "Fiche de liaison enregistrée."
	liaisonResetMsg = "Objectifs et tâches de l'annexe pédagogique rétablis."
	tabPlace        = "lieu"
	tabObjectives   = "objectifs"
)

// liaisonTab is one tab of the fiche, in the manual's order.
type liaisonTab struct{ Slug, Label string }

var liaisonTabs = []liaisonTab{{tabPlace, "Lieu de réalisation"}, {tabObjectives, "Objectifs et activités"}}

// liaisonField is one input of the « Lieu de réalisation » form. No autocomplete tokens: the
// student types someone else's details, and tokens would offer the student's own.
type liaisonField struct {
	Name, Label, Type, Hint string
	Max                     int
	Required                bool
	check                   func(string) error
}

// companyFields and tutorFields are the placement's own columns. The portfolio's « Présenter
// l'entreprise » tab reads the same company_* columns, so what is typed here pre-fills it (as
// the manual says) with no copy to keep in step.
var companyFields = []liaisonField{
	hostField("company_name", "Raison sociale", "", ""),
	hostField("company_address", "Adresse", "", ""),
	hostField("company_postal_code", "Code postal", "", ""),
	hostField("company_city", "Ville", "", ""),
	hostField("company_sector", "Secteur d'activité", "", ""),
	hostField("company_phone", "Téléphone de l'entreprise", "tel", ""),
	hostField("company_siret", "SIRET", "", "14 chiffres, facultatif."),
}

var tutorFields = []liaisonField{
	hostField("tutor_last_name", "Nom", "", ""),
	hostField("tutor_first_name", "Prénom", "", ""),
	hostField("tutor_phone", "Téléphone", "tel", ""),
	hostField("tutor_email", "Courriel", "email", ""),
}

// hostField is a fiche input checked by the shared rules of its column (pfmp.HostRules).
func hostField(name, label, typ, hint string) liaisonField {
	r := pfmp.HostRules[name]
	return liaisonField{Name: name, Label: label, Type: typ, Hint: hint, Max: r.Max, Required: r.Required, check: r.Check}
}

var liaisonFields = append(append([]liaisonField{}, companyFields...), tutorFields...)

func liaisonFieldNames() []string {
	names := make([]string, len(liaisonFields))
	for i, f := range liaisonFields {
		names[i] = f.Name
	}
	return names
}

// checkLiaisonFields puts each field's first problem next to it: missing, then malformed, then
// too long.
func checkLiaisonFields(form map[string]string) pfmp.FieldErrors {
	errs := pfmp.FieldErrors{}
	for _, f := range liaisonFields {
		v := form[f.Name]
		if f.Required {
			errs.Add(f.Name, pfmp.Required(v, f.Label))
		}
		if f.check != nil {
			errs.Add(f.Name, f.check(v))
		}
		errs.Add(f.Name, pfmp.MaxLen(v, f.Max, f.Label))
	}
	return errs
}

// liaisonPage shows one tab of the fiche: the whole page, or only the tabbed panel to htmx.
func (s *Server) liaisonPage(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.ReadLiaison)
	if err != nil {
		return err
	}
	tab := tabPlace
	if c.Query("onglet") == tabObjectives {
		tab = tabObjectives
	}
	data, err := s.liaisonData(c, d, tab, nil)
	if err != nil {
		return err
	}
	return s.pageOrFragment(c, "liaison/page", "liaison/panel", liaisonTitle, data)
}

// liaisonCompany saves the « Lieu de réalisation » form; on error nothing is saved and the form
// comes back with what was typed.
func (s *Server) liaisonCompany(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditLiaisonCompany)
	if err != nil {
		return err
	}
	form := formValues(c, liaisonFieldNames()...)
	values := dossier.Fields{}
	for name, v := range form {
		values[name] = v
	}
	err = checkLiaisonFields(form).Err()
	if err == nil {
		err = s.saveLiaison(c, d, liaisonFieldNames(), values, tabPlace, liaisonSaved)
	}
	if err != nil && !isFormError(err) {
		return err
	}
	if err != nil {
		data, derr := s.liaisonData(c, d, tabPlace, nil)
		if derr != nil {
			return derr
		}
		data.Form = form
		return s.invalid(c, "liaison/page", liaisonTitle, data, err)
	}
	return nil
}

// liaisonObjectives stores a teacher's personalised objectives and tasks for this student.
func (s *Server) liaisonObjectives(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.PersonaliseLiaison)
	if err != nil {
		return err
	}
	catalogue, err := s.store.TaskCatalogue()
	if err != nil {
		return err
	}
	text := strings.TrimSpace(c.FormValue("objectives"))
	ids := dossier.ValidTaskIDs(catalogue, formList(c, "tasks"))
	if err := checkObjectives(text); err != nil {
		data, derr := s.liaisonData(c, d, tabObjectives, &objectivesInput{Text: text, TaskIDs: ids})
		if derr != nil {
			return derr
		}
		return s.invalid(c, "liaison/page", liaisonTitle, data, err)
	}
	return s.saveLiaison(c, d, objectiveFields,
		dossier.Fields{"custom_objectives": true, "objectives": text, "tasks": ids}, tabObjectives, liaisonSaved)
}

// liaisonReset drops the personalisation: the fiche follows the period's annexe again (and any
// later change of the period's objectives).
func (s *Server) liaisonReset(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.PersonaliseLiaison)
	if err != nil {
		return err
	}
	return s.saveLiaison(c, d, objectiveFields,
		dossier.Fields{"custom_objectives": false, "objectives": "", "tasks": []string{}}, tabObjectives, liaisonResetMsg)
}

// objectiveFields are what the personalise form owns.
var objectiveFields = []string{"custom_objectives", "objectives", "tasks"}

// saveLiaison writes one form of the fiche (only its own fields, checked against the version
// the form showed), stamps the fiche and redirects (303) to the tab, so a reload does not post
// again; hx-boost follows the redirect like a browser without JavaScript.
func (s *Server) saveLiaison(c *fiber.Ctx, d *openDossier, owned []string, values dossier.Fields, tab, msg string) error {
	values["liaison_edited"] = s.cfg.Now().UTC()
	_, err := s.store.UpdatePlacement(d.ID(), dossier.PlacementEdit{Owned: owned, Seen: c.FormValue(seenField), Values: values})
	if err != nil {
		return err
	}
	s.flash(c, msg)
	return c.Redirect(liaisonURL(d, tab), fiber.StatusSeeOther)
}

func liaisonURL(d *openDossier, tab string) string {
	u := "/dossiers/" + d.Placement.Id + "/liaison"
	if tab == tabObjectives {
		u += "?onglet=" + tabObjectives
	}
	return u
}

// objectivesInput is what a teacher typed in the personalise form, to show it again on error.
type objectivesInput struct {
	Text    string
	TaskIDs []string
}

// checkObjectives validates the personalise form. Tasks follow the annexe form's rule (unknown
// ids dropped, none is allowed): only the text is required, a fiche must say what it aims at.
func checkObjectives(text string) error {
	const label = "Objectifs de formation"
	errs := pfmp.FieldErrors{}
	errs.Add("objectives", pfmp.Required(text, label))
	errs.Add("objectives", pfmp.MaxLen(text, pfmp.MaxObjectivesLength, label))
	return errs.Err()
}

// liaisonView is the fiche de liaison: its two tabs, the objectives' one with the tasks.
type liaisonView struct {
	Page
	Dossier        *openDossier
	Tab            string
	Tabs           []liaisonTab
	CompanyFields  []liaisonField
	TutorFields    []liaisonField
	Form           map[string]string // the « Lieu de réalisation » form's values
	Seen           string            // the stored values' stamp when the form was shown
	CanEditCompany bool
	CanPersonalise bool
	// The objectives tab only.
	Custom         bool // personalised for this student
	Objectives     string
	ObjectiveLines []string
	Catalogue      []dossier.ActivityGroup
	Checked        []string
	Assigned       []dossier.ActivityGroup
}

// liaisonData is what both tabs need; the objectives tab adds the tasks. typed, when not nil,
// replaces the stored objectives with what the teacher just sent.
func (s *Server) liaisonData(c *fiber.Ctx, d *openDossier, tab string, typed *objectivesInput) (*liaisonView, error) {
	a := actorOf(c)
	data := &liaisonView{
		Dossier: d, Tab: tab, Tabs: liaisonTabs,
		CompanyFields: companyFields, TutorFields: tutorFields,
		Form:           storedValues(d),
		Seen:           formSeen(c, d.Placement.Record, liaisonFieldNames()),
		CanEditCompany: pfmp.Can(a, pfmp.EditLiaisonCompany, d.Access),
		CanPersonalise: pfmp.Can(a, pfmp.PersonaliseLiaison, d.Access),
	}
	if tab != tabObjectives {
		return data, nil
	}
	catalogue, err := s.store.TaskCatalogue()
	if err != nil {
		return nil, err
	}
	custom, text, ids := effectiveObjectives(d)
	if typed != nil {
		text, ids = typed.Text, typed.TaskIDs
	}
	data.Custom, data.Objectives, data.ObjectiveLines = custom, text, paragraphs(text)
	data.Catalogue, data.Checked = catalogue, ids
	data.Assigned = dossier.SelectedTasks(catalogue, ids)
	return data, nil
}

// effectiveObjectives are the placement's own objectives and tasks once personalised, else the
// period's (see dossier.Dossier.Objectives: the pré-convention prints the same).
func effectiveObjectives(d *openDossier) (custom bool, text string, taskIDs []string) {
	return d.Objectives()
}

func storedValues(d *openDossier) map[string]string {
	out := map[string]string{}
	for _, n := range liaisonFieldNames() {
		out[n] = d.Placement.GetString(n)
	}
	return out
}

// paragraphs splits a text on its line breaks, so readers see it as it was typed.
func paragraphs(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
