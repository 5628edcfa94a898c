package web

import (
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
)

// A tutor's access link, /acces/<token>, is swapped at once for a session cookie and a
// redirect to an address without it: the token never reaches a log (this route answers no
// error and logs no path), a Referer (no-referrer, and the landing page is another address) or
// a page. A link that does not open shows /acces/fin, which says why and whom to ask.

const (
	accessEndedPath   = "/acces/fin"
	accessEndedCookie = "livret_acces_fin" // "reason.grant" for /acces/fin, set just before it
)

// Why a link does not (or no longer) open.
const (
	endExpired   = "expire"
	endRevoked   = "revoque"
	endReplaced  = "remplace"
	endUnknown   = "inconnu"
	endThrottled = "trop"
	endDisabled  = "desactive"
	endFailed    = "erreur"
)

// openLink swaps a valid link for a tutor session on his home page.
func (s *Server) openLink(c *fiber.Ctx) error {
	g, end := tokenLookup(s, c, c.Params("token"), "d'accès tuteur", s.store.GrantByTokenHash)
	switch {
	case end != "":
		return s.linkRefused(c, end, "")
	case g.Revoked():
		return s.linkRefused(c, endRevoked, g.Id)
	case !g.Valid(s.cfg.Now()):
		return s.linkRefused(c, endExpired, g.Id)
	}
	return s.openGrant(c, g, clientIP(c))
}

// tokenLookup finds what a link's token opens (a tutor's grant, a teacher's invitation) by
// the token's hash; end says why nothing does. The answer is never cached nor referred. A
// well-formed token that opens nothing counts against the address (a cut or mistyped link is
// not a guess); past five in a quarter of an hour, the address waits. what names the link in
// the logs, never the token.
func tokenLookup[T any](s *Server, c *fiber.Ctx, token, what string, find func(hash string) (*T, error)) (*T, string) {
	c.Set(fiber.HeaderReferrerPolicy, "no-referrer")
	c.Set(fiber.HeaderCacheControl, "no-store")
	ip := clientIP(c)
	guessKey := "lien:" + ip
	if w := s.linkGuesses.wait(guessKey); w > 0 {
		s.app.Logger().Warn("Lien "+what+" refusé : trop de liens non valables depuis cette adresse", "ip", ip)
		return nil, endThrottled
	}
	if !dossier.IsAccessToken(token) {
		return nil, endUnknown
	}
	found, err := find(dossier.AccessTokenHash(token))
	switch {
	case err != nil:
		s.app.Logger().Error("Ouverture d'un lien "+what, "error", err)
		return nil, endFailed
	case found == nil:
		s.linkGuesses.failed(guessKey)
		s.app.Logger().Warn("Tentative d'ouverture d'un lien "+what+" inconnu", "ip", ip, "user_agent", c.Get(fiber.HeaderUserAgent))
		return nil, endUnknown
	}
	return found, ""
}

// openGrant records the use of a valid grant and opens the tutor's session with it.
func (s *Server) openGrant(c *fiber.Ctx, g *dossier.Grant, ip string) error {
	tutor := s.store.TutorOf(g)
	if tutor == nil || tutor.GetBool("disabled") {
		return s.linkRefused(c, endDisabled, g.Id)
	}
	if err := s.store.RecordGrantUse(g.Id, s.cfg.Now(), ip); err != nil {
		s.app.Logger().Error("Ouverture d'un lien d'accès tuteur", "grant", g.Id, "error", err)
		return s.linkRefused(c, endFailed, "")
	}
	if err := s.startLinkSession(c, tutor, g); err != nil {
		s.app.Logger().Error("Ouverture d'un lien d'accès tuteur", "grant", g.Id, "error", err)
		return s.linkRefused(c, endFailed, "")
	}
	s.app.Logger().Info("Lien d'accès tuteur ouvert", "grant", g.Id, "placement", g.PlacementID(),
		"tutor", tutor.Id, "ip", ip)
	return c.Redirect("/mes-apprenants", fiber.StatusSeeOther)
}

// linkRefused sends the visitor to the page that says why the link does not open.
func (s *Server) linkRefused(c *fiber.Ctx, reason, grantID string) error {
	s.noteAccessEnd(c, reason, grantID)
	return c.Redirect(accessEndedPath, fiber.StatusSeeOther)
}

// noteAccessEnd keeps, for /acces/fin, why access ended and on which grant.
func (s *Server) noteAccessEnd(c *fiber.Ctx, reason, grantID string) {
	c.Cookie(&fiber.Cookie{Name: accessEndedCookie, Value: reason + "." + grantID, Path: "/acces",
		MaxAge: int((10 * time.Minute) / time.Second), HTTPOnly: true, Secure: s.cfg.SecureCookies,
		SameSite: fiber.CookieSameSiteLaxMode})
}

// endPage is what a link that does not open says: its status, its title and its lines.
type endPage struct {
	status       int
	title, lines string
}

// paragraphs are the page's lines, one paragraph each.
func (p endPage) paragraphs() []string { return strings.Split(p.lines, "\n") }

// endPages is what /acces/fin says for each reason.
var endPages = map[string]endPage{
	endExpired: {fiber.StatusGone, "Lien d'accès expiré",
		"Ce lien d'accès a expiré : il était valable 180 jours.\nPour continuer à suivre cet élève, demandez un nouveau lien à son professeur référent."},
	endRevoked: {fiber.StatusGone, "Accès invalidé",
		"L'établissement a invalidé ce lien d'accès : il ne permet plus d'ouvrir le livret de l'élève.\nSi vous accueillez toujours cet élève, adressez-vous à son professeur référent."},
	endReplaced: {fiber.StatusGone, "Lien d'accès remplacé",
		"Un lien plus récent a été envoyé à votre adresse électronique : il remplace celui-ci.\nUtilisez le dernier courriel reçu, ou demandez un nouveau lien sur la page de connexion."},
	endUnknown: {fiber.StatusNotFound, "Lien d'accès non valable",
		"Ce lien d'accès n'est pas valable : il est peut-être incomplet (vérifiez qu'il a été copié en entier) ou a été remplacé par un lien plus récent.\nUtilisez le dernier courriel reçu, demandez un nouveau lien sur la page de connexion, ou adressez-vous à l'enseignant qui vous l'a transmis."},
	endThrottled: {fiber.StatusTooManyRequests, "Trop de tentatives",
		"Trop de liens d'accès non valables ont été essayés depuis cette connexion.\nRéessayez dans un quart d'heure, avec le lien du dernier courriel reçu."},
	endDisabled: {fiber.StatusForbidden, "Compte désactivé",
		"Votre compte a été désactivé par l'établissement.\nAdressez-vous au professeur référent de l'élève."},
	endFailed: {fiber.StatusServiceUnavailable, "Lien d'accès momentanément indisponible",
		"Une erreur interne a empêché d'ouvrir ce lien.\nRéessayez dans quelques instants."},
}

// accessEndedView says why a tutor's link does not open, and whom to ask.
type accessEndedView struct {
	Page
	Heading   string
	Lines     []string
	Referents []dossier.Person // the dossier's referent teachers, when the link is known
}

// accessEnded says, in French, why a link does not open and whom to ask — and nothing else.
func (s *Server) accessEnded(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	reason, grantID, _ := strings.Cut(c.Cookies(accessEndedCookie), ".")
	page, ok := endPages[reason]
	if !ok {
		page = endPages[endUnknown]
	}
	data := &accessEndedView{Heading: page.title, Lines: page.paragraphs()}
	if grantID != "" {
		referents, err := s.store.ReferentsOfGrant(grantID)
		if err != nil {
			return err
		}
		data.Referents = referents
	}
	return s.page(c, page.status, "access/ended", page.title, data)
}
