// Package export writes one student's portfolio as a file a person keeps working on: DOCX
// for Word, ODT for LibreOffice, both with the word processors' own heading styles (so a
// table of contents can be inserted), French set as the language, A4 pages numbered in the
// footer, tables as wide as the text; and as the HTML body of its PDF, which print/ lays
// out and prints. It knows no HTTP: FromDossier turns what the dossier layer read into a
// Portfolio, a writer takes it from there.
//
//	pf, err := store.Portfolio(d) // dossier: one dossier's export, in a few queries
//	p := export.FromDossier(pf, fileURL)
//	err = export.WriteDOCX(w, p) // or WriteODT, or WriteHTML for print.RenderPortfolio
//
// The three formats share one outline (outline.go, sections_*.go: the French wording and
// the order of the sections); each writer only turns its blocks into XML or HTML, one small
// function or constant per part of the package.
//
// Why no DOCX library: the one maintained, MIT-licensed Go candidate the module proxy
// serves, github.com/gomutex/godocx (no tagged release, a pseudo-version of August 2025),
// writes headings with Word's styles but builds every document from an embedded US Letter,
// en-US template and has no way to add a footer part: A4, French and page numbers would have
// meant patching its template and package map from outside. github.com/fumiama/go-docx is
// AGPL, unidoc is commercial. WordprocessingML for this document is eight small parts, so
// the DOCX is written directly, like the ODT, with no dependency; the tests open both with
// LibreOffice and check the packages' structure themselves.
package export
