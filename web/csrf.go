package web

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

const (
	anonCookie = "livret_anon" // seeds the CSRF token before login
	csrfField  = "_csrf"
	csrfHeader = "X-CSRF-Token"
)

// csrfToken is an HMAC of the session (or of the anonymous seed), keyed by the users
// collection's token secret: it survives restarts and dies with the session.
func (s *Server) csrfToken(c *fiber.Ctx) string {
	seed := c.Cookies(sessionCookie)
	if actorOf(c) == nil {
		seed = s.anonSeed(c)
	}
	return s.csrfFor(seed)
}

func (s *Server) csrfFor(seed string) string {
	col, err := s.app.FindCachedCollectionByNameOrId("users")
	if err != nil {
		return ""
	}
	m := hmac.New(sha256.New, []byte(col.AuthToken.Secret))
	m.Write([]byte("csrf:" + seed))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// anonSeed returns the visitor's random seed, setting it on first sight.
func (s *Server) anonSeed(c *fiber.Ctx) string {
	if v := c.Cookies(anonCookie); v != "" {
		return v
	}
	if v, ok := c.Locals(anonCookie).(string); ok {
		return v
	}
	b := make([]byte, 18)
	_, _ = rand.Read(b)
	v := base64.RawURLEncoding.EncodeToString(b)
	c.Locals(anonCookie, v)
	c.Cookie(&fiber.Cookie{Name: anonCookie, Value: v, Path: "/", HTTPOnly: true,
		Secure: s.cfg.SecureCookies, SameSite: fiber.CookieSameSiteLaxMode})
	return v
}

// csrf refuses unsafe requests that do not come from our own pages. The token comes from the
// htmx header or the form's body, never from the address (it would end up in logs and
// Referers). A multipart body is never parsed here: pbHandler has read its token already.
func (s *Server) csrf(c *fiber.Ctx) error {
	switch c.Method() {
	case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
		return c.Next()
	}
	if !sameOrigin(c) {
		return pfmp.Forbidden("Requête refusée : elle ne vient pas de ce site.")
	}
	want := []byte(s.csrfToken(c))
	for _, got := range []string{c.Get(csrfHeader), s.bodyToken(c)} {
		if got != "" && hmac.Equal([]byte(got), want) {
			return c.Next()
		}
	}
	return pfmp.Forbidden("Votre session a expiré ou le formulaire est trop ancien : rechargez la page et recommencez.")
}

// bodyToken is the CSRF field of the request's body: url-encoded, or as pbHandler found it
// at the head of a multipart body.
func (s *Server) bodyToken(c *fiber.Ctx) string {
	if strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEMultipartForm) {
		return c.Get(multipartTokenHeader)
	}
	return string(c.Request().PostArgs().Peek(csrfField))
}

// sameOrigin checks Origin (or Referer when a browser omits it) against the Host we serve.
func sameOrigin(c *fiber.Ctx) bool {
	src := c.Get(fiber.HeaderOrigin)
	if src == "" || src == "null" {
		src = c.Get(fiber.HeaderReferer)
	}
	u, err := url.Parse(src)
	return err == nil && u.Host != "" && u.Host == string(c.Request().Host())
}
