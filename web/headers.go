package web

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// securityHeaders go on every page, fragment and static file: no script but our own files
// (no inline script, no eval), no framing by other sites, no full address in Referers to
// other sites. Map tiles and the national address service are the only outside resources.
func (s *Server) securityHeaders() fiber.Handler {
	csp := contentSecurityPolicy(s.cfg.TileURL, geocoderURL)
	return func(c *fiber.Ctx) error {
		c.Set(fiber.HeaderContentSecurityPolicy, csp)
		c.Set(fiber.HeaderReferrerPolicy, "strict-origin-when-cross-origin")
		c.Set(fiber.HeaderXFrameOptions, "DENY")
		c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
		return c.Next()
	}
}

func contentSecurityPolicy(tiles, geocoder string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self'",
		"style-src 'self'",
		"img-src 'self' data: " + origin(tiles),
		"connect-src 'self' " + origin(geocoder),
		"object-src 'none'",
		"base-uri 'none'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	}, "; ")
}

// origin is the scheme and host of a URL template; a {s} subdomain becomes a wildcard.
func origin(template string) string {
	u, err := url.Parse(strings.ReplaceAll(template, "{s}", "*"))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
