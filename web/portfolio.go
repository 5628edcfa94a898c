package web

import (
	"bytes"
	"html/template"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/dbx"

	"livret/pfmp"
)

// tabLoader gathers one portfolio tab's data; the tab's template is "portfolio/<slug>".
type tabLoader func(s *Server, c *fiber.Ctx, d *dossier) (fiber.Map, error)

// portfolioTab is one of the seven tabs of the manual, in its order.
type portfolioTab struct {
	Slug, Label string
	load        tabLoader
}

var portfolioTabs = []*portfolioTab{
	{Slug: "entreprise", Label: "Présenter l'entreprise"},
	{Slug: "carte", Label: "Géolocaliser l'entreprise"},
	{Slug: "organigramme", Label: "Construire l'organigramme"},
	{Slug: "semaines", Label: "Présenter les activités hebdomadaires"},
	{Slug: "activites", Label: "Présenter une activité"},
	{Slug: "annexes", Label: "Ajouter des annexes"},
	{Slug: "commentaires", Label: "Commentaires"},
}

// setTabLoader plugs a tab's data loader in; each tab's file does it from init.
func setTabLoader(slug string, load tabLoader) {
	for _, t := range portfolioTabs {
		if t.Slug == slug {
			t.load = load
			return
		}
	}
	panic("unknown portfolio tab " + slug)
}

func findTab(slug string) *portfolioTab {
	for _, t := range portfolioTabs {
		if t.Slug == slug {
			return t
		}
	}
	return nil
}

// portfolioBadges are the tab counters: interventions, and comments the student has not read.
type portfolioBadges struct {
	Interventions int `db:"interventions"`
	Unread        int `db:"unread"`
}

func (s *Server) badges(placementID string) (portfolioBadges, error) {
	var b portfolioBadges
	err := s.app.DB().NewQuery(`SELECT
		(SELECT COUNT(*) FROM interventions WHERE placement = {:p}) AS interventions,
		(SELECT COUNT(*) FROM comments WHERE placement = {:p} AND read_at = '') AS unread`).
		Bind(dbx.Params{"p": placementID}).One(&b)
	return b, err
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
	data := fiber.Map{}
	if tab.load != nil {
		if data, err = tab.load(s, c, d); err != nil {
			return err
		}
	}
	data["D"], data["Tab"] = d, tab
	data["CanEdit"] = pfmp.Can(actorOf(c), pfmp.EditPortfolio, d.Access)
	if isFragment(c) {
		return s.fragment(c, fiber.StatusOK, tabTemplate(tab), data)
	}
	return s.portfolioPage(c, tab, data)
}

// portfolioPage wraps a rendered tab in the tab bar; the tab's template name is dynamic, so it
// is rendered first and handed to the page as HTML.
func (s *Server) portfolioPage(c *fiber.Ctx, tab *portfolioTab, data fiber.Map) error {
	var buf bytes.Buffer
	if err := s.views.Render(&buf, tabTemplate(tab), s.common(c, "", data)); err != nil {
		return err
	}
	d := data["D"].(*dossier)
	b, err := s.badges(d.Placement.Id)
	if err != nil {
		return err
	}
	if actorOf(c).ID != d.Access.StudentID {
		b.Unread = 0 // "nouveau commentaire" is the student's mark; readers never clear it
	}
	data["TabHTML"] = template.HTML(buf.String()) // our own template's output, already escaped
	data["Tabs"], data["Badges"] = portfolioTabs, b
	return s.page(c, fiber.StatusOK, "portfolio/page", "Portfolio — "+tab.Label, data)
}

func tabTemplate(t *portfolioTab) string {
	if t.load == nil {
		return "portfolio/soon"
	}
	return "portfolio/" + t.Slug
}
