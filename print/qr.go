package print

import (
	"fmt"
	"html/template"
	"strings"

	qrcode "github.com/skip2/go-qrcode" // MIT licence
)

// qrSVG draws text as a QR code in an inline SVG: vector, so it stays sharp at any print
// resolution, and inline, so neither Chromium nor the print view's CSP loads anything.
// Each run of dark modules on a row is one rectangle of the path.
func qrSVG(text, label string) (template.HTML, error) {
	q, err := qrcode.New(text, qrcode.Medium)
	if err != nil {
		return "", err
	}
	bits := q.Bitmap() // with its quiet zone of four modules
	var d strings.Builder
	for y, row := range bits {
		for x := 0; x < len(row); {
			if !row[x] {
				x++
				continue
			}
			start := x
			for x < len(row) && row[x] {
				x++
			}
			fmt.Fprintf(&d, "M%d %dh%dv1h-%dz", start, y, x-start, x-start)
		}
	}
	n := len(bits)
	return template.HTML(fmt.Sprintf(`<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" `+
		`role="img" aria-label="%s" shape-rendering="crispEdges"><rect width="%d" height="%d" fill="#fff"/>`+
		`<path d="%s" fill="#000"/></svg>`, n, n, template.HTMLEscapeString(label), n, n, d.String())), nil
}
