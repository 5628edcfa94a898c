package print

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/doctest"
)

// The six section titles, as far as their first line goes.
var sectionTitles = []string{
	"1. Horaires journaliers de l'élève",
	"2. Modalités de concertation entre le(s) enseignant(s) référent(s)",
	"3. Objectifs assignés et compétences à acquérir",
	"4. Activités prévues en milieu professionnel",
	"5. Travaux effectués, équipements ou produits utilisés",
	"6. Modalités d'évaluation",
}

// testPreconvention is student i's pré-convention before a company is found: sections 2
// and 5 left for the pen.
func testPreconvention(i int) Preconvention {
	return Preconvention{
		School: testSchool, Student: testStudent(i), Period: testPeriod,
		Referents:   []string{"M. Durand", "Mme Petit"},
		Hours:       "8 h – 12 h et 13 h 30 – 17 h\ndu lundi au vendredi",
		Objectives:  "Découvrir la maintenance préventive <d'un site> & ses risques.",
		Competences: []Item{{"C1.2", "Analyser le fonctionnement d'un bien"}},
		Tasks:       []Item{{"T1.1", "Préparer l'intervention"}, {"T2.3", "Réaliser la maintenance préventive"}},
		Evaluation:  "Bilan avec le tuteur la dernière semaine.",
	}
}

func TestPreconventionWithoutCompany(t *testing.T) {
	t.Parallel()
	p := testPreconvention(0)
	doc, err := RenderPreconventions(p)
	require.Equal(t, "Annexe PFMP 1 Zoé DUPONT00", doc.Title)
	text := pdfText(t, mustPDF(t, doc, err))

	for _, want := range []string{testSchool.Name, "Annexe pédagogique", "Zoé DUPONT00", "1re MSPC",
		"« PFMP 1 »", "du 05/01/2026 au 30/01/2026"} {
		assert.Contains(t, text, want)
	}
	assert.Regexp(t, `M\. Durand, Mme\s+Petit`, text)
	last := -1
	for _, title := range sectionTitles {
		i := strings.Index(text, title)
		require.Greater(t, i, last, "section %q missing or out of order", title)
		last = i
	}

	// Typed sections print as typed, line breaks kept; the others are ruled for the pen.
	hours := doctest.Between(t, text, sectionTitles[0], sectionTitles[1])
	assert.Regexp(t, `8 h – 12 h et 13 h 30 – 17 h\s*\n\s*du lundi au vendredi`, hours)
	assert.Zero(t, doctest.DottedLines(hours))
	assert.GreaterOrEqual(t, doctest.DottedLines(doctest.Between(t, text, sectionTitles[1], sectionTitles[2])), 3)
	objectives := doctest.Between(t, text, sectionTitles[2], sectionTitles[3])
	assert.Contains(t, objectives, "Découvrir la maintenance préventive <d'un site> & ses risques.")
	assert.Regexp(t, `C1\.2\s+Analyser le fonctionnement d'un bien`, objectives)
	tasks := doctest.Between(t, text, sectionTitles[3], sectionTitles[4])
	assert.Regexp(t, `T1\.1\s+Préparer l'intervention`, tasks)
	assert.Regexp(t, `T2\.3\s+Réaliser la maintenance préventive`, tasks)
	assert.Zero(t, doctest.DottedLines(tasks))
	assert.GreaterOrEqual(t, doctest.DottedLines(doctest.Between(t, text, sectionTitles[4], sectionTitles[5])), 3)
	assert.Contains(t, doctest.Between(t, text, sectionTitles[5], ""), "Bilan avec le tuteur la dernière semaine.")

	// No company yet: every company and tutor row is a dotted line.
	for _, label := range []string{"Raison sociale", "Adresse", "Code postal et ville", "Tuteur", "Courriel du tuteur"} {
		assert.Regexp(t, regexp.QuoteMeta(label)+` : \.{10,}`, text)
	}
}

func TestPreconventionWithCompanyAndEmptySections(t *testing.T) {
	t.Parallel()
	p := Preconvention{
		School: testSchool, Student: testStudent(1), Period: testPeriod,
		Company: Company{Name: "Maintenance Industrielle SA", Address: "3 avenue Foch", PostalCode: "69003", City: "Lyon", Phone: "04 78 00 00 00"},
		Tutor:   Tutor{FirstName: "Claire", LastName: "DUBOIS", Email: "claire.dubois@mi.fr"},
	}
	doc, err := RenderPreconventions(p)
	text := pdfText(t, mustPDF(t, doc, err))

	for _, want := range []string{"Raison sociale : Maintenance Industrielle SA", "Adresse : 3 avenue Foch",
		"Code postal et ville : 69003 Lyon", "Tuteur : Claire DUBOIS", "Courriel du tuteur : claire.dubois@mi.fr"} {
		assert.Contains(t, text, want)
	}
	assert.Regexp(t, `Téléphone du tuteur : \.{10,}`, text, "an unknown field stays a dotted line")
	for i, title := range sectionTitles {
		next := ""
		if i+1 < len(sectionTitles) {
			next = sectionTitles[i+1]
		}
		assert.GreaterOrEqual(t, doctest.DottedLines(doctest.Between(t, text, title, next)), 3, "section %q", title)
	}
}

// A whole period is ONE document printed once: each student's sheet starts a new page.
func TestPreconventionsOfAPeriod(t *testing.T) {
	t.Parallel()
	one, err := RenderPreconventions(testPreconvention(0))
	perStudent := len(pdfPages(t, mustPDF(t, one, err)))

	const students = 30
	ps := make([]Preconvention, students)
	for i := range ps {
		ps[i] = testPreconvention(i)
	}
	doc, err := RenderPreconventions(ps...)
	require.Equal(t, students, doc.Sections)
	require.Equal(t, "Annexes PFMP 1", doc.Title)
	pdf := mustPDF(t, doc, err)
	pages := pdfPages(t, pdf)

	require.Len(t, pages, students*perStudent)
	assert.Regexp(t, fmt.Sprintf(`Pages:\s+%d\n`, len(pages)), poppler(t, "pdfinfo", pdf))
	for i := range ps {
		first := pages[i*perStudent]
		assert.Contains(t, first, "Annexe pédagogique", "student %d starts on page %d", i, i*perStudent+1)
		assert.Contains(t, first, ps[i].Student.FullName())
		for j := range ps {
			if j != i {
				assert.NotContains(t, strings.Join(pages[i*perStudent:(i+1)*perStudent], ""), ps[j].Student.FullName())
			}
		}
	}
	for n, p := range pages {
		assert.Regexp(t, regexp.QuoteMeta(testSchool.Name)+`\s+page `+fmt.Sprintf("%d / %d", n+1, len(pages)), p)
	}
}

func TestDocumentHTMLEscapesTypedText(t *testing.T) {
	t.Parallel()
	p := testPreconvention(0)
	p.Evaluation = `<script>alert("x")</script>`
	doc, err := RenderPreconventions(p)
	require.NoError(t, err)
	html := string(doc.HTML)
	assert.True(t, strings.HasPrefix(html, "<!doctype html>"))
	assert.Contains(t, html, "<title>Annexe PFMP 1 Zoé DUPONT00</title>")
	assert.NotContains(t, html, "<script>")
	assert.Contains(t, html, "&lt;script&gt;")
}

func TestRenderNothing(t *testing.T) {
	t.Parallel()
	_, err := RenderPreconventions()
	assert.EqualError(t, err, "Aucun élève à imprimer.")
}

func TestFontsAreEmbedded(t *testing.T) {
	t.Parallel()
	doc, err := RenderPreconventions(testPreconvention(0))
	fonts := poppler(t, "pdffonts", mustPDF(t, doc, err))
	assert.Contains(t, fonts, "DejaVuSans")
	rows := strings.Split(strings.TrimSpace(fonts), "\n")[2:] // below the two header lines
	require.NotEmpty(t, rows)
	for _, row := range rows {
		assert.Regexp(t, `\s+yes\s+yes\s+yes\s+\d+\s+\d+$`, row, "embedded, subset, unicode")
	}
}
