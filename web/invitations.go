package web

// A teacher's invitation link, /invitation/<token>: the token is swapped at once for a short
// cookie and a redirect to /invitation, which asks for the password twice; choosing it uses the
// invitation up and opens the teacher's session on his home. The token never reaches a page, a
// Referer or a log. A link that does not open says why, and to ask the administrator for a new
// invitation; guessed tokens are counted by address like the tutors' links.

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/accounts"
	"livret/dossier"
)

const (
	invitationPath   = "/invitation"
	invitationCookie = "livret_invitation" // the token, between the link and the password chosen
	invitationTitle  = "Choisir mon mot de passe"
	endUsed          = "utilise"
)

// invitationEnds is what a link that does not open says, by reason (see access_links.go).
var invitationEnds = map[string]endPage{
	endUnknown: {fiber.StatusNotFound, "Lien d'invitation non valable",
		"Ce lien d'invitation n'est pas valable : il est peut-être incomplet (vérifiez qu'il a été copié en entier), ou une invitation plus récente l'a remplacé.\nUtilisez le lien du dernier courriel d'invitation reçu, ou demandez une nouvelle invitation à l'administrateur de l'application de votre établissement."},
	endUsed: {fiber.StatusGone, "Lien d'invitation déjà utilisé",
		"Ce lien d'invitation a déjà servi à choisir un mot de passe : il ne sert qu'une fois.\nConnectez-vous avec votre identifiant et votre mot de passe. Si vous l'avez oublié, adressez-vous à l'administrateur de l'application de votre établissement."},
	endExpired: {fiber.StatusGone, "Lien d'invitation expiré",
		"Ce lien d'invitation a expiré : il était valable 7 jours.\nDemandez une nouvelle invitation à l'administrateur de l'application de votre établissement."},
	endThrottled: {fiber.StatusTooManyRequests, "Trop de tentatives",
		"Trop de liens non valables ont été essayés depuis cette connexion.\nRéessayez dans un quart d'heure, avec le lien du dernier courriel d'invitation reçu."},
	endDisabled: {fiber.StatusForbidden, "Compte désactivé",
		"Ce compte a été désactivé par l'établissement.\nAdressez-vous à l'administrateur de l'application."},
	endFailed: {fiber.StatusServiceUnavailable, "Lien d'invitation momentanément indisponible",
		"Une erreur interne a empêché d'ouvrir ce lien.\nRéessayez dans quelques instants."},
}

// invitationEnded is the page of a link that does not open.
type invitationEnded struct {
	Heading string
	Lines   []string
}

// invitationView is the password form of an invitation.
type invitationView struct {
	FirstName, LastName string
	Username, Email     string
	Rule                string
	MinLength           int
}

// invitationSessionView is the page of a link that would open while someone is logged in.
type invitationSessionView struct{ Page }

// inSession refuses a link that opens while a session is open in this browser: choosing the
// password would switch it to the invited account, unseen (see invitationAccepted).
func (s *Server) inSession(c *fiber.Ctx) error {
	return s.page(c, fiber.StatusConflict, "auth/invitation_session", "Déconnectez-vous d'abord", &invitationSessionView{})
}

// openInvitation swaps a valid link for the cookie of the password form.
func (s *Server) openInvitation(c *fiber.Ctx) error {
	token := c.Params("token")
	if _, end := s.invitationOf(c, token); end != "" {
		return s.invitationRefused(c, end)
	}
	if actorOf(c) != nil {
		return s.inSession(c)
	}
	s.setInvitationCookie(c, token, time.Now().Add(time.Hour))
	return c.Redirect(invitationPath, fiber.StatusSeeOther)
}

// setInvitationCookie keeps a token for the password form until expires (in the past: drops it).
func (s *Server) setInvitationCookie(c *fiber.Ctx, token string, expires time.Time) {
	c.Cookie(&fiber.Cookie{Name: invitationCookie, Value: token, Path: invitationPath, Expires: expires,
		HTTPOnly: true, Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode})
}

// dropInvitationCookie forgets the link's token.
func (s *Server) dropInvitationCookie(c *fiber.Ctx) { s.setInvitationCookie(c, "", time.Unix(1, 0)) }

// invitationForm asks the invited teacher for his password, twice, with the rule.
func (s *Server) invitationForm(c *fiber.Ctx) error {
	_, v, end := s.openedInvitation(c)
	if end != "" {
		return s.invitationRefused(c, end)
	}
	if actorOf(c) != nil {
		return s.inSession(c)
	}
	return s.page(c, fiber.StatusOK, "auth/invitation", invitationTitle, withPage(v))
}

// invitationAccept checks the rule, sets the password, uses the invitation up and opens the
// teacher's session on his home.
func (s *Server) invitationAccept(c *fiber.Ctx) error {
	inv, v, end := s.openedInvitation(c)
	if end != "" {
		return s.invitationRefused(c, end)
	}
	if actorOf(c) != nil {
		return s.inSession(c)
	}
	chosen := c.FormValue("mot_de_passe")
	err := accounts.CheckNewPassword(chosen, c.FormValue("confirmation"), v.FirstName, v.LastName, v.Username)
	if err == nil {
		var user *core.Record
		if user, err = s.store.AcceptInvitation(inv.ID, chosen); err == nil {
			return s.invitationAccepted(c, user)
		}
	}
	switch {
	case errors.Is(err, dossier.ErrInvitationClosed):
		return s.invitationRefused(c, endUsed)
	case isFormError(err):
		return s.invalid(c, "auth/invitation", invitationTitle, withPage(v), err)
	}
	return err
}

// invitationAccepted opens the teacher's new session, the link's cookie dropped.
func (s *Server) invitationAccepted(c *fiber.Ctx, rec *core.Record) error {
	s.dropInvitationCookie(c)
	if err := s.startSession(c, rec); err != nil {
		return err
	}
	s.app.Logger().Info("Invitation d'un enseignant acceptée", "user", rec.Id, "ip", clientIP(c))
	s.flash(c, "Mot de passe enregistré : bienvenue ! Connectez-vous désormais avec votre identifiant ("+
		rec.GetString("username")+") ou votre adresse électronique, et ce mot de passe.")
	return c.Redirect(homeFor(actorFromRecord(rec)), fiber.StatusSeeOther)
}

// invitationOf finds the invitation a token opens (tokenLookup, as a tutor's link); end says
// why none does.
func (s *Server) invitationOf(c *fiber.Ctx, token string) (*dossier.Invitation, string) {
	inv, end := tokenLookup(s, c, token, "d'invitation", s.store.InvitationByTokenHash)
	switch {
	case end != "":
		return nil, end
	case inv.Used():
		return nil, endUsed
	case !inv.Opens(s.cfg.Now()):
		return nil, endExpired
	}
	return inv, ""
}

// openedInvitation is the invitation whose link this browser opened (its cookie), and its
// teacher's form; end says why there is none.
func (s *Server) openedInvitation(c *fiber.Ctx) (*dossier.Invitation, invitationView, string) {
	inv, end := s.invitationOf(c, c.Cookies(invitationCookie))
	if end != "" {
		return nil, invitationView{}, end
	}
	rec := s.store.Account(inv.UserID)
	switch {
	case rec == nil:
		return nil, invitationView{}, endUnknown
	case rec.GetBool("disabled"):
		return nil, invitationView{}, endDisabled
	}
	return inv, invitationView{FirstName: rec.GetString("first_name"), LastName: rec.GetString("last_name"),
		Username: rec.GetString("username"), Email: rec.Email(),
		Rule: accounts.FirstPasswordRule, MinLength: accounts.MinPasswordLength}, ""
}

// invitationRefused says why the link does not open, and drops its cookie.
func (s *Server) invitationRefused(c *fiber.Ctx, reason string) error {
	if c.Cookies(invitationCookie) != "" {
		s.dropInvitationCookie(c)
	}
	page := invitationEnds[reason]
	return s.page(c, page.status, "auth/invitation_ended", page.title,
		withPage(invitationEnded{Heading: page.title, Lines: page.paragraphs()}))
}
