package export

// The document both formats write: a flat list of blocks built once from the Portfolio
// (outline.go), so the French wording and the order of the sections live in one place and
// the DOCX and ODT writers only translate blocks into their XML.

type blockKind uint8

const (
	blockTitle    blockKind = iota // the title page's big title
	blockSubtitle                  // under the title
	blockHeading                   // level 1 to 3
	blockPara                      // body text; "\n" are line breaks
	blockList                      // bullet list with nesting levels
	blockTable                     // two columns: label, value
)

type block struct {
	kind  blockKind
	level int  // heading level, 1 to 3
	page  bool // starts on a new page
	spans []span
	items []listItem
	rows  []tableRow
}

// span is a run of text, a link when url is set.
type span struct {
	text   string
	url    string
	strong bool
}

// listItem is a bullet; level 0 is the outermost and a level is at most one deeper than the
// item before it (the writers rely on it to nest lists).
type listItem struct {
	level int
	spans []span
}

type tableRow struct {
	label, value string
}

// headingLevels is how many heading levels the documents use (and style).
const headingLevels = 3
