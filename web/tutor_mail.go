package web

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/mail"
)

// The emails that carry tutors' links. The mail queue calls mint only for a message that is not
// a duplicate, so « Envoyer » twice makes one token and sends one email.

// errNoMailer: the app was started without a mail queue (web.Config.Mailer).
var errNoMailer = errors.New("web: no mailer configured")

// pocketBaseDefaultURL is PocketBase's application URL until administrators set theirs.
const pocketBaseDefaultURL = "http://localhost:8090"

// linkBase is the site's address as links, QR codes and slips must name it: the application URL set in the
// dashboard, else the address this request came to (https when cookies are Secure).
func (s *Server) linkBase(c *fiber.Ctx) string {
	if u := s.appURL(); u != "" {
		return u
	}
	scheme := "http"
	if s.cfg.SecureCookies {
		scheme = "https"
	}
	base := scheme + "://" + string(c.Request().Host())
	s.lastBase.Store(base)
	return base
}

func (s *Server) appURL() string {
	u := strings.TrimRight(s.app.Settings().Meta.AppURL, "/")
	if u == pocketBaseDefaultURL {
		return ""
	}
	return u
}

// mailLink queues a tutor's email about dossier d; mint makes the link's token (and stores its
// grant). It returns the queue's receipt and the link minted ("" for a duplicate).
func (s *Server) mailLink(kind, key, base string, d *dossier.Dossier, tutor *dossier.User,
	expires time.Time, mint func() (string, error)) (mail.Receipt, string, error) {
	if s.cfg.Mailer == nil {
		return mail.Receipt{}, "", errNoMailer
	}
	data, err := s.tutorLinkData(d, tutor, expires)
	if err != nil {
		return mail.Receipt{}, "", err
	}
	render := mail.TutorLink
	if kind == mail.KindTutorLinkAgain {
		render = mail.TutorLinkAgain
	}
	email, err := render(data)
	if err != nil {
		return mail.Receipt{}, "", err
	}
	var link string
	r, err := s.cfg.Mailer.Enqueue(mail.Message{Email: email, Kind: kind, To: tutor.Email(),
		ToName: data.Tutor.Name(), Placement: d.ID(), Key: key,
		Link: func() (string, error) {
			tok, err := mint()
			link = base + "/acces/" + tok
			return link, err
		}})
	return r, link, err
}

// tutorLinkData is what a tutor's email says of the dossier.
func (s *Server) tutorLinkData(d *dossier.Dossier, tutor *dossier.User, expires time.Time) (mail.TutorLinkData, error) {
	referents, err := s.store.ReferentsOf(d.ID())
	if err != nil {
		return mail.TutorLinkData{}, err
	}
	data := mail.TutorLinkData{School: s.store.SchoolName(),
		Tutor:   mail.Person{FirstName: tutor.GetString("first_name"), LastName: tutor.GetString("last_name"), Email: tutor.Email()},
		Student: mail.Person{FirstName: d.Student.GetString("first_name"), LastName: d.Student.GetString("last_name")},
		Company: d.Placement.GetString("company_name"), Period: d.Period.GetString("name"),
		Start: d.Period.Start(), End: d.Period.End(), Expires: expires}
	for _, p := range referents[d.ID()] {
		data.Referents = append(data.Referents, mail.Person{FirstName: p.FirstName, LastName: p.LastName, Email: p.Email})
	}
	return data, nil
}

// renewToken mints a new token for a valid grant, keeping its expiry.
func (s *Server) renewToken(grantID string) func() (string, error) {
	return func() (string, error) {
		tok, hash, err := dossier.NewAccessToken()
		if err != nil {
			return "", err
		}
		_, err = s.store.RenewGrantToken(grantID, hash)
		return tok, err
	}
}

// Relink mints a fresh link for a queued email whose link a restart lost (mail.Config.Relink):
// a tutor's grant keeps its expiry, its old link ends; a teacher gets a new invitation.
func (s *Server) Relink(kind, to, placementID string) (string, error) {
	base := s.appURL()
	if b, ok := s.lastBase.Load().(string); ok && base == "" {
		base = b
	}
	if base == "" {
		return "", errors.New("adresse du site inconnue : renseignez l'URL de l'application dans les réglages du tableau de bord")
	}
	if kind == mail.KindInvitation {
		return s.relinkInvitation(base, to)
	}
	tutor := s.store.TutorByEmail(to)
	if tutor == nil {
		return "", errors.New("le destinataire n'est plus un tuteur")
	}
	grants, err := s.store.GrantsOf(tutor.Id, placementID)
	if err != nil {
		return "", err
	}
	for _, g := range grants {
		if g.Valid(s.cfg.Now()) {
			tok, err := s.renewToken(g.Id)()
			return base + "/acces/" + tok, err
		}
	}
	return "", errors.New("l'accès du tuteur a pris fin entre-temps")
}
