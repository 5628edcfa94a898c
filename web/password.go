package web

// A person's own password: chosen at the first login (an imported student, a password reset
// by a teacher) — the account sees nothing else until then — and changed at will later.

import (
	"github.com/gofiber/fiber/v2"

	"livret/accounts"
	"livret/pfmp"
)

const (
	passwordURL   = "/mot-de-passe"
	passwordTitle = "Choisir mon mot de passe"
	passwordSaved = "Mot de passe enregistré : utilisez-le désormais pour vous connecter."
)

// holdToPasswordChange keeps an account that must choose its password on the page that does
// it: every other page sends it there, except logging out.
func holdToPasswordChange(c *fiber.Ctx) error {
	a := actorOf(c)
	if a == nil || !a.MustChangePassword || c.Path() == passwordURL || c.Path() == "/deconnexion" {
		return c.Next()
	}
	if isFragment(c) {
		c.Set("HX-Redirect", passwordURL)
		return c.SendStatus(fiber.StatusForbidden)
	}
	return c.Redirect(passwordURL, fiber.StatusSeeOther)
}

// passwordForm shows the change form, with the rule.
func (s *Server) passwordForm(c *fiber.Ctx) error {
	return s.page(c, fiber.StatusOK, "auth/password", passwordTitle, passwordData(c))
}

// passwordView is the password change form, with the rule.
type passwordView struct {
	Page
	Forced    bool // the first login's change: the current password is not asked
	Rule      string
	MinLength int
}

func passwordData(c *fiber.Ctx) *passwordView {
	return &passwordView{Forced: actorOf(c).MustChangePassword, Rule: accounts.PasswordRule,
		MinLength: accounts.MinPasswordLength}
}

// passwordChange checks the rule, then the current password (not asked at a forced change),
// saves, and opens a new session: the change ended every other one, on every device.
func (s *Server) passwordChange(c *fiber.Ctx) error {
	a := actorOf(c)
	keys := throttleKeys(clientIP(c), "account:"+a.ID)
	if w := s.logins.wait(keys...); w > 0 {
		data := passwordData(c)
		data.refused(pfmp.Invalid(tooManyAttempts(w), nil))
		return s.page(c, fiber.StatusTooManyRequests, "auth/password", passwordTitle, data)
	}
	rec := s.store.Account(a.ID)
	if rec == nil {
		return pfmp.NotFound("Ce compte n'existe plus.")
	}
	chosen := c.FormValue("mot_de_passe")
	err := accounts.CheckNewPassword(chosen, c.FormValue("confirmation"), rec.GetString("first_name"),
		rec.GetString("last_name"), rec.GetString("username"))
	if err == nil {
		rec, err = s.store.ChangePassword(a.ID, c.FormValue("actuel"), chosen)
		if _, wrong := pfmp.FieldsOf(err)["actuel"]; wrong {
			s.logins.failed(keys...)
		}
	}
	if err != nil {
		if isFormError(err) {
			return s.invalid(c, "auth/password", passwordTitle, passwordData(c), err)
		}
		return err
	}
	if err := s.startSession(c, rec); err != nil {
		return err
	}
	s.flash(c, passwordSaved)
	return c.Redirect(homeFor(actorFromRecord(rec)), fiber.StatusSeeOther)
}
