package export

import "io"

// WriteODT writes the portfolio as an OpenDocument text (.odt): a zip whose first entry is
// the uncompressed mimetype, then the manifest and the XML parts it lists.
func WriteODT(w io.Writer, p *Portfolio) error {
	if p == nil {
		return errNoPortfolio
	}
	d := &odtDoc{p: p, blocks: buildOutline(p)}
	parts := make([]zipPart, 0, len(odtParts)+1)
	parts = append(parts, zipPart{"META-INF/manifest.xml", writeManifest})
	for _, part := range odtParts {
		parts = append(parts, zipPart{part.name, func(x xmlWriter) { part.write(d, x) }})
	}
	return writeZip(w, &storedFile{"mimetype", odtMime}, parts)
}

const odtMime = "application/vnd.oasis.opendocument.text"

type odtDoc struct {
	p      *Portfolio
	blocks []block
	tables int // tables written so far: each needs a unique name
}

// odtParts are the XML parts; the manifest lists them.
var odtParts = []struct {
	name  string
	write func(*odtDoc, xmlWriter)
}{
	{"content.xml", (*odtDoc).writeContent},
	{"styles.xml", (*odtDoc).writeStyles},
	{"meta.xml", (*odtDoc).writeMeta},
}

const (
	nsOffice = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"`
	nsODF    = nsOffice + ` xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"` +
		` xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"` +
		` xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"` +
		` xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"` +
		` xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"` +
		` xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.3"`
)

func writeManifest(x xmlWriter) {
	x.raw(xmlHeader + `<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
		`<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="` + odtMime + `"/>`)
	for _, p := range odtParts {
		x.raw(`<manifest:file-entry manifest:full-path="` + p.name + `" manifest:media-type="text/xml"/>`)
	}
	x.raw(`</manifest:manifest>`)
}

func (d *odtDoc) writeMeta(x xmlWriter) {
	x.raw(xmlHeader + `<office:document-meta ` + nsOffice + ` xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:generator>Livret</meta:generator><dc:title>`)
	x.text(documentTitle(d.p))
	x.raw(`</dc:title><meta:initial-creator>`)
	x.text(fullName(d.p.Student))
	x.raw(`</meta:initial-creator><dc:language>fr-FR</dc:language></office:meta></office:document-meta>`)
}
