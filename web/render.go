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

// Page is what the layout reads, and what every page's template may read besides its own
// data: embed it (by value) in a page's view struct and hand a pointer to s.page, which fills it.
type Page struct {
	Title  string
	Actor  *pfmp.Actor // nil when anonymous
	CSRF   string
	Nav    []navItem
	Flash  string            // a success message carried over a redirect
	Error  string            // a refused form's French message, above the page
	Errors map[string]string // a refused form's message per field, next to it
}

// pageOf is a page whose own view its template reads under .View, beside Page's fields.
type pageOf[T any] struct {
	Page
	View T
}

// withPage wraps a page's own view with Page.
func withPage[T any](v T) *pageOf[T] { return &pageOf[T]{View: v} }

// pageData is a view that embeds Page.
type pageData interface{ page() *Page }

func (p *Page) page() *Page { return p }

// layoutView is the base layout's data: the common part and the page's content, rendered.
type layoutView struct {
	Page
	Content template.HTML
}

// page renders a whole page in the base layout, with what every page needs. data is any
// value the template reads; a pointer to a struct embedding Page gets the common part filled.
// The content is rendered first and handed to the layout as HTML: the engine's own layout mode
// takes an exclusive lock per render, which would serialise every page of the app.
func (s *Server) page(c *fiber.Ctx, status int, name, title string, data any) error {
	common := s.common(c, title, data)
	html, err := s.renderHTML(name, data)
	if err != nil {
		return err
	}
	return s.layout(c, status, html, common)
}

// layout wraps content already rendered (or cached) in the base layout.
func (s *Server) layout(c *fiber.Ctx, status int, content template.HTML, common *Page) error {
	c.Vary("HX-Request")
	if c.Method() != fiber.MethodGet {
		// A form answered in place (422, 409…): the address stays the form's page, not the
		// POST's, which a reload or the back button could not open.
		c.Set("HX-Push-Url", "false")
	}
	return c.Status(status).Render(baseLayout, &layoutView{Page: *common, Content: content})
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
func (s *Server) fragment(c *fiber.Ctx, status int, name string, data any) error {
	c.Vary("HX-Request")
	s.common(c, "", data)
	return c.Status(status).Render(name, data)
}

// pageOrFragment serves the page, or only its fragment to htmx.
func (s *Server) pageOrFragment(c *fiber.Ctx, name, frag, title string, data any) error {
	if isFragment(c) {
		return s.fragment(c, fiber.StatusOK, frag, data)
	}
	return s.page(c, fiber.StatusOK, name, title, data)
}

// common fills the Page that data embeds, if it does, and returns it (a fresh one otherwise).
func (s *Server) common(c *fiber.Ctx, title string, data any) *Page {
	p := &Page{}
	if pd, ok := data.(pageData); ok {
		p = pd.page()
	}
	a := actorOf(c)
	p.Title, p.Actor, p.CSRF, p.Nav = title, a, s.csrfToken(c), navFor(a, c.Path())
	if title != "" {
		p.Flash = s.takeFlash(c)
	}
	return p
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
	data := &errorView{Status: status, Message: msg}
	if isFragment(c) {
		return s.fragment(c, status, "errors/message", data)
	}
	return s.page(c, status, "errors/error", frenchStatus(status), data)
}

// errorView is an error's page or message.
type errorView struct {
	Page
	Status  int
	Message string
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
