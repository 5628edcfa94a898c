package export_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/doctest"
	"livret/export"
)

// Both formats, of a rich portfolio and of an empty one, opened by LibreOffice and read back
// from the PDF it prints: headings, text, page layout, language, links.

type writer func(io.Writer, *export.Portfolio) error

func writeFile(t *testing.T, dir, name string, write writer, p *export.Portfolio) string {
	t.Helper()
	path := filepath.Join(dir, name)
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, write(f, p))
	require.NoError(t, f.Close())
	return path
}

func TestExportsOpenInLibreOffice(t *testing.T) {
	dir := t.TempDir()
	rich := richPortfolio()
	pdfs := doctest.ConvertToPDF(t,
		writeFile(t, dir, "riche-docx.docx", export.WriteDOCX, rich),
		writeFile(t, dir, "riche-odt.odt", export.WriteODT, rich),
		writeFile(t, dir, "vide-docx.docx", export.WriteDOCX, &export.Portfolio{}),
		writeFile(t, dir, "vide-odt.odt", export.WriteODT, &export.Portfolio{}),
	)
	for i, format := range []string{"docx", "odt"} {
		t.Run(format, func(t *testing.T) {
			pdf := pdfs[i]
			t.Run("headings are outline levels", func(t *testing.T) { assert.Equal(t, expectedOutline(), pdfOutline(t, pdf)) })
			t.Run("text", func(t *testing.T) { checkRichText(t, doctest.PDFText(t, pdf)) })
			t.Run("page", func(t *testing.T) { checkPages(t, pdf) })
			t.Run("nothing overflows", func(t *testing.T) { checkInsideMargins(t, pdf) })
			t.Run("org chart indents its levels", func(t *testing.T) { checkOrgChartIndent(t, pdf) })
			t.Run("language and links", func(t *testing.T) { checkLanguageAndLinks(t, pdf) })
			t.Run("empty portfolio", func(t *testing.T) { checkEmpty(t, pdfs[i+2]) })
		})
	}
}

var footerLine = regexp.MustCompile(`(?m)^.*page \d+ sur \d+\s*$`)

// bodyText is the PDF's text without the page footers, a word cut at its hyphen on a line's
// end joined back.
func bodyText(raw string) string {
	return strings.ReplaceAll(footerLine.ReplaceAllString(raw, ""), "-\n", "-")
}

// flat collapses every run of white space (line and page breaks included) into one space.
func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func checkRichText(t *testing.T, raw string) {
	body := bodyText(raw)
	text := flat(body)
	for _, h := range expectedOutline() {
		assert.Contains(t, text, h.Text)
	}
	// The reports passed, all of them, and only them.
	for n := 1; n <= reportsTotal; n++ {
		defect := fmt.Sprintf("Fuite d’huile au niveau du vérin (défaut %02d)", n)
		if n <= reportsKept {
			assert.Contains(t, text, defect)
		} else {
			assert.NotContains(t, text, defect)
		}
	}
	assert.NotContains(t, text, "Rapport écarté")
	assert.Contains(t, text, flat(longText()), "the 10,000-character report, whole")
	// Accents and apostrophes exact, in every part.
	for _, s := range []string{"Portfolio de Léa DUPRÉ-CŒURDACIER", "Société d’Usinage Normand", "12 rue de l’Église",
		"nouvelle usine en 2015 « à Rouen ».", "J’ai aimé travailler en équipe avec les électriciens ; " + accents,
		"Mme Béatrice Lœuvre, directrice", "Équipe de l’après-midi", "Passer l’habilitation électrique.",
		"du lundi 3 mars 2025 au vendredi 28 mars 2025", "49,44310° N, 1,09930° E", "Image JPEG · 1,2 Mo"} {
		assert.Contains(t, text, s)
	}
	// Multi-line texts keep their line breaks.
	assert.Contains(t, body, "plastique.\nConditionnement pour la grande distribution.")
	assert.Contains(t, body, "Créée en 1978 par M. Lœuvre.\nRachetée en 2003")
	// The org chart's names in the chart's order.
	chart := text[strings.Index(text, "Construire l'organigramme"):]
	last := -1
	for _, name := range orgNames {
		i := strings.Index(chart, name)
		assert.Greater(t, i, last, "%q after the name before it", name)
		last = i
	}
}

// checkPages: A4, the document's title, « page N sur M » on every page.
func checkPages(t *testing.T, pdf string) {
	info := pdfInfo(t, pdf)
	assert.Contains(t, info["Page size"], "(A4)")
	assert.Equal(t, "Portfolio de Léa DUPRÉ-CŒURDACIER — PFMP 1 — Première", info["Title"])
	pages := pageCount(t, info)
	assert.Greater(t, pages, 30, "50 reports do not fit in fewer pages")
	text := doctest.PDFText(t, pdf)
	for n := 1; n <= pages; n++ {
		assert.Contains(t, text, fmt.Sprintf("Léa DUPRÉ-CŒURDACIER — PFMP 1 — Première — page %d sur %d", n, pages))
	}
}

// checkInsideMargins: every word, the 288-character one and the 10,000-character report
// included, lies within the 2 cm margins of the A4 page.
func checkInsideMargins(t *testing.T, pdf string) {
	const margin = 56.69 // 2 cm in points
	words, width := pdfWords(t, pdf)
	require.InDelta(t, 595.3, width, 0.5)
	seen := false
	for _, w := range words {
		seen = seen || strings.HasPrefix(w.Text, unbroken[:36])
		if w.XMin < margin-1 || w.XMax > width-margin+1 {
			assert.Failf(t, "word outside the margins", "page %d: %q at x %.1f–%.1f", w.Page, w.Text, w.XMin, w.XMax)
		}
	}
	assert.True(t, seen, "the unbroken word is printed")
}

// checkOrgChartIndent: each level of the chart is indented further than the one above it,
// and names of one level line up.
func checkOrgChartIndent(t *testing.T, pdf string) {
	words, _ := pdfWords(t, pdf)
	depths := []int{1, 2, 3, 3, 2, 3}
	x := map[int]float64{}
	i := 0
	inChart := false
	for _, w := range words {
		inChart = inChart || w.Text == "l'organigramme" // the section's heading
		if inChart && i < len(orgNames) && w.Text == strings.Fields(orgNames[i])[0] {
			if prev, ok := x[depths[i]]; ok {
				assert.InDelta(t, prev, w.XMin, 1, "%q lines up with its level", orgNames[i])
			}
			x[depths[i]] = w.XMin
			i++
		}
	}
	require.Equal(t, len(orgNames), i, "every name of the chart is printed")
	assert.Less(t, x[1], x[2])
	assert.Less(t, x[2], x[3])
}

// checkLanguageAndLinks: LibreOffice tags the PDF with the document's language, and keeps
// the links of the annexes and of the map.
func checkLanguageAndLinks(t *testing.T, pdf string) {
	raw, err := os.ReadFile(pdf)
	require.NoError(t, err)
	assert.Contains(t, string(raw), "/Lang(fr-FR)")
	for _, uri := range []string{
		"https://livret.example.fr/dossiers/p1/portfolio/annexes/a1/fichier",
		"https://www.example.com/notices/presse%20injecteur.pdf",
		"https://www.openstreetmap.org/?mlat=49.4431&mlon=1.0993#map=17/49.4431/1.0993",
	} {
		assert.Contains(t, string(raw), "/URI("+uri+")")
	}
}

// checkEmpty: a portfolio with nothing written keeps its sections and says what is missing;
// no bilan personnel until there is one.
func checkEmpty(t *testing.T, pdf string) {
	var h1 []string
	for _, h := range pdfOutline(t, pdf) {
		if h.Level == 1 {
			h1 = append(h1, h.Text)
		}
	}
	assert.Equal(t, []string{"Présenter l'entreprise", "Géolocaliser l'entreprise", "Construire l'organigramme",
		"Présenter les activités hebdomadaires", "Présenter une activité", "Annexes"}, h1)
	text := flat(bodyText(doctest.PDFText(t, pdf)))
	for _, s := range []string{"Non renseigné.", "L'entreprise n'a pas été placée sur la carte.",
		"L'organigramme n'a pas été construit.", "La période ne compte aucune semaine.",
		"Aucune activité n'a été présentée.", "Aucune annexe n'a été jointe."} {
		assert.Contains(t, text, s)
	}
	assert.NotContains(t, text, "Bilan personnel")
}
