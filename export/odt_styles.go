package export

import (
	"strconv"
	"strings"
)

// styles.xml: LibreOffice's own style names (Heading 1…, Title, Text body…) so the document
// behaves like one made in Writer: headings carry outline levels (a table of contents finds
// them), the default style sets French, the A4 page has the page numbers in its footer.

func (d *odtDoc) writeStyles(x xmlWriter) {
	x.raw(xmlHeader + `<office:document-styles ` + nsODF + `>` + odtFonts + `<office:styles>` + odtNamedStyles +
		odtHeadingStyles + odtBullets + odtOutline + `</office:styles>` + odtPageLayout +
		`<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">` +
		`<style:footer><text:p text:style-name="Footer">`)
	odtText(x, footerText(d.p)+"page ")
	x.raw(`<text:page-number text:select-page="current">1</text:page-number> sur <text:page-count>1</text:page-count>` +
		`</text:p></style:footer></style:master-page></office:master-styles></office:document-styles>`)
}

const odtFonts = `<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="&apos;Liberation Sans&apos;"` +
	` style:font-family-generic="swiss" style:font-pitch="variable"/></office:font-face-decls>`

const odtNamedStyles = `<style:default-style style:family="paragraph">` +
	`<style:paragraph-properties style:writing-mode="page"/>` +
	`<style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="fr" fo:country="FR"` +
	` style:font-name-asian="Liberation Sans" style:font-name-complex="Liberation Sans" fo:hyphenate="false"/></style:default-style>` +
	`<style:default-style style:family="table"><style:table-properties table:border-model="collapsing"/></style:default-style>` +

	`<style:style style:name="Standard" style:family="paragraph" style:class="text"/>` +
	`<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">` +
	`<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.21cm" fo:line-height="115%"/></style:style>` +
	`<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Subtitle" style:class="chapter">` +
	`<style:paragraph-properties fo:margin-top="6cm" fo:margin-bottom="0.42cm" fo:text-align="center"/>` +
	`<style:text-properties fo:font-size="26pt" fo:font-weight="bold" fo:color="#1f3864"/></style:style>` +
	`<style:style style:name="Subtitle" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="chapter">` +
	`<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="1.7cm" fo:text-align="center"/>` +
	`<style:text-properties fo:font-size="16pt" fo:color="#404040"/></style:style>` +
	`<style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Standard" style:class="list">` +
	`<style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.1cm"/></style:style>` +
	`<style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">` +
	`<style:paragraph-properties fo:margin-top="0.05cm" fo:margin-bottom="0.05cm"/></style:style>` +
	`<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">` +
	`<style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" fo:color="#595959"/></style:style>` +
	`<style:style style:name="Strong_20_Emphasis" style:display-name="Strong Emphasis" style:family="text">` +
	`<style:text-properties fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="Internet_20_link" style:display-name="Internet link" style:family="text">` +
	`<style:text-properties fo:color="#0563c1" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>` +
	`<style:style style:name="Visited_20_Internet_20_Link" style:display-name="Visited Internet Link" style:family="text">` +
	`<style:text-properties fo:color="#800000" style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>`

// Writer's headings: « Heading », then Heading 1 to 3 with their default outline level.
const odtHeadingStyles = `<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">` +
	`<style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.21cm" fo:keep-with-next="always"/>` +
	`<style:text-properties fo:font-weight="bold"/></style:style>` +
	`<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading"` +
	` style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">` +
	`<style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.42cm"/><style:text-properties fo:font-size="18pt" fo:color="#1f3864"/></style:style>` +
	`<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading"` +
	` style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">` +
	`<style:paragraph-properties fo:margin-top="0.63cm" fo:margin-bottom="0.21cm"/><style:text-properties fo:font-size="14pt" fo:color="#2f5496"/></style:style>` +
	`<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading"` +
	` style:next-style-name="Text_20_body" style:default-outline-level="3" style:class="text">` +
	`<style:paragraph-properties fo:margin-top="0.42cm" fo:margin-bottom="0.14cm"/><style:text-properties fo:font-size="12pt"/></style:style>`

// odtBullets is the bullet list style, one indent step per level (the org chart's depth).
var odtBullets = func() string {
	var b strings.Builder
	b.WriteString(`<text:list-style style:name="Puces" style:display-name="Puces">`)
	for lvl := 1; lvl <= 10; lvl++ {
		indent := strconv.FormatFloat(0.635*float64(lvl+1), 'f', 3, 64) + "cm"
		b.WriteString(`<text:list-level-style-bullet text:level="` + itoa(lvl) + `" text:bullet-char="` + bulletChars[(lvl-1)%len(bulletChars)] +
			`"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment">` +
			`<style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="` + indent +
			`" fo:text-indent="-0.635cm" fo:margin-left="` + indent + `"/></style:list-level-properties></text:list-level-style-bullet>`)
	}
	b.WriteString(`</text:list-style>`)
	return b.String()
}()

// odtOutline is Writer's chapter numbering, without numbers: it ties the outline levels of
// the headings together as Writer expects.
var odtOutline = func() string {
	var b strings.Builder
	b.WriteString(`<text:outline-style style:name="Outline">`)
	for lvl := 1; lvl <= 10; lvl++ {
		b.WriteString(`<text:outline-level-style text:level="` + itoa(lvl) + `" style:num-format="">` +
			`<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">` +
			`<style:list-level-label-alignment text:label-followed-by="listtab"/></style:list-level-properties></text:outline-level-style>`)
	}
	b.WriteString(`</text:outline-style>`)
	return b.String()
}()

// The A4 page: 2 cm margins, the footer 0.5 cm under the text.
const odtPageLayout = `<office:automatic-styles><style:page-layout style:name="A4">` +
	`<style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" style:print-orientation="portrait"` +
	` fo:margin-top="2cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/>` +
	`<style:footer-style><style:header-footer-properties fo:min-height="0cm" fo:margin-top="0.5cm"/></style:footer-style>` +
	`</style:page-layout></office:automatic-styles>`
