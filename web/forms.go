package web

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"livret/dossier"
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
func (s *Server) invalid(c *fiber.Ctx, name, title string, data pageData, err error) error {
	data.page().refused(err)
	return s.page(c, statusOf(err), name, title, data)
}

// refused sets a refused form's messages: the whole form's and each field's.
func (p *Page) refused(err error) {
	p.Errors, p.Error = pfmp.FieldsOf(err), pfmp.Message(err)
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

// seenField carries, in a form, a fingerprint of the stored values of its fields as they were
// when the form was shown.
const seenField = "vu"

// formSeen is the stamp a form shows: the one it was submitted with (a re-rendered form keeps
// its baseline), else the stored values'.
func formSeen(c *fiber.Ctx, rec *core.Record, fields []string) string {
	if seen := c.FormValue(seenField); seen != "" {
		return seen
	}
	return dossier.Fingerprint(rec, fields)
}

// lockRefusal tells a dated lock's refusal (a model hook's 409) from other errors.
func lockRefusal(err error) (string, bool) {
	var ae *router.ApiError
	if errors.As(err, &ae) && ae.Status == fiber.StatusConflict {
		return ae.Message, true
	}
	return "", false
}
