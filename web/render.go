package web

import (
	"bytes"
	"errors"
	"html/template"
	"log/slog"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/tools/router"

	"livret/pfmp"
)

const baseLayout = "layouts/base"

// isFragment tells an htmx request for a fragment from a boosted navigation or a history
// restore, which both want the whole page.
func isFragment(c *fiber.Ctx) bool {
	return c.Get("HX-Request") == "true" && c.Get("HX-Boosted") != "true" &&
		c.Get("HX-History-Restore-Request") != "true"
}

// page renders a whole page in the base layout, with what every page needs. The content is
// rendered first and handed to the layout as HTML: the engine's own layout mode takes an
// exclusive lock per render, which would serialise every page of the app.
func (s *Server) page(c *fiber.Ctx, status int, name, title string, data fiber.Map) error {
	data = s.common(c, title, data)
	html, err := s.renderHTML(name, data)
	if err != nil {
		return err
	}
	return s.layout(c, status, html, data)
}

// layout wraps content already rendered (or cached) in the base layout.
func (s *Server) layout(c *fiber.Ctx, status int, content template.HTML, data fiber.Map) error {
	c.Vary("HX-Request")
	if c.Method() != fiber.MethodGet {
		// A form answered in place (422, 409…): the address stays the form's page, not the
		// POST's, which a reload or the back button could not open.
		c.Set("HX-Push-Url", "false")
	}
	data["Content"] = content
	return c.Status(status).Render(baseLayout, data)
}

// renderHTML renders one template to HTML, to be embedded or cached.
func (s *Server) renderHTML(name string, data any) (template.HTML, error) {
	var buf bytes.Buffer
	if err := s.views.Render(&buf, name, data); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil // our own template's output, already escaped
}

// fragment renders one {{define}} block alone, for htmx swaps.
func (s *Server) fragment(c *fiber.Ctx, status int, name string, data fiber.Map) error {
	c.Vary("HX-Request")
	return c.Status(status).Render(name, s.common(c, "", data))
}

// pageOrFragment serves the page, or only its fragment to htmx.
func (s *Server) pageOrFragment(c *fiber.Ctx, name, frag, title string, data fiber.Map) error {
	if isFragment(c) {
		return s.fragment(c, fiber.StatusOK, frag, data)
	}
	return s.page(c, fiber.StatusOK, name, title, data)
}

func (s *Server) common(c *fiber.Ctx, title string, data fiber.Map) fiber.Map {
	if data == nil {
		data = fiber.Map{}
	}
	a := actorOf(c)
	data["Title"] = title
	data["Actor"] = a
	data["CSRF"] = s.csrfToken(c)
	data["Nav"] = navFor(a, c.Path())
	if data["Errors"] == nil {
		data["Errors"] = map[string]string{} // forms index it whether or not there are errors
	}
	if title != "" {
		data["Flash"] = s.takeFlash(c)
	}
	return data
}

// errorHandler maps every error to its status and a French page, logging internal ones once.
func (s *Server) errorHandler(c *fiber.Ctx, err error) error {
	status, msg := statusOf(err), pfmp.Message(err)
	var fe *fiber.Error
	var ae *router.ApiError // a model hook's refusal (dated locks), already in French
	switch {
	case errors.As(err, &fe):
		status, msg = fe.Code, frenchStatus(fe.Code)
	case errors.As(err, &ae):
		status, msg = ae.Status, ae.Message
	}
	if status >= 500 {
		slog.Error("page failed", "path", c.Path(), "error", err)
	}
	data := fiber.Map{"Status": status, "Message": msg}
	if isFragment(c) {
		return s.fragment(c, status, "errors/message", data)
	}
	return s.page(c, status, "errors/error", frenchStatus(status), data)
}

func frenchStatus(code int) string {
	switch code {
	case fiber.StatusNotFound:
		return "Page introuvable"
	case fiber.StatusForbidden:
		return "Accès refusé"
	case fiber.StatusMethodNotAllowed:
		return "Action non permise"
	case fiber.StatusRequestEntityTooLarge:
		return "Fichier trop volumineux"
	case fiber.StatusTooManyRequests:
		return "Trop de tentatives"
	case fiber.StatusConflict:
		return "Modification impossible"
	}
	if code >= 500 {
		return "Erreur interne"
	}
	return "Requête invalide"
}
