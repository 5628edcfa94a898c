package print

import (
	"errors"
	"html/template"
	"strings"
)

// Portfolio is a student's portfolio to print. Its body is the export's (export.WriteHTML):
// the PDF says what the DOCX and ODT say, in the same order, with the same words.
type Portfolio struct {
	Title string        // « Portfolio de Léa DUPONT — PFMP 1 »: the PDF's title and every page's footer
	Body  template.HTML // the portfolio's sections, escaped by their writer
}

var portfolioTmpl = parse("portfolio.html")

// RenderPortfolio lays one portfolio out on A4 pages: a title page, then each section on a
// new page.
func RenderPortfolio(p Portfolio) (Document, error) {
	if strings.TrimSpace(string(p.Body)) == "" {
		return Document{}, errors.New("Le portfolio à imprimer est vide.")
	}
	return render(portfolioTmpl, p.Title, p.Title, []Portfolio{p})
}
