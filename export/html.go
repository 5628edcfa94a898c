package export

import (
	"bufio"
	"fmt"
	"io"
)

// WriteHTML writes the portfolio's body as an HTML fragment: the same outline as the DOCX and
// ODT (same sections, wording and order), for the print template (print.RenderPortfolio) to
// lay out on A4 pages. The title is an h1, the sections' headings h2 to h4 (a section's h2
// has the class "new-page"), the label/value tables have row headers, the org chart is a
// nested list. Every text is escaped.
func WriteHTML(w io.Writer, p *Portfolio) error {
	if p == nil {
		return errNoPortfolio
	}
	bw := bufio.NewWriterSize(w, 32<<10)
	x := xmlWriter{bw}
	for _, b := range buildOutline(p) {
		htmlBlock(x, &b)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("export : %w", err)
	}
	return nil
}

// Title is the document's title: « Portfolio de Léa DUPONT — PFMP 1 ».
func (p *Portfolio) Title() string { return documentTitle(p) }

// htmlHeadings are the tags of the outline's heading levels: h1 is the title's.
var htmlHeadings = [headingLevels + 1]string{"", "h2", "h3", "h4"}

func htmlBlock(x xmlWriter, b *block) {
	switch b.kind {
	case blockTitle:
		htmlElement(x, "h1", ` class="title"`, b.spans)
	case blockSubtitle:
		htmlElement(x, "p", ` class="subtitle"`, b.spans)
	case blockHeading:
		class := ""
		if b.page {
			class = ` class="new-page"`
		}
		htmlElement(x, htmlHeadings[b.level], class, b.spans)
	case blockPara:
		htmlElement(x, "p", "", b.spans)
	case blockList:
		htmlList(x, b.items)
	case blockTable:
		htmlTable(x, b.rows)
	}
	x.raw("\n")
}

func htmlElement(x xmlWriter, tag, attrs string, spans []span) {
	x.raw("<" + tag + attrs + ">")
	htmlSpans(x, spans)
	x.raw("</" + tag + ">")
}

func htmlSpans(x xmlWriter, spans []span) {
	for _, s := range spans {
		switch {
		case s.url != "":
			x.raw(`<a`)
			x.attr("href", s.url)
			x.raw(`>`)
			htmlText(x, s.text)
			x.raw(`</a>`)
		case s.strong:
			x.raw(`<strong>`)
			htmlText(x, s.text)
			x.raw(`</strong>`)
		default:
			htmlText(x, s.text)
		}
	}
}

// htmlText writes text escaped, its line breaks as <br/> (XHTML-compatible: the tests parse it).
func htmlText(x xmlWriter, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			x.text(s[start:i])
			x.raw("<br/>")
			start = i + 1
		}
	}
	x.text(s[start:])
}

// htmlList nests <ul> by level, as odtList does: a deeper item opens a list inside the item
// before it, a shallower one closes lists back to its level.
func htmlList(x xmlWriter, items []listItem) {
	x.raw(`<ul>`)
	depth := 0
	for i, it := range items {
		level := min(max(it.level, 0), depth+1)
		switch {
		case i == 0:
			level = 0
		case level > depth:
			x.raw(`<ul>`)
		default:
			x.raw(`</li>`)
			for ; depth > level; depth-- {
				x.raw(`</ul></li>`)
			}
		}
		depth = level
		x.raw(`<li>`)
		htmlSpans(x, it.spans)
	}
	if len(items) > 0 {
		x.raw(`</li>`)
	}
	for ; depth > 0; depth-- {
		x.raw(`</ul></li>`)
	}
	x.raw(`</ul>`)
}

func htmlTable(x xmlWriter, rows []tableRow) {
	x.raw(`<table><tbody>`)
	for _, r := range rows {
		x.raw(`<tr><th scope="row">`)
		htmlText(x, r.label)
		x.raw(`</th><td>`)
		htmlText(x, r.value)
		x.raw(`</td></tr>`)
	}
	x.raw(`</tbody></table>`)
}
