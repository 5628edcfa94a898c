package web

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/mail"
	"livret/pfmp"
)

// A tutor who lost his link asks the login page for a new one by typing his email address. The
// answer is the same whether or not the address holds a valid grant, and comes before anything
// is looked up: the requests go to one background worker, in order, which mails a new link for
// each dossier the address may still open. Requests are counted per address and per email.

const lostLinkSent = "Si cette adresse correspond à un accès en cours, un nouveau lien vient d'y être envoyé " +
	"(un courriel par élève suivi). Pensez à regarder dans le courrier indésirable."

// lostLinkRequest is one request, with the site's address its links must name.
type lostLinkRequest struct{ email, base string }

// lostLinkQueue is the worker's queue: bounded, so a flood of requests cannot grow memory.
type lostLinkQueue struct {
	s        *Server
	requests chan lostLinkRequest
	done     chan struct{}
	once     sync.Once
	limits   *loginThrottle
}

func newLostLinkQueue(s *Server) *lostLinkQueue {
	q := &lostLinkQueue{s: s, requests: make(chan lostLinkRequest, 100), done: make(chan struct{}),
		limits: newLoginThrottle(s.cfg.Now)}
	go q.run()
	return q
}

func (q *lostLinkQueue) run() {
	defer close(q.done)
	for r := range q.requests {
		q.s.mailLostLinks(r)
	}
}

// add queues a request; a full queue drops it (the answer was the same anyway).
func (q *lostLinkQueue) add(r lostLinkRequest) {
	select {
	case q.requests <- r:
	default:
		q.s.app.Logger().Warn("Demande de nouveau lien tuteur abandonnée : file pleine")
	}
}

// close stops the worker once the requests queued are done.
func (q *lostLinkQueue) close() {
	q.once.Do(func() {
		close(q.requests)
		<-q.done
	})
}

// lostLink answers a request for a new link, always the same way.
func (s *Server) lostLink(c *fiber.Ctx) error {
	email := strings.TrimSpace(c.FormValue("courriel"))
	form := &loginView{LostEmail: email}
	keys := []string{"ip:" + clientIP(c), "courriel:" + strings.ToLower(email)}
	if w := s.lostLinks.limits.wait(keys...); w > 0 {
		form.LostError = fmt.Sprintf("Trop de demandes. Réessayez dans %d minute(s).", int(math.Ceil(w.Minutes())))
		return s.page(c, fiber.StatusTooManyRequests, "auth/login", "Connexion", form)
	}
	s.lostLinks.limits.failed(keys...) // every request counts
	if err := pfmp.Required(email, "Adresse électronique"); err != nil {
		form.LostError = err.Error()
		return s.page(c, fiber.StatusUnprocessableEntity, "auth/login", "Connexion", form)
	}
	if err := pfmp.Email(email); err != nil {
		form.LostError = err.Error()
		return s.page(c, fiber.StatusUnprocessableEntity, "auth/login", "Connexion", form)
	}
	s.lostLinks.add(lostLinkRequest{email: email, base: s.linkBase(c)})
	form.LostSent = lostLinkSent
	return s.page(c, fiber.StatusOK, "auth/login", "Connexion", form)
}

// mailLostLinks mails a new link for each dossier the address may still open (none, for an
// address that is not a tutor's): same expiry, new token, the old link ends.
func (s *Server) mailLostLinks(r lostLinkRequest) {
	tutor := s.store.TutorByEmail(r.email)
	if tutor == nil || tutor.GetBool("disabled") {
		return
	}
	grants, err := s.store.GrantsOfTutor(tutor.Id)
	if err != nil {
		s.app.Logger().Error("Demande de nouveau lien tuteur", "error", err)
		return
	}
	for _, g := range grants {
		if !g.Valid(s.cfg.Now()) {
			continue
		}
		if err := s.mailLostLink(r.base, tutor, g); err != nil {
			s.app.Logger().Error("Demande de nouveau lien tuteur", "grant", g.Id, "error", err)
		}
	}
}

func (s *Server) mailLostLink(base string, tutor *dossier.User, g *dossier.Grant) error {
	d, err := s.store.Load(g.PlacementID())
	if err != nil {
		return err
	}
	_, _, err = s.mailLink(mail.KindTutorLinkAgain, "", base, d, tutor, g.Expires(), s.renewToken(g.Id))
	return err
}
