package web

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// tabLoader gathers one portfolio tab's data; the tab's template is "portfolio/<slug>".
type tabLoader func(s *Server, c *fiber.Ctx, d *openDossier) (tabView, error)

// portfolioTab is one of the seven tabs of the manual, in its order.
type portfolioTab struct {
	Slug, Label string
	Short       string // on a phone, where the seven labels cannot stand in one row
	load        tabLoader
}

func findTab(slug string) *portfolioTab {
	for _, t := range portfolioTabs {
		if t.Slug == slug {
			return t
		}
	}
	return nil
}

// portfolioHome opens the first tab.
func (s *Server) portfolioHome(c *fiber.Ctx) error {
	return c.Redirect("/dossiers/"+c.Params("id")+"/portfolio/entreprise", fiber.StatusSeeOther)
}

// portfolioTabPage serves one tab: alone to htmx, else inside the portfolio page. Everyone who
// may read the portfolio gets the same tabs; "CanEdit" (the student only) adds the controls.
func (s *Server) portfolioTabPage(c *fiber.Ctx) error {
	tab := findTab(c.Params("tab"))
	if tab == nil {
		return pfmp.NotFound("Cet onglet du portfolio n'existe pas.")
	}
	d, err := s.loadPlacement(c, pfmp.ReadPortfolio)
	if err != nil {
		return err
	}
	data, err := tab.load(s, c, d)
	if err != nil {
		return err
	}
	data.portfolio().Dossier = d
	if isFragment(c) {
		data.portfolio().inTab(c, tab)
		return s.fragment(c, fiber.StatusOK, "portfolio/"+tab.Slug, data)
	}
	return s.portfolioPage(c, fiber.StatusOK, tab.Slug, "portfolio/"+tab.Slug, "", data)
}

// portfolioPage renders inner — a tab's template, or a page under a tab such as one report —
// inside the portfolio page, the tab named slug being the current one. The inner template's
// name varies, so it is rendered first and handed to the page as HTML.
func (s *Server) portfolioPage(c *fiber.Ctx, status int, slug, inner, title string, data tabView) error {
	pv := data.portfolio()
	d, tab := pv.Dossier, findTab(slug)
	pv.inTab(c, tab)
	if title == "" {
		title = "Portfolio — " + tab.Label
	}
	s.common(c, "", data)
	html, err := s.renderHTML(inner, data)
	if err != nil {
		return err
	}
	b, err := s.store.Counters(d.ID())
	if err != nil {
		return err
	}
	if !pfmp.IsOwner(actorOf(c), d.Access) {
		b.Unread = 0 // "nouveau commentaire" is the student's mark; readers never clear it
	}
	return s.page(c, status, "portfolio/page", title, &portfolioShell{
		Page: pv.Page, Dossier: d, Tab: tab, CanEdit: pv.CanEdit, TabHTML: html, Tabs: portfolioTabs, Badges: b,
		CanExport: pfmp.Can(actorOf(c), pfmp.Print, d.Access)})
}

// answerPortfolioTab answers a write to a portfolio tab. err nil: the fragment (with its
// « enregistré ») to htmx, else a redirect to the tab with its Saved message as a flash. err
// invalid (422) or conflicting (409): the form again with what was typed and the message, as a
// fragment or inside the whole page.
func (s *Server) answerPortfolioTab(c *fiber.Ctx, slug, frag string, d *openDossier, data tabView, err error) error {
	status := statusOf(err) // 200 for nil
	if err != nil && status != fiber.StatusUnprocessableEntity && status != fiber.StatusConflict {
		return err
	}
	pv := data.portfolio()
	pv.Dossier = d
	pv.inTab(c, findTab(slug))
	if err != nil {
		if fe := pfmp.FieldsOf(err); fe != nil {
			pv.Errors = fe
		}
		pv.FormError = pfmp.Message(err) // shown in the form, so once, also in a fragment
	}
	if isFragment(c) {
		return s.fragment(c, status, frag, data)
	}
	if err == nil {
		if pv.Saved != "" {
			s.flash(c, pv.Saved)
		}
		return c.Redirect(portfolioTabURL(d, slug), fiber.StatusSeeOther)
	}
	return s.portfolioPage(c, status, slug, "portfolio/"+slug, "", data)
}

func portfolioTabURL(d *openDossier, slug string) string {
	return "/dossiers/" + d.Placement.Id + "/portfolio/" + slug
}
