package web

// The attestation de présence of one dossier: the six fields of the manual, typed by a teacher
// or the student before printing (or left blank for the pen), printed by them and by the
// company's tutor as « Attestation- <période>.pdf ».

import (
	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	attestationTitle = "Attestation de présence"
	attestationSaved = "Attestation enregistrée."
)

func attestationURL(d *openDossier) string { return "/dossiers/" + d.ID() + "/attestation" }

// attestationPage shows the fields: a form to those who type them, the values to the tutor.
func (s *Server) attestationPage(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.Print)
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "attestation/page", attestationTitle, s.attestationData(c, d, d.Placement.Attestation()))
}

// attestationSave stores the six fields; too long a value, or a form saved over a newer
// version, comes back with what was typed (422, 409).
func (s *Server) attestationSave(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditAttestation)
	if err != nil {
		return err
	}
	values := map[string]string{}
	for _, f := range pfmp.AttestationFields {
		values[f.Key] = pfmp.NormalizeText(c.FormValue(f.Key))
	}
	err = pfmp.CheckAttestation(values)
	if err == nil {
		err = s.store.SaveAttestation(d.ID(), c.FormValue(seenField), values)
	}
	if isFormError(err) {
		return s.invalid(c, "attestation/page", attestationTitle, s.attestationData(c, d, values), err)
	}
	if err != nil {
		return err
	}
	s.flash(c, attestationSaved)
	return c.Redirect(attestationURL(d), fiber.StatusSeeOther)
}

// attestationPDF downloads the attestation as the reference system names it.
func (s *Server) attestationPDF(c *fiber.Ctx) error {
	d, sh, doc, err := s.printedSheet(c, pfmp.Print, s.attestationDoc)
	if err != nil {
		return err
	}
	return s.sendPDF(c, doc, attestationFileName(sh), attestationURL(d)+"/apercu", attestationURL(d))
}

// attestationView is the print view in HTML.
func (s *Server) attestationView(c *fiber.Ctx) error {
	_, _, doc, err := s.printedSheet(c, pfmp.Print, s.attestationDoc)
	if err != nil {
		return err
	}
	return sendPrintView(c, doc)
}

// attestationField is one of the six fields as the page shows it.
type attestationField struct {
	pfmp.AttestationField
	Value string
}

// attestationFormView is the attestation's page: a form to those who type it, the values to the tutor.
type attestationFormView struct {
	Page
	Dossier *openDossier
	Fields  []attestationField
	Seen    string // the stored values' stamp when the form was shown
	URL     string
	CanEdit bool
}

func (s *Server) attestationData(c *fiber.Ctx, d *openDossier, values map[string]string) *attestationFormView {
	fields := make([]attestationField, len(pfmp.AttestationFields))
	for i, f := range pfmp.AttestationFields {
		fields[i] = attestationField{AttestationField: f, Value: values[f.Key]}
	}
	seen := c.FormValue(seenField)
	if seen == "" {
		seen = dossier.AttestationVersion(d.Placement)
	}
	return &attestationFormView{Dossier: d, Fields: fields, Seen: seen, URL: attestationURL(d),
		CanEdit: pfmp.Can(actorOf(c), pfmp.EditAttestation, d.Access)}
}
