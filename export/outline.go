package export

import "strings"

// outline builds the document's blocks in the portfolio's order: the title page, then one
// section per portfolio tab (each on a new page), then the bilan personnel when written.
type outline struct {
	blocks []block
}

func buildOutline(p *Portfolio) []block {
	o := &outline{blocks: make([]block, 0, 48+8*len(p.Weeks)+8*len(p.Interventions))}
	o.titlePage(p)
	o.company(p)
	o.location(p)
	o.orgChart(p)
	o.weeks(p)
	o.interventions(p)
	o.attachments(p)
	o.selfReview(p)
	return o.blocks
}

func (o *outline) add(b block) { o.blocks = append(o.blocks, b) }

// heading adds a heading; a level-1 heading opens a new page.
func (o *outline) heading(level int, text string) {
	o.add(block{kind: blockHeading, level: level, page: level == 1, spans: []span{{text: text}}})
}

// para adds a body paragraph, « Non renseigné. » when the text is empty.
func (o *outline) para(text string) {
	o.add(block{kind: blockPara, spans: []span{{text: orDefault(text, notGiven)}}})
}

// note adds a sentence of the document itself (never empty).
func (o *outline) note(text string) {
	o.add(block{kind: blockPara, spans: []span{{text: text}}})
}

// table adds a label/value table; empty values show « — ».
func (o *outline) table(rows ...tableRow) {
	for i := range rows {
		rows[i].value = orDefault(rows[i].value, dash)
	}
	o.add(block{kind: blockTable, rows: rows})
}

// textSection is a heading over one free text.
func (o *outline) textSection(level int, title, text string) {
	o.heading(level, title)
	o.para(text)
}

const (
	notGiven = "Non renseigné."
	dash     = "—"
)

// orDefault cleans a user's text (line breaks as "\n", no surrounding blanks) and gives def
// when nothing is left.
func orDefault(s, def string) string {
	if s = cleanText(s); s == "" {
		return def
	}
	return s
}

var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

func cleanText(s string) string {
	if strings.IndexByte(s, '\r') >= 0 {
		s = newlines.Replace(s)
	}
	return strings.TrimSpace(s)
}
