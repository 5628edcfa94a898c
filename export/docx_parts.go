package export

// The small parts of the DOCX package: settings, the bullet numbering, the footer with the
// page numbers, and the document properties.

// writeDocxSettings: French for the theme fonts, and Word 2013+ mode (else Word opens the
// file « en mode de compatibilité »).
func writeDocxSettings(_ *docxDoc, x xmlWriter) {
	x.raw(xmlHeader + `<w:settings ` + nsW + `><w:defaultTabStop w:val="708"/>` +
		`<w:characterSpacingControl w:val="doNotCompress"/>` +
		`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
		`<w:themeFontLang w:val="fr-FR"/></w:settings>`)
}

// bulletNumID is the one bullet list definition; its levels indent the org chart.
const bulletNumID = "1"

var bulletChars = [...]string{"•", "◦", "▪"}

func writeDocxNumbering(_ *docxDoc, x xmlWriter) {
	x.raw(xmlHeader + `<w:numbering ` + nsW + `><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>`)
	for lvl := range 9 {
		x.raw(`<w:lvl w:ilvl="` + itoa(lvl) + `"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="` +
			bulletChars[lvl%len(bulletChars)] + `"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="` +
			itoa(720+360*lvl) + `" w:hanging="360"/></w:pPr></w:lvl>`)
	}
	x.raw(`</w:abstractNum><w:num w:numId="` + bulletNumID + `"><w:abstractNumId w:val="0"/></w:num></w:numbering>`)
}

// writeFooter: « Prénom NOM — période · page 3 sur 12 », PAGE and NUMPAGES fields.
func (d *docxDoc) writeFooter(x xmlWriter) {
	x.raw(xmlHeader + `<w:ftr ` + nsW + ` ` + nsR + `><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r>`)
	docxT(x, footerText(d.p)+"page ")
	x.raw(`</w:r>` + docxField("PAGE") + `<w:r><w:t xml:space="preserve"> sur </w:t></w:r>` + docxField("NUMPAGES") + `</w:p></w:ftr>`)
}

func docxField(name string) string {
	return `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ` + name +
		` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="end"/></w:r>`
}

func writeCoreProps(d *docxDoc, x xmlWriter) {
	x.raw(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
		`xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
		`xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>`)
	x.text(documentTitle(d.p))
	x.raw(`</dc:title><dc:creator>`)
	x.text(fullName(d.p.Student))
	x.raw(`</dc:creator><dc:language>fr-FR</dc:language></cp:coreProperties>`)
}

func writeAppProps(_ *docxDoc, x xmlWriter) {
	x.raw(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>Livret</Application></Properties>`)
}
