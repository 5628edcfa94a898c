package web

import (
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

const (
	sessionCookie = "livret_session"
	actorKey      = "actor"
	userKey       = "user"
)

// session resolves the auth cookie into the actor; a bad or expired token is simply anonymous.
func (s *Server) session(c *fiber.Ctx) error {
	tok := c.Cookies(sessionCookie)
	if tok == "" {
		return c.Next()
	}
	rec, err := s.app.FindAuthRecordByToken(tok, core.TokenTypeAuth)
	if err != nil || rec.Collection().Name != "users" {
		s.clearSession(c)
		return c.Next()
	}
	c.Locals(userKey, rec)
	c.Locals(actorKey, actorFromRecord(rec))
	return c.Next()
}

func actorFromRecord(rec *core.Record) *pfmp.Actor {
	return &pfmp.Actor{
		ID:        rec.Id,
		Role:      pfmp.Role(rec.GetString("role")),
		FirstName: rec.GetString("first_name"),
		LastName:  rec.GetString("last_name"),
	}
}

// actorOf is the request's actor, nil when anonymous.
func actorOf(c *fiber.Ctx) *pfmp.Actor {
	a, _ := c.Locals(actorKey).(*pfmp.Actor)
	return a
}

// startSession issues a PocketBase auth token for rec in an HttpOnly cookie.
func (s *Server) startSession(c *fiber.Ctx, rec *core.Record) error {
	tok, err := rec.NewAuthToken()
	if err != nil {
		return err
	}
	c.Cookie(&fiber.Cookie{
		Name:     sessionCookie,
		Value:    tok,
		Path:     "/",
		MaxAge:   int(rec.Collection().AuthToken.DurationTime() / time.Second),
		HTTPOnly: true,
		Secure:   s.cfg.SecureCookies,
		SameSite: fiber.CookieSameSiteLaxMode,
	})
	return nil
}

func (s *Server) clearSession(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{
		Name: sessionCookie, Value: "", Path: "/", Expires: time.Unix(1, 0), // in the past: delete
		HTTPOnly: true, Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode,
	})
}

// requireLogin sends anonymous visitors to the login page, coming back here afterwards.
func requireLogin(c *fiber.Ctx) error {
	if actorOf(c) != nil {
		return c.Next()
	}
	if isFragment(c) {
		c.Set("HX-Redirect", "/connexion")
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	if c.Method() != fiber.MethodGet { // a form posted after the session ended: start from home
		return c.Redirect("/connexion", fiber.StatusSeeOther)
	}
	return c.Redirect("/connexion?suite="+url.QueryEscape(c.OriginalURL()), fiber.StatusSeeOther)
}

// safeNext keeps a post-login redirect on this site: a path, with no scheme, no host, no
// backslash or control character (browsers strip those and could read "//elsewhere").
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") ||
		strings.ContainsFunc(next, func(r rune) bool { return r == '\\' || unicode.IsControl(r) }) {
		return ""
	}
	if u, err := url.Parse(next); err != nil || u.Scheme != "" || u.Host != "" {
		return ""
	}
	return next
}
