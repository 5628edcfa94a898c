package web

import (
	"html"
	"html/template"
	"strconv"
	"strings"
	"time"

	"livret/dossier"
	"livret/pfmp"
)

// The small chart of one competence on the tableau de bord, drawn on the server as SVG: the
// levels 0–4 over time (NE is listed, not drawn), one mark per source's shape, and the bilans
// intermédiaires as dashed lines. Every chart of a page shares the same time axis.

const (
	chartW, chartH                    = 320.0, 92.0
	padLeft, padRight, padTop, padBot = 18.0, 8.0, 12.0, 8.0
)

type chartView struct {
	W, H    float64
	X0, X1  float64 // the time axis
	Y0, Y1  float64 // the checkpoints' lines
	Grid    []gridLine
	Line    string
	Points  []chartPoint
	Marks   []chartMark
	Summary string
}

type gridLine struct {
	Y     float64
	Label string
}

type chartPoint struct {
	X, Y         float64
	Shape, Level string
	Title        string
}

type chartMark struct {
	X     float64
	Title string
}

// SVG writes the chart. Built here rather than by the template: a dashboard draws hundreds of
// points, and the template engine's reflection per attribute would dominate the page's time.
func (v chartView) SVG() template.HTML {
	var b strings.Builder
	b.WriteString(`<svg class="track-chart" viewBox="0 0 ` + num(v.W) + " " + num(v.H) + `" role="img" aria-label="` +
		html.EscapeString(v.Summary) + `">`)
	for _, g := range v.Grid {
		b.WriteString(`<line class="grid" x1="` + num(v.X0) + `" x2="` + num(v.X1) + `" y1="` + num(g.Y) + `" y2="` + num(g.Y) +
			`"/><text class="grid-label" x="4" y="` + num(g.Y) + `" dy="3">` + g.Label + `</text>`)
	}
	for _, m := range v.Marks {
		b.WriteString(`<line class="cp-mark" x1="` + num(m.X) + `" x2="` + num(m.X) + `" y1="` + num(v.Y0) + `" y2="` + num(v.Y1) +
			`"><title>` + html.EscapeString(m.Title) + `</title></line>`)
	}
	if v.Line != "" {
		b.WriteString(`<polyline class="trend" points="` + v.Line + `"/>`)
	}
	for _, p := range v.Points {
		b.WriteString(`<g class="lv-` + html.EscapeString(p.Level) + `"><title>` + html.EscapeString(p.Title) + `</title>` + p.shape() + `</g>`)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // every text above is escaped
}

// shape is the point's mark: a circle (company), a square (school), a diamond (certificative).
func (p chartPoint) shape() string {
	switch p.Shape {
	case "square":
		return `<rect x="` + num(p.X-4.5) + `" y="` + num(p.Y-4.5) + `" width="9" height="9"/>`
	case "diamond":
		return `<polygon points="` + pt(p.X, p.Y-5.5) + " " + pt(p.X+5.5, p.Y) + " " + pt(p.X, p.Y+5.5) + " " + pt(p.X-5.5, p.Y) + `"/>`
	}
	return `<circle cx="` + num(p.X) + `" cy="` + num(p.Y) + `" r="4.5"/>`
}

var sourceShapes = map[dossier.Source]string{
	dossier.SourceCompany: "circle", dossier.SourceSchool: "square", dossier.SourceCertificative: "diamond",
}

// chartOf draws one track on the dashboard's time axis [from, to].
func chartOf(t dossier.Track, from, to time.Time, marks []dossier.Mark) chartView {
	v := chartView{W: chartW, H: chartH, X0: padLeft, X1: chartW - padRight, Y0: padTop / 3, Y1: chartH - padBot/2,
		Summary: trackSummary(t)}
	for l := 4; l >= 0; l-- {
		v.Grid = append(v.Grid, gridLine{Y: levelY(l), Label: strconv.Itoa(l)})
	}
	var line []string
	for _, e := range t.Evaluations {
		l, err := strconv.Atoi(e.Level)
		if err != nil { // NE: in the list only
			continue
		}
		p := chartPoint{X: timeX(e.Date, from, to), Y: levelY(l), Shape: sourceShapes[e.Source], Level: e.Level,
			Title: pfmp.FormatShort(e.Date) + " · " + sourceLabels[e.Source] + " · " + ratingWords(e.Level)}
		v.Points = append(v.Points, p)
		line = append(line, pt(p.X, p.Y))
	}
	if len(line) > 1 {
		v.Line = strings.Join(line, " ")
	}
	for _, m := range marks {
		v.Marks = append(v.Marks, chartMark{X: timeX(m.Date, from, to), Title: checkpointTitle(m)})
	}
	return v
}

func levelY(l int) float64 { return padTop + float64(4-l)*(chartH-padTop-padBot)/4 }

func timeX(t, from, to time.Time) float64 {
	span := to.Sub(from)
	if span <= 0 {
		return (padLeft + chartW - padRight) / 2
	}
	return padLeft + float64(t.Sub(from))/float64(span)*(chartW-padLeft-padRight)
}

func pt(x, y float64) string { return num(x) + "," + num(y) }

func num(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }

// trackSummary is what a screen reader hears for the chart.
func trackSummary(t dossier.Track) string {
	n := len(t.Evaluations)
	s := t.Competence.Code + " : " + strconv.Itoa(n) + " évaluation"
	if n > 1 {
		s += "s"
	}
	if t.Latest != "" {
		s += ", dernier niveau " + ratingWords(t.Latest)
	}
	return s + "."
}

func checkpointTitle(m dossier.Mark) string {
	t := "Bilan intermédiaire du " + pfmp.FormatShort(m.Date)
	if m.Label != "" {
		t += " (" + m.Label + ")"
	}
	return t
}

var sourceLabels = map[dossier.Source]string{
	dossier.SourceCompany:       "Bilan entreprise",
	dossier.SourceSchool:        "Évaluation en établissement",
	dossier.SourceCertificative: "Évaluation certificative",
}
