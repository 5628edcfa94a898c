package export

// word/document.xml: the blocks as WordprocessingML, then the A4 section with its footer.

const (
	nsW = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	nsR = `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

	// A4 in twentieths of a point, 2 cm margins: 9638 twips of text width.
	docxSection = `<w:sectPr><w:footerReference w:type="default" r:id="` + relIDFooter + `"/>` +
		`<w:pgSz w:w="11906" w:h="16838"/>` +
		`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/>` +
		`</w:sectPr>`
)

// headingStyleIDs are Word's built-in heading style ids, by level.
var headingStyleIDs = [headingLevels + 1]string{"", "Heading1", "Heading2", "Heading3"}

func (d *docxDoc) writeDocument(x xmlWriter) {
	x.raw(xmlHeader + `<w:document ` + nsW + ` ` + nsR + `><w:body>`)
	for i := range d.blocks {
		d.writeBlock(x, &d.blocks[i])
	}
	x.raw(docxSection + `</w:body></w:document>`)
}

func (d *docxDoc) writeBlock(x xmlWriter, b *block) {
	switch b.kind {
	case blockTitle:
		d.paragraph(x, "Title", "", b.spans)
	case blockSubtitle:
		d.paragraph(x, "Subtitle", "", b.spans)
	case blockHeading:
		extra := ""
		if b.page {
			extra = `<w:pageBreakBefore/>`
		}
		d.paragraph(x, headingStyleIDs[b.level], extra, b.spans)
	case blockPara:
		d.paragraph(x, "", "", b.spans)
	case blockList:
		for _, it := range b.items {
			d.paragraph(x, "ListParagraph", `<w:numPr><w:ilvl w:val="`+itoa(min(it.level, 8))+
				`"/><w:numId w:val="`+bulletNumID+`"/></w:numPr>`, it.spans)
		}
	case blockTable:
		d.table(x, b.rows)
	}
}

// paragraph writes <w:p> with a style (none: Normal) and extra paragraph properties.
func (d *docxDoc) paragraph(x xmlWriter, style, props string, spans []span) {
	x.raw(`<w:p>`)
	if style != "" || props != "" {
		x.raw(`<w:pPr>`)
		if style != "" {
			x.raw(`<w:pStyle w:val="` + style + `"/>`)
		}
		x.raw(props + `</w:pPr>`)
	}
	for _, s := range spans {
		d.span(x, s)
	}
	x.raw(`</w:p>`)
}

func (d *docxDoc) span(x xmlWriter, s span) {
	switch {
	case s.url != "":
		x.raw(`<w:hyperlink r:id="` + d.link(s.url) + `" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>`)
		docxText(x, s.text)
		x.raw(`</w:r></w:hyperlink>`)
	case s.strong:
		x.raw(`<w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr>`)
		docxText(x, s.text)
		x.raw(`</w:r>`)
	default:
		x.raw(`<w:r>`)
		docxText(x, s.text)
		x.raw(`</w:r>`)
	}
}

// docxText writes a run's text: "\n" as a line break, tabs as tabs, spaces kept.
func docxText(x xmlWriter, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' {
			docxT(x, s[start:i])
			if c == '\n' {
				x.raw(`<w:br/>`)
			} else {
				x.raw(`<w:tab/>`)
			}
			start = i + 1
		}
	}
	docxT(x, s[start:])
}

func docxT(x xmlWriter, s string) {
	if s == "" {
		return
	}
	x.raw(`<w:t xml:space="preserve">`)
	x.text(s)
	x.raw(`</w:t>`)
}

// table writes a label/value table across the text width (100 %, fixed layout: a long
// word wraps inside its cell instead of widening the table past the margin).
func (d *docxDoc) table(x xmlWriter, rows []tableRow) {
	x.raw(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>` +
		`<w:tblLayout w:type="fixed"/><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>` +
		`<w:tblGrid><w:gridCol w:w="2891"/><w:gridCol w:w="6747"/></w:tblGrid>`)
	for _, r := range rows {
		x.raw(`<w:tr><w:tc><w:tcPr><w:tcW w:w="1500" w:type="pct"/><w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/></w:tcPr>`)
		d.paragraph(x, "TableContents", "", []span{{text: r.label, strong: true}})
		x.raw(`</w:tc><w:tc><w:tcPr><w:tcW w:w="3500" w:type="pct"/></w:tcPr>`)
		d.paragraph(x, "TableContents", "", []span{{text: r.value}})
		x.raw(`</w:tc></w:tr>`)
	}
	x.raw(`</w:tbl>`)
}
