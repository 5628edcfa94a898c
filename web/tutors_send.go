package web

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/mail"
	"livret/pfmp"
)

// The window's two actions on the chosen student: send (or send again) the tutor's link, and
// invalidate the access.

var tutorLabels = map[string]string{"tutor_last_name": "Nom", "tutor_first_name": "Prénom", "tutor_email": "Adresse électronique"}

// checkTutorForm: the three fields are required, by the fiche's own rules otherwise.
func checkTutorForm(form map[string]string) error {
	errs := pfmp.FieldErrors{}
	for _, name := range dossier.TutorFields {
		rule := pfmp.HostRules[name]
		errs.Add(name, pfmp.Required(form[name], tutorLabels[name]))
		if rule.Check != nil {
			errs.Add(name, rule.Check(form[name]))
		}
		errs.Add(name, pfmp.MaxLen(form[name], rule.Max, tutorLabels[name]))
	}
	return errs.Err()
}

// tutorSend writes the tutor's identity on the fiche, makes or finds his account and mails him
// a link valid 180 days. With no SMTP server configured the link is shown once, to pass on.
func (s *Server) tutorSend(c *fiber.Ctx) error {
	d, err := s.windowPlacement(c, pfmp.ManageTutorLink)
	if err != nil {
		return err
	}
	if d.Student.GetString("status") == "apprenti" {
		return pfmp.Conflict("Un apprenti est suivi par son maître d'apprentissage : aucun lien tuteur ne lui est envoyé.")
	}
	form := formValues(c, dossier.TutorFields...)
	tutor, err := s.saveTutor(c, d, form)
	if err != nil {
		if isFormError(err) {
			return s.tutorFormAgain(c, d, form, err)
		}
		return err
	}
	receipt, link, err := s.sendTutorLink(c, d.Dossier, tutor)
	if err != nil {
		return err
	}
	who := tutor.Email()
	switch {
	case receipt.Duplicate:
		s.flash(c, "Un lien d'accès vient déjà d'être envoyé à "+who+" : il n'a pas été envoyé une seconde fois.")
	case !s.app.Settings().SMTP.Enabled:
		return s.tutorLinkShown(c, d, link)
	default:
		s.flash(c, "Lien d'accès envoyé à "+who+", valable jusqu'au "+
			pfmp.FormatLong(s.cfg.Now().Add(pfmp.GrantValidity))+".")
	}
	return c.Redirect(windowHref(c.Params("id"), d.ID()), fiber.StatusSeeOther)
}

// saveTutor checks the form, writes it on the fiche (if nobody changed those fields since the
// window showed them) and returns the tutor's account.
func (s *Server) saveTutor(c *fiber.Ctx, d *openDossier, form map[string]string) (*dossier.User, error) {
	if err := checkTutorForm(form); err != nil {
		return nil, err
	}
	values := dossier.Fields{}
	for k, v := range form {
		values[k] = v
	}
	if _, err := s.store.UpdatePlacement(d.ID(), dossier.PlacementEdit{Owned: dossier.TutorFields,
		Seen: c.FormValue(seenField), Values: values}); err != nil {
		return nil, err
	}
	return s.store.TutorAccount(dossier.Tutor{FirstName: form["tutor_first_name"], LastName: form["tutor_last_name"],
		Email: form["tutor_email"]})
}

// sendTutorLink queues the link's email; the token is made (and the grant issued or renewed)
// only if the email is not a duplicate of one just sent.
func (s *Server) sendTutorLink(c *fiber.Ctx, d *dossier.Dossier, tutor *dossier.User) (mail.Receipt, string, error) {
	grants, err := s.store.GrantsOf(tutor.Id, d.ID())
	if err != nil {
		return mail.Receipt{}, "", err
	}
	// The same message is the same link to the same tutor, until an invalidation: sending
	// after « Invalider l'accès » is a new message, never a duplicate of the one before.
	revoked := ""
	for _, g := range grants {
		revoked = max(revoked, g.GetString("revoked_at"))
	}
	key := mail.KindTutorLink + "|" + strings.ToLower(tutor.Email()) + "|" + d.ID() + "|" + revoked
	return s.mailLink(mail.KindTutorLink, key, s.linkBase(c), d, tutor, s.cfg.Now().Add(pfmp.GrantValidity),
		func() (string, error) {
			tok, hash, err := dossier.NewAccessToken()
			if err != nil {
				return "", err
			}
			_, err = s.store.IssueGrant(tutor.Id, d.ID(), hash)
			return tok, err
		})
}

// tutorLinkShown answers a sending to the outbox: the window, with the link to pass on.
func (s *Server) tutorLinkShown(c *fiber.Ctx, d *openDossier, link string) error {
	w, err := s.tutorWindowOf(c.Params("id"), d.ID())
	if err != nil {
		return err
	}
	w.Link = link
	c.Set(fiber.HeaderCacheControl, "no-store")
	return s.page(c, fiber.StatusOK, "tutors/window", tutorsTitle+" — "+w.Period.Name, &tutorsView{Window: w})
}

// tutorFormAgain shows the window again with what was typed and why it was refused.
func (s *Server) tutorFormAgain(c *fiber.Ctx, d *openDossier, form map[string]string, cause error) error {
	w, err := s.tutorWindowOf(c.Params("id"), d.ID())
	if err != nil {
		return err
	}
	if w.Chosen != nil {
		w.Chosen.Tutor, w.Chosen.Seen = form, c.FormValue(seenField)
	}
	return s.invalid(c, "tutors/window", tutorsTitle+" — "+w.Period.Name, &tutorsView{Window: w}, cause)
}

// tutorRevoke ends the dossier's access at once, the sessions opened with its link included.
func (s *Server) tutorRevoke(c *fiber.Ctx) error {
	d, err := s.windowPlacement(c, pfmp.ManageTutorLink)
	if err != nil {
		return err
	}
	n, err := s.store.RevokeGrantsOf(d.ID())
	if err != nil {
		return err
	}
	if n == 0 {
		s.flash(c, "Aucun accès en cours pour "+d.Student.FullName()+".")
	} else {
		s.flash(c, "Accès invalidé pour "+d.Student.FullName()+" : le lien du tuteur ne fonctionne plus, "+
			"et ce qu'il avait ouvert est fermé.")
	}
	return c.Redirect(windowHref(c.Params("id"), d.ID()), fiber.StatusSeeOther)
}

// windowHref is the window with a student chosen.
func windowHref(periodID, placementID string) string {
	return "/periodes/" + url.PathEscape(periodID) + "/tuteurs?apprenant=" + url.QueryEscape(placementID)
}
