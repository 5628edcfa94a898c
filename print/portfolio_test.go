package print

import (
	"fmt"
	"html/template"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testPortfolioBody is a body as export.WriteHTML writes it: a title, three sections (one
// long enough for two pages), a table, a nested list and an unbroken word.
func testPortfolioBody() template.HTML {
	var b strings.Builder
	b.WriteString(`<h1 class="title">Portfolio de Léa DUPONT</h1><p class="subtitle">PFMP 1</p>` +
		`<table><tbody><tr><th scope="row">Entreprise</th><td>Société d’Usinage</td></tr></tbody></table>` +
		`<h2 class="new-page">Présenter l'entreprise</h2><h3>L'entreprise</h3><p>` + strings.Repeat("W", 300) + `</p>` +
		`<h2 class="new-page">Construire l'organigramme</h2>` +
		`<ul><li><strong>Direction</strong><ul><li><strong>Maintenance</strong><ul><li><strong>Électricité</strong></li></ul></li></ul></li></ul>` +
		`<h2 class="new-page">Présenter une activité</h2>`)
	for i := 1; i <= 40; i++ {
		fmt.Fprintf(&b, `<h3>Activité %02d</h3><p>Changement d’un vérin.</p>`, i)
	}
	return template.HTML(b.String())
}

func TestPortfolio(t *testing.T) {
	t.Parallel()
	doc, err := RenderPortfolio(Portfolio{Title: "Portfolio de Léa DUPONT — PFMP 1", Body: testPortfolioBody()})
	require.Equal(t, "Portfolio de Léa DUPONT — PFMP 1", doc.Title)
	pdf := mustPDF(t, doc, err)
	pages := pdfPages(t, pdf)
	require.GreaterOrEqual(t, len(pages), 5, "title page, two one-page sections, a section of 40 activities")

	// The title page alone, then each section on a page of its own.
	assert.Contains(t, pages[0], "Portfolio de Léa DUPONT")
	assert.Regexp(t, `Entreprise\s+Société d’Usinage`, pages[0])
	assert.NotContains(t, pages[0], "Présenter l'entreprise")
	assert.Regexp(t, `^\s*Présenter l'entreprise`, pages[1])
	assert.Regexp(t, `^\s*Construire l'organigramme`, pages[2])
	assert.Regexp(t, `^\s*Présenter une activité`, pages[3])
	assert.Contains(t, strings.Join(pages[3:], ""), "Activité 40")
	// Every page's footer: the title and its number.
	for i, p := range pages {
		assert.Regexp(t, regexp.QuoteMeta(doc.Title)+fmt.Sprintf(`\s+page %d / %d`, i+1, len(pages)), p)
	}
	// The org chart indents each level further.
	indent := func(name string) int {
		m := regexp.MustCompile(`(?m)^( *)` + name).FindStringSubmatch(pages[2])
		require.NotNil(t, m, name)
		return len(m[1])
	}
	assert.Less(t, indent("Direction"), indent("Maintenance"))
	assert.Less(t, indent("Maintenance"), indent("Électricité"))
	// The 300-character word wraps inside the page: no line of the PDF holds it whole.
	assert.Contains(t, strings.ReplaceAll(pages[1], "\n", ""), strings.Repeat("W", 50))
	assert.NotContains(t, pages[1], strings.Repeat("W", 300))
}

func TestEmptyPortfolioIsAnError(t *testing.T) {
	_, err := RenderPortfolio(Portfolio{Title: "x"})
	assert.Error(t, err)
}
