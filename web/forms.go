package web

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

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

// seenField carries, in a form, a fingerprint of the stored values of its fields as they were
// when the form was shown.
const seenField = "vu"

// seenStamp fingerprints the stored values of a form's fields: only a change to those fields
// (not to the rest of the record) makes a later save stale.
func seenStamp(rec *core.Record, fields []string) string {
	h := sha256.New()
	for _, f := range fields {
		h.Write([]byte(rec.GetString(f)))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// formSeen is the stamp a form shows: the one it was submitted with (a re-rendered form keeps
// its baseline), else the stored values'.
func formSeen(c *fiber.Ctx, rec *core.Record, fields []string) string {
	if seen := c.FormValue(seenField); seen != "" {
		return seen
	}
	return seenStamp(rec, fields)
}

// unchanged refuses a save when the form's fields changed since it was shown (another tab or
// device saved in between): 409, and the caller shows the typed text again rather than
// overwrite the other save silently.
func unchanged(c *fiber.Ctx, rec *core.Record, fields []string) error {
	seen := c.FormValue(seenField)
	if seen == "" || seen == seenStamp(rec, fields) {
		return nil
	}
	return pfmp.Conflict("Ces informations ont été modifiées entre-temps (autre onglet ou autre appareil). " +
		"Votre saisie n'a pas été enregistrée ; elle est conservée ci-dessous : rechargez la page pour voir " +
		"la dernière version, puis reportez-y ce qui manque.")
}

// lockRefusal tells a dated lock's refusal (a model hook's 409) from other errors.
func lockRefusal(err error) (string, bool) {
	var ae *router.ApiError
	if errors.As(err, &ae) && ae.Status == fiber.StatusConflict {
		return ae.Message, true
	}
	return "", false
}
