package print

import (
	"bytes"
	"embed"
	"errors"
	"html/template"
	"strings"

	"livret/pfmp"
)

//go:embed templates
var templateFS embed.FS

// stylesheet is inlined in every document: Chromium loads nothing from outside.
var stylesheet = template.CSS(mustRead("templates/print.css"))

// One template set per kind of document: each defines its own "content", the layout puts
// one per section.
var (
	preconventionTmpl = parse("preconvention.html")
	attestationTmpl   = parse("attestation.html")
	slipsTmpl         = parse("slips.html")
)

// dotsLine is longer than any line of an A4 page; the stylesheet cuts it at the margin.
var dotsLine = strings.Repeat(".", 250)

var funcs = template.FuncMap{
	"date": pfmp.FormatShort,
	"dots": func() string { return dotsLine },
	"join": func(names []string) string { return joinNonEmpty(", ", names...) },
	"seq":  func(n int) []struct{} { return make([]struct{}, n) },
	"stars": func(n int) string {
		return strings.Repeat("★", n) + strings.Repeat("☆", max(pfmp.EngagementMax-n, 0))
	},
	"field": func(label, value string) labelled {
		return labelled{Label: label, Value: strings.TrimSpace(value)}
	},
	"lines": func(value string, lines int) blankable {
		return blankable{Value: strings.TrimSpace(value), Lines: lines}
	},
}

// labelled is a row of a form: a label and its value, dots when empty.
type labelled struct{ Label, Value string }

// blankable is a text, or so many ruled lines when it is empty.
type blankable struct {
	Value string
	Lines int
}

func parse(file string) *template.Template {
	return template.Must(template.New(file).Funcs(funcs).
		ParseFS(templateFS, "templates/layout.html", "templates/"+file))
}

func mustRead(name string) string {
	b, err := templateFS.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// sheets is what the layout renders: one sheet per section.
type sheets[T any] struct {
	Title    string
	CSS      template.CSS
	Sections []T
}

func render[T any](t *template.Template, title, footer string, sections []T) (Document, error) {
	var buf bytes.Buffer
	err := t.ExecuteTemplate(&buf, "layout", sheets[T]{Title: title, CSS: stylesheet, Sections: sections})
	if err != nil {
		return Document{}, err
	}
	return Document{Title: title, Footer: footer, HTML: buf.Bytes(), Sections: len(sections)}, nil
}

// errNothing: a batch of no student is a mistake of the caller, told in French anyway.
var errNothing = errors.New("Aucun élève à imprimer.")

// RenderPreconventions renders the pré-conventions of one student, or of every student of
// a period as ONE document (one section per student, each starting on a new page), to be
// printed once. The school and period of the first one name the document.
func RenderPreconventions(ps ...Preconvention) (Document, error) {
	if len(ps) == 0 {
		return Document{}, errNothing
	}
	title := "Annexes " + ps[0].Period.Name
	if len(ps) == 1 {
		title = joinNonEmpty(" ", "Annexe", ps[0].Period.Name, ps[0].Student.FullName())
	}
	return render(preconventionTmpl, title, ps[0].School.Name, ps)
}

// RenderAttestations renders the attestations de présence of one or several students, one
// per sheet.
func RenderAttestations(as ...Attestation) (Document, error) {
	if len(as) == 0 {
		return Document{}, errNothing
	}
	title := "Attestations " + as[0].Period.Name
	if len(as) == 1 {
		title = joinNonEmpty(" ", "Attestation", as[0].Period.Name, as[0].Student.FullName())
	}
	return render(attestationTmpl, title, as[0].School.Name, as)
}

// slipSheet is the one section of a slips document: the slips flow across pages.
type slipSheet struct {
	School  School
	SiteURL string
	Slips   []Slip
}

// RenderSlips renders the login slips of a class (or of people without one: teachers), ten
// per A4 page, with cut lines. siteURL is the address they type to log in.
func RenderSlips(school School, siteURL string, slips []Slip) (Document, error) {
	if len(slips) == 0 {
		return Document{}, errNothing
	}
	title := joinNonEmpty(" ", "Identifiants", slips[0].Student.Class)
	doc, err := render(slipsTmpl, title, school.Name, []slipSheet{{school, siteURL, slips}})
	if err != nil {
		return Document{}, err
	}
	doc.Sections = len(slips) // progress counts students, not the one sheet
	return doc, nil
}
