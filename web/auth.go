package web

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

const (
	badLogin      = "Identifiant ou mot de passe incorrect."
	disabledLogin = "Ce compte a été désactivé : adressez-vous à l'administration de l'établissement."
)

// loginView is the login page: the login form, and the tutors' « lien perdu » form.
type loginView struct {
	Page
	Identity   string // what was typed
	Next       string // where to go once logged in
	LoginError string
	LostEmail  string // the lost link's form: what was typed…
	LostError  string // …why it was refused…
	LostSent   string // …or that a link is on its way
}

// loginForm shows the login page; a logged-in visitor goes home.
func (s *Server) loginForm(c *fiber.Ctx) error {
	if actorOf(c) != nil {
		return c.Redirect(homeFor(actorOf(c)), fiber.StatusSeeOther)
	}
	return s.page(c, fiber.StatusOK, "auth/login", "Connexion", &loginView{Next: safeNext(c.Query("suite"))})
}

// login checks the password; failures answer 422 with one message whatever went wrong. The
// throttle counts per address and per account, however the account was named.
func (s *Server) login(c *fiber.Ctx) error {
	identity := strings.TrimSpace(c.FormValue("identifiant"))
	next := safeNext(c.FormValue("suite"))
	rec := s.store.FindAccount(identity)
	keys := throttleKeys(clientIP(c), accountKey(rec, identity))
	form := &loginView{Identity: identity, Next: next}
	if w := s.logins.wait(keys...); w > 0 {
		form.LoginError = tooManyAttempts(w)
		return s.page(c, fiber.StatusTooManyRequests, "auth/login", "Connexion", form)
	}
	if !s.passwordMatches(rec, c.FormValue("mot_de_passe")) {
		s.logins.failed(keys...)
		form.LoginError = badLogin
		return s.page(c, fiber.StatusUnprocessableEntity, "auth/login", "Connexion", form)
	}
	s.logins.succeeded(keys[1])
	if rec.GetBool("disabled") { // told only to whoever knows the password
		form.LoginError = disabledLogin
		return s.page(c, fiber.StatusForbidden, "auth/login", "Connexion", form)
	}
	if err := s.startSession(c, rec); err != nil {
		return err
	}
	if next == "" {
		next = homeFor(actorFromRecord(rec))
	}
	return c.Redirect(next, fiber.StatusSeeOther)
}

// accountKey names an account for the throttle: by its id when it exists, so that its
// username and its email count as one.
func accountKey(rec *core.Record, identity string) string {
	if rec != nil {
		return "account:" + rec.Id
	}
	return "name:" + strings.ToLower(identity)
}

// passwordMatches checks the password. Without an account, a dummy record still pays the
// bcrypt cost, so timing does not tell whether the account exists.
func (s *Server) passwordMatches(rec *core.Record, password string) bool {
	if rec == nil {
		s.dummy().ValidatePassword("x")
		return false
	}
	return rec.ValidatePassword(password)
}

// dummy is a record with a real bcrypt hash, for constant-time refusals.
func (s *Server) dummy() *core.Record {
	s.dummyOnce.Do(func() {
		col, _ := s.app.FindCachedCollectionByNameOrId("users")
		s.dummyRec = core.NewRecord(col)
		s.dummyRec.SetPassword("livret-dummy-password")
	})
	return s.dummyRec
}

// logout ends every session of the account, on every device, not only this cookie.
func (s *Server) logout(c *fiber.Ctx) error {
	if a := actorOf(c); a != nil {
		if err := s.store.EndSessions(a.ID); err != nil {
			return err
		}
	}
	s.clearSession(c)
	return c.Redirect("/connexion", fiber.StatusSeeOther)
}

// home sends each role to its first screen.
func (s *Server) home(c *fiber.Ctx) error {
	return c.Redirect(homeFor(actorOf(c)), fiber.StatusSeeOther)
}

func homeFor(a *pfmp.Actor) string {
	if items := navFor(a, ""); len(items) > 0 {
		return items[0].Href // the first screen the policy opens to this actor
	}
	return "/connexion"
}

// tooManyAttempts refuses a password tried too often, for the wait w still to come.
func tooManyAttempts(w time.Duration) string {
	return fmt.Sprintf("Trop de tentatives échouées. Réessayez dans %d minute(s).", int(math.Ceil(w.Minutes())))
}
