package web

import (
	"fmt"
	"math"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

const badLogin = "Identifiant ou mot de passe incorrect."

// loginForm shows the login page; a logged-in visitor goes home.
func (s *Server) loginForm(c *fiber.Ctx) error {
	if actorOf(c) != nil {
		return c.Redirect(homeFor(actorOf(c)), fiber.StatusSeeOther)
	}
	return s.page(c, fiber.StatusOK, "auth/login", "Connexion", fiber.Map{"Next": safeNext(c.Query("suite"))})
}

// login checks the password; failures answer 422 with one message whatever went wrong.
func (s *Server) login(c *fiber.Ctx) error {
	identity := strings.TrimSpace(c.FormValue("identifiant"))
	next := safeNext(c.FormValue("suite"))
	keys := throttleKeys(clientIP(c), identity)
	form := fiber.Map{"Identity": identity, "Next": next}
	if w := s.logins.wait(keys...); w > 0 {
		form["LoginError"] = fmt.Sprintf("Trop de tentatives échouées. Réessayez dans %d minute(s).",
			int(math.Ceil(w.Minutes())))
		return s.page(c, fiber.StatusTooManyRequests, "auth/login", "Connexion", form)
	}
	rec := s.findLogin(identity)
	if rec == nil || !rec.ValidatePassword(c.FormValue("mot_de_passe")) {
		s.logins.failed(keys...)
		form["LoginError"] = badLogin
		return s.page(c, fiber.StatusUnprocessableEntity, "auth/login", "Connexion", form)
	}
	s.logins.succeeded(keys[1])
	if err := s.startSession(c, rec); err != nil {
		return err
	}
	if next == "" {
		next = homeFor(actorFromRecord(rec))
	}
	return c.Redirect(next, fiber.StatusSeeOther)
}

// findLogin finds an account by email or username. When none matches, a dummy record still
// pays the bcrypt cost, so timing does not tell whether the account exists.
func (s *Server) findLogin(identity string) *core.Record {
	if identity != "" {
		var rec *core.Record
		var err error
		if strings.Contains(identity, "@") {
			rec, err = s.app.FindAuthRecordByEmail("users", identity)
		} else {
			rec, err = s.app.FindFirstRecordByData("users", "username", identity)
		}
		if err == nil && rec.GetString("role") != "" {
			return rec
		}
	}
	s.dummy().ValidatePassword("x")
	return nil
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

func (s *Server) logout(c *fiber.Ctx) error {
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
