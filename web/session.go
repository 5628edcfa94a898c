package web

import (
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"

	"livret/pfmp"
)

const (
	sessionCookie = "livret_session"
	actorKey      = "actor"
)

// session resolves the auth cookie into the actor; a bad, expired or ended session, or a
// disabled account, is simply anonymous.
func (s *Server) session(c *fiber.Ctx) error {
	tok := c.Cookies(sessionCookie)
	if tok == "" {
		return c.Next()
	}
	a := s.actorOfToken(tok)
	if a == nil {
		s.clearSession(c)
		return c.Next()
	}
	if s.linkSessionOver(a, tok) {
		return s.endLinkSession(c, a, tok)
	}
	c.Locals(actorKey, a)
	return c.Next()
}

// actorOfToken resolves a session token, from memory when it was resolved a moment ago
// (see sessionCache); nil when the session is not (or no longer) valid. Each call returns
// its own copy of the actor.
func (s *Server) actorOfToken(tok string) *pfmp.Actor {
	a, gen := s.sessions.get(tok)
	if a == nil {
		rec := s.store.AccountOfSession(tok)
		if rec == nil {
			return nil
		}
		a = actorFromRecord(rec)
		if a.Role == pfmp.RoleTutor {
			grants, err := s.sessionGrants(rec.Id, tok)
			if err != nil {
				return nil
			}
			a.Grants = grants
		}
		s.sessions.put(tok, a, tokenExpiry(tok), gen)
	}
	cp := *a
	return &cp
}

// tokenExpiry reads the expiry of a token already verified (zero when it has none).
func tokenExpiry(tok string) time.Time {
	claims, err := security.ParseUnverifiedJWT(tok)
	if err != nil {
		return time.Time{}
	}
	exp, err := claims.GetExpirationTime()
	if err != nil || exp == nil {
		return time.Time{}
	}
	return exp.Time
}

// bindSessionHooks makes every path (our pages, the dashboard, the REST API) end sessions at
// once: any save or deletion of an account drops its cached sessions (a password change
// renews its token key by itself); disabling an account renews its token key too, so its old
// sessions stay dead if it is enabled again.
func (s *Server) bindSessionHooks(app core.App) {
	app.OnRecordUpdate("users").BindFunc(func(e *core.RecordEvent) error {
		if e.Record.GetBool("disabled") && !e.Record.Original().GetBool("disabled") {
			e.Record.RefreshTokenKey()
		}
		return e.Next()
	})
	drop := func(e *core.RecordEvent) error {
		s.sessions.dropUser(e.Record.Id)
		return e.Next()
	}
	app.OnRecordAfterUpdateSuccess("users").BindFunc(drop)
	app.OnRecordAfterDeleteSuccess("users").BindFunc(drop)
	app.OnCollectionAfterUpdateSuccess("users").BindFunc(func(e *core.CollectionEvent) error {
		s.sessions.dropAll() // its token secret or duration may have changed
		return e.Next()
	})
}

func actorFromRecord(rec *core.Record) *pfmp.Actor {
	return &pfmp.Actor{
		ID:                 rec.Id,
		Role:               pfmp.Role(rec.GetString("role")),
		FirstName:          rec.GetString("first_name"),
		LastName:           rec.GetString("last_name"),
		CanImport:          rec.GetBool("can_import"),
		SchoolAdmin:        rec.GetBool("school_admin"),
		MustChangePassword: rec.GetBool("must_change_password"),
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
	s.setSessionCookie(c, tok, rec.Collection().AuthToken.DurationTime())
	return nil
}

// setSessionCookie hands a session token to the browser.
func (s *Server) setSessionCookie(c *fiber.Ctx, tok string, duration time.Duration) {
	c.Cookie(&fiber.Cookie{
		Name:     sessionCookie,
		Value:    tok,
		Path:     "/",
		MaxAge:   int(duration / time.Second),
		HTTPOnly: true,
		Secure:   s.cfg.SecureCookies,
		SameSite: fiber.CookieSameSiteLaxMode,
	})
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
