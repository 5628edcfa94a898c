package export

// content.xml: the blocks as ODF text, with the few automatic styles they use (the page
// break before a section, the label/value tables).

const odtAutomaticStyles = `<office:automatic-styles>` +
	`<style:style style:name="H1_page" style:family="paragraph" style:parent-style-name="Heading_20_1">` +
	`<style:paragraph-properties fo:break-before="page"/></style:style>` +
	`<style:style style:name="Tableau" style:family="table"><style:table-properties style:width="17cm" style:rel-width="100%"` +
	` table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.25cm"/></style:style>` +
	`<style:style style:name="Tableau.A" style:family="table-column"><style:table-column-properties style:column-width="5.1cm" style:rel-column-width="3000*"/></style:style>` +
	`<style:style style:name="Tableau.B" style:family="table-column"><style:table-column-properties style:column-width="11.9cm" style:rel-column-width="7000*"/></style:style>` +
	`<style:style style:name="Tableau.Label" style:family="table-cell"><style:table-cell-properties fo:background-color="#f2f2f2"` +
	` fo:padding="0.1cm" fo:border="0.5pt solid #808080"/></style:style>` +
	`<style:style style:name="Tableau.Valeur" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm"` +
	` fo:border="0.5pt solid #808080"/></style:style>` +
	`</office:automatic-styles>`

// headingStyleNames are LibreOffice's heading styles (« Heading 1 »…), by level.
var headingStyleNames = [headingLevels + 1]string{"", "Heading_20_1", "Heading_20_2", "Heading_20_3"}

func (d *odtDoc) writeContent(x xmlWriter) {
	x.raw(xmlHeader + `<office:document-content ` + nsODF + `>` + odtAutomaticStyles + `<office:body><office:text>`)
	for i := range d.blocks {
		d.writeBlock(x, &d.blocks[i])
	}
	x.raw(`</office:text></office:body></office:document-content>`)
}

func (d *odtDoc) writeBlock(x xmlWriter, b *block) {
	switch b.kind {
	case blockTitle:
		odtParagraph(x, "Title", b.spans)
	case blockSubtitle:
		odtParagraph(x, "Subtitle", b.spans)
	case blockHeading:
		style := headingStyleNames[b.level]
		if b.page {
			style = "H1_page" // Heading 1, on a new page
		}
		x.raw(`<text:h text:style-name="` + style + `" text:outline-level="` + itoa(b.level) + `">`)
		odtSpans(x, b.spans)
		x.raw(`</text:h>`)
	case blockPara:
		odtParagraph(x, "Text_20_body", b.spans)
	case blockList:
		odtList(x, b.items)
	case blockTable:
		d.table(x, b.rows)
	}
}

func odtParagraph(x xmlWriter, style string, spans []span) {
	x.raw(`<text:p text:style-name="` + style + `">`)
	odtSpans(x, spans)
	x.raw(`</text:p>`)
}

func odtSpans(x xmlWriter, spans []span) {
	for _, s := range spans {
		switch {
		case s.url != "":
			x.raw(`<text:a xlink:type="simple"`)
			x.attr("xlink:href", s.url)
			x.raw(` text:style-name="Internet_20_link" text:visited-style-name="Visited_20_Internet_20_Link">`)
			odtText(x, s.text)
			x.raw(`</text:a>`)
		case s.strong:
			x.raw(`<text:span text:style-name="Strong_20_Emphasis">`)
			odtText(x, s.text)
			x.raw(`</text:span>`)
		default:
			odtText(x, s.text)
		}
	}
}

// odtText writes text the way ODF reads it back: it collapses runs of spaces and drops
// leading ones, so every space after the first of a run (or at a line's start) is a
// <text:s/>; "\n" is a line break, a tab a tab.
func odtText(x xmlWriter, s string) {
	start, lineStart := 0, true
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n', '\t':
			x.text(s[start:i])
			if s[i] == '\n' {
				x.raw(`<text:line-break/>`)
			} else {
				x.raw(`<text:tab/>`)
			}
			start, lineStart = i+1, true
		case ' ':
			n := 1
			for i+n < len(s) && s[i+n] == ' ' {
				n++
			}
			keep := 0 // the first space of a run is plain text unless it starts the line
			if !lineStart && i > start {
				keep = 1
			}
			x.text(s[start : i+keep])
			if n > keep {
				x.raw(`<text:s text:c="` + itoa(n-keep) + `"/>`)
			}
			i += n - 1
			start = i + 1
		default:
			lineStart = false
		}
	}
	x.text(s[start:])
}

// odtList nests <text:list> elements by level: a deeper item opens a list inside the item
// before it, a shallower one closes lists back to its level.
func odtList(x xmlWriter, items []listItem) {
	x.raw(`<text:list text:style-name="Puces">`)
	depth := 0
	for i, it := range items {
		level := min(max(it.level, 0), depth+1)
		switch {
		case i == 0:
			level = 0
		case level > depth:
			x.raw(`<text:list>`)
		default:
			x.raw(`</text:list-item>`)
			for ; depth > level; depth-- {
				x.raw(`</text:list></text:list-item>`)
			}
		}
		depth = level
		x.raw(`<text:list-item>`)
		odtParagraph(x, "List_20_Paragraph", it.spans)
	}
	if len(items) > 0 {
		x.raw(`</text:list-item>`)
	}
	for ; depth > 0; depth-- {
		x.raw(`</text:list></text:list-item>`)
	}
	x.raw(`</text:list>`)
}

// table writes a label/value table as wide as the text (rel-width 100 %, align margins).
func (d *odtDoc) table(x xmlWriter, rows []tableRow) {
	d.tables++
	x.raw(`<table:table table:name="Tableau` + itoa(d.tables) + `" table:style-name="Tableau">` +
		`<table:table-column table:style-name="Tableau.A"/><table:table-column table:style-name="Tableau.B"/>`)
	for _, r := range rows {
		x.raw(`<table:table-row><table:table-cell table:style-name="Tableau.Label" office:value-type="string">` +
			`<text:p text:style-name="Table_20_Contents"><text:span text:style-name="Strong_20_Emphasis">`)
		odtText(x, r.label)
		x.raw(`</text:span></text:p></table:table-cell><table:table-cell table:style-name="Tableau.Valeur" office:value-type="string">` +
			`<text:p text:style-name="Table_20_Contents">`)
		odtText(x, r.value)
		x.raw(`</text:p></table:table-cell></table:table-row>`)
	}
	x.raw(`</table:table>`)
}
