package export

import (
	"errors"
	"io"
	"strconv"
)

// errNoPortfolio: a caller bug, never a user's doing.
var errNoPortfolio = errors.New("export : aucun portfolio à écrire")

// WriteDOCX writes the portfolio as a Word document (.docx, WordprocessingML).
func WriteDOCX(w io.Writer, p *Portfolio) error {
	if p == nil {
		return errNoPortfolio
	}
	d := &docxDoc{p: p, blocks: buildOutline(p)}
	parts := make([]zipPart, 0, len(docxParts)+3)
	parts = append(parts,
		zipPart{"[Content_Types].xml", writeContentTypes},
		zipPart{"_rels/.rels", writePackageRels},
	)
	for _, part := range docxParts {
		parts = append(parts, zipPart{part.name, func(x xmlWriter) { part.write(d, x) }})
	}
	// Last: document.xml, written above, has collected the links this part declares.
	parts = append(parts, zipPart{"word/_rels/document.xml.rels", d.writeDocumentRels})
	return writeZip(w, nil, parts)
}

// docxDoc is one document being written. links collects the hyperlinks' targets while
// document.xml is written; document.xml.rels, written after it, declares them.
type docxDoc struct {
	p      *Portfolio
	blocks []block
	links  []string
}

// docxPart is a part of the package: its content type, and how the package (_rels/.rels)
// or the main document (word/_rels/document.xml.rels) refers to it. [Content_Types].xml
// and both relationship files are derived from this one list (the relationship files are
// not in it: they have the content type "rels" by extension).
type docxPart struct {
	name, contentType string
	relType, relID    string // relID set: referred to by the main document under that id
	write             func(*docxDoc, xmlWriter)
}

const (
	ctOOXML   = "application/vnd.openxmlformats-officedocument.wordprocessingml."
	relOffice = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

	relIDFooter = "rId4" // the section's footer reference (docx_document.go)
)

var docxParts = []docxPart{
	{name: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml",
		relType: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", write: writeCoreProps},
	{name: "docProps/app.xml", contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml",
		relType: relOffice + "extended-properties", write: writeAppProps},
	{name: "word/document.xml", contentType: ctOOXML + "document.main+xml", relType: relOffice + "officeDocument", write: (*docxDoc).writeDocument},
	{name: "word/styles.xml", contentType: ctOOXML + "styles+xml", relType: relOffice + "styles", relID: "rId1",
		write: writeDocxStyles},
	{name: "word/settings.xml", contentType: ctOOXML + "settings+xml", relType: relOffice + "settings", relID: "rId2",
		write: writeDocxSettings},
	{name: "word/numbering.xml", contentType: ctOOXML + "numbering+xml", relType: relOffice + "numbering", relID: "rId3",
		write: writeDocxNumbering},
	{name: "word/footer1.xml", contentType: ctOOXML + "footer+xml", relType: relOffice + "footer", relID: relIDFooter,
		write: (*docxDoc).writeFooter},
}

func writeContentTypes(x xmlWriter) {
	x.raw(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, p := range docxParts {
		if p.contentType != "" {
			x.raw(`<Override`)
			x.attr("PartName", "/"+p.name)
			x.attr("ContentType", p.contentType)
			x.raw(`/>`)
		}
	}
	x.raw(`</Types>`)
}

// writePackageRels points at the parts the package itself refers to (no relID).
func writePackageRels(x xmlWriter) {
	x.raw(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for i, p := range docxParts {
		if p.relType != "" && p.relID == "" {
			writeRel(x, "rId"+strconv.Itoa(i+1), p.relType, p.name, false)
		}
	}
	x.raw(`</Relationships>`)
}

// writeDocumentRels points from document.xml at its parts, then at its hyperlinks.
func (d *docxDoc) writeDocumentRels(x xmlWriter) {
	x.raw(xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`)
	for _, p := range docxParts {
		if p.relID != "" {
			writeRel(x, p.relID, p.relType, p.name[len("word/"):], false)
		}
	}
	for i, url := range d.links {
		writeRel(x, linkRelID(i), relOffice+"hyperlink", url, true)
	}
	x.raw(`</Relationships>`)
}

func writeRel(x xmlWriter, id, typ, target string, external bool) {
	x.raw(`<Relationship`)
	x.attr("Id", id)
	x.attr("Type", typ)
	x.attr("Target", target)
	if external {
		x.raw(` TargetMode="External"`)
	}
	x.raw(`/>`)
}

// linkRelID numbers hyperlinks after the document's own parts.
func linkRelID(i int) string { return "rId" + strconv.Itoa(10+i) }

// link registers a hyperlink target and returns its relationship id.
func (d *docxDoc) link(url string) string {
	d.links = append(d.links, url)
	return linkRelID(len(d.links) - 1)
}
