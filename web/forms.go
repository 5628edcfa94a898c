package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// formValues reads the named fields, trimmed, so a re-rendered form shows what was typed.
func formValues(c *fiber.Ctx, names ...string) map[string]string {
	out := make(map[string]string, len(names))
	for _, n := range names {
		out[n] = strings.TrimSpace(c.FormValue(n))
	}
	return out
}

// invalid re-renders a form page with 422 (or the error's own status), its French message and
// the message of each field next to it; data must already hold what the user typed.
func (s *Server) invalid(c *fiber.Ctx, name, title string, data fiber.Map, err error) error {
	data["Errors"] = pfmp.FieldsOf(err)
	data["Error"] = pfmp.Message(err)
	return s.page(c, pfmp.Status(err), name, title, data)
}

// formList reads every value of a repeated field (checkboxes), url-encoded or multipart.
func formList(c *fiber.Ctx, name string) []string {
	if mf, err := c.MultipartForm(); err == nil {
		return mf.Value[name]
	}
	var out []string
	for _, v := range c.Context().PostArgs().PeekMulti(name) {
		out = append(out, string(v))
	}
	return out
}
