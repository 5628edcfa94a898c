package web

// The pré-convention (annexe pédagogique) of one dossier: the teachers type its sections
// (pre-filled with the period's common texts, which they may change for this student), the
// student reads them; both print it as « Annexe <période> <Prénom> <Nom>.pdf ».

import (
	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	preconventionTitle    = "Pré-convention"
	preconventionSaved    = "Pré-convention enregistrée."
	preconventionResetMsg = "Textes communs de la période rétablis."
)

func preconventionURL(d *openDossier) string { return "/dossiers/" + d.ID() + "/preconvention" }

// preconventionPage shows the sections: a form to teachers, the texts to the student.
func (s *Server) preconventionPage(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.PrintPreconvention)
	if err != nil {
		return err
	}
	data, err := s.preconventionData(c, d, nil)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "preconvention/page", preconventionTitle, data)
}

// preconventionSave stores the typed sections; too long a text, or a form saved over a newer
// version, comes back with what was typed (422, 409).
func (s *Server) preconventionSave(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPreconvention)
	if err != nil {
		return err
	}
	typed := sectionValues(c)
	err = pfmp.CheckSections(typed)
	if err == nil {
		err = s.store.SavePreconvention(d.ID(), c.FormValue(seenField), typed)
	}
	if isFormError(err) {
		data, derr := s.preconventionData(c, d, typed)
		if derr != nil {
			return derr
		}
		return s.invalid(c, "preconvention/page", preconventionTitle, data, err)
	}
	if err != nil {
		return err
	}
	s.flash(c, preconventionSaved)
	return c.Redirect(preconventionURL(d), fiber.StatusSeeOther)
}

// preconventionReset makes the dossier follow the period's common texts again.
func (s *Server) preconventionReset(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPreconvention)
	if err != nil {
		return err
	}
	if err := s.store.ResetPreconvention(d.ID()); err != nil {
		return err
	}
	s.flash(c, preconventionResetMsg)
	return c.Redirect(preconventionURL(d), fiber.StatusSeeOther)
}

// preconventionPDF downloads the pré-convention as the reference system names it.
func (s *Server) preconventionPDF(c *fiber.Ctx) error {
	d, sh, doc, err := s.printedSheet(c, pfmp.PrintPreconvention, s.preconventionDoc)
	if err != nil {
		return err
	}
	return s.sendPDF(c, doc, preconventionFileName(sh), preconventionURL(d)+"/apercu", preconventionURL(d))
}

// preconventionView is the print view in HTML: the same document, read in the browser.
func (s *Server) preconventionView(c *fiber.Ctx) error {
	_, _, doc, err := s.printedSheet(c, pfmp.PrintPreconvention, s.preconventionDoc)
	if err != nil {
		return err
	}
	return sendPrintView(c, doc)
}

// sectionValues reads the typed sections of a form, keyed by section.
func sectionValues(c *fiber.Ctx) map[string]string {
	out := map[string]string{}
	for _, sec := range pfmp.PreconventionSections {
		out[sec.Key] = pfmp.NormalizeText(c.FormValue(sec.Key))
	}
	return out
}

// sectionField is one typed section as the page shows it.
type sectionField struct {
	Key, Label, Hint, Value, Ownership string
	Number                             int
	Own                                bool
}

// preconventionFormView is a dossier's pré-convention: a form to teachers, the texts to the student.
type preconventionFormView struct {
	Page
	Dossier        *openDossier
	Sheet          *dossier.PrintSheet
	Fields         []sectionField
	AnyOwn         bool   // a section has its own text for this student
	Seen           string // the stored texts' stamp when the form was shown
	MaxText        int
	ObjectiveLines []string
	URL            string
	CanEdit        bool
	CanPersonalise bool
}

// preconventionData is what the page shows; typed, when not nil, replaces the stored texts
// in the form (a form answered with its errors).
func (s *Server) preconventionData(c *fiber.Ctx, d *openDossier, typed map[string]string) (*preconventionFormView, error) {
	sh, err := s.store.PrintSheet(d.Dossier)
	if err != nil {
		return nil, err
	}
	var fields []sectionField
	anyOwn := false
	for _, sec := range d.PreconventionSections() {
		f := sectionField{Key: sec.Key, Number: sec.Number, Label: sec.Label, Hint: sec.Hint, Value: sec.Text,
			Own: sec.Own, Ownership: ownership(sec)}
		if typed != nil {
			f.Value = typed[sec.Key]
		}
		fields = append(fields, f)
		anyOwn = anyOwn || sec.Own
	}
	seen := c.FormValue(seenField)
	if seen == "" {
		seen = dossier.PreconventionVersion(d.Placement.Record, d.Period.Record)
	}
	a := actorOf(c)
	return &preconventionFormView{
		Dossier: d, Sheet: sh, Fields: fields, AnyOwn: anyOwn, Seen: seen, MaxText: pfmp.MaxSectionText,
		ObjectiveLines: paragraphs(sh.Objectives), URL: preconventionURL(d),
		CanEdit:        pfmp.Can(a, pfmp.EditPreconvention, d.Access),
		CanPersonalise: pfmp.Can(a, pfmp.PersonaliseLiaison, d.Access),
	}, nil
}

// ownership says where a section's text comes from, for the teacher who may change it.
func ownership(sec dossier.PreconventionSection) string {
	switch {
	case sec.Own && sec.Common != "":
		return "Texte propre à cet élève (la période en a un autre)."
	case sec.Own:
		return "Texte propre à cet élève."
	case sec.Common != "":
		return "Texte commun à la période : modifié ici, il ne vaudra que pour cet élève."
	}
	return "La période n'a pas de texte commun pour cette section."
}
