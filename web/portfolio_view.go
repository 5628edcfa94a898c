package web

import (
	"html/template"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// portfolioView is what every tab's template reads besides its own data: embed it (by value)
// in a tab's view.
type portfolioView struct {
	Page
	Dossier   *openDossier
	Tab       *portfolioTab
	CanEdit   bool   // the student only: adds the controls
	FormError string // a refused save's message, shown in the form (so also in a fragment)
	Saved     string // a save's « enregistré », in the fragment or flashed after the redirect
}

// tabView is a tab's view: it embeds portfolioView.
type tabView interface {
	pageData
	portfolio() *portfolioView
}

func (p *portfolioView) portfolio() *portfolioView { return p }

// inTab sets the tab shown and whether the actor may edit it.
func (p *portfolioView) inTab(c *fiber.Ctx, tab *portfolioTab) {
	p.Tab, p.CanEdit = tab, pfmp.Can(actorOf(c), pfmp.EditPortfolio, p.Dossier.Access)
}

// portfolioShell is the portfolio page around a tab's content, rendered first.
type portfolioShell struct {
	Page
	Dossier   *openDossier
	Tab       *portfolioTab
	Tabs      []*portfolioTab
	Badges    dossier.Counters
	CanEdit   bool
	CanExport bool
	TabHTML   template.HTML
}
