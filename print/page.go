package print

import (
	"bytes"
	"html/template"
)

// A page of the site kept as a document of its own (the tableau de bord in a student's
// archive): its content as the site rendered it, with the site's stylesheets inlined instead of
// the print stylesheet, so that it reads offline and prints as the page did.

var pageTmpl = template.Must(template.New("page.html").ParseFS(templateFS, "templates/page.html"))

// pageDoc is what page.html renders.
type pageDoc struct {
	Title, Note string
	CSS         template.CSS
	Content     template.HTML
}

// RenderPage wraps a page's content (escaped by its template) in a standalone document.
func RenderPage(title, footer, note string, css template.CSS, content template.HTML) (Document, error) {
	var buf bytes.Buffer
	if err := pageTmpl.Execute(&buf, pageDoc{Title: title, Note: note, CSS: css, Content: content}); err != nil {
		return Document{}, err
	}
	return Document{Title: title, Footer: footer, HTML: buf.Bytes()}, nil
}
