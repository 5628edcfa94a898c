package print

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest/qrscan"
	"livret/doctest"
)

func testGrid(epreuve string) Grid {
	return Grid{
		School: testSchool, Student: testStudent(5), Period: testPeriod,
		Company: Company{Name: "Papeteries de la Seine", PostalCode: "76100", City: "Rouen"},
		Tutor:   Tutor{FirstName: "Julien", LastName: "BOISSEAU"},
		Epreuve: epreuve,
		Activities: []GridActivity{{Item: Item{"A2", "Maintenance préventive"}, Tasks: []Item{
			{"A2T2", "Réaliser les opérations de maintenance préventive"}, {"A2T3", "Contrôler l'état du bien"}}}},
		Competences: []GridCompetence{
			{Item: Item{"C2.1", "Préparer la réalisation d'une intervention"}, Subs: []Item{
				{"C2.1.a", "Rassembler la documentation"}, {"C2.1.b", "Approvisionner les pièces"}}},
			{Item: Item{"C3.2", "Réaliser une intervention corrective"}},
		},
		MeetingDate: day(1, 29),
		Attitudes: []GridAttitude{
			{Item: Item{"ATT01", "Assiduité"}, Description: "Présence sur toute la période.",
				Descriptors: map[string]string{"1": "Absences non justifiées", "4": "Toujours présent(e)"}},
			{Item: Item{"ATT02", "Ponctualité"}, Descriptors: map[string]string{"3": "Ponctuel(le)"}},
		},
		OnlineURL: "http://127.0.0.1:8090/dossiers/abc123def456ghi/bilan-entreprise",
	}
}

func TestGrid(t *testing.T) {
	t.Parallel()
	g := testGrid("")
	doc, err := RenderGrid(g)
	require.Equal(t, "Grille PFMP 1 Léa DUPONT05", doc.Title)
	pdf := mustPDF(t, doc, err)
	pages := pdfPages(t, pdf)
	require.Len(t, pages, 2, "the bilan on one page, the attitudes grid on the next")
	text := pdfWords(t, pdf)

	for _, want := range []string{"Bilan entreprise", "Grille papier pour préparer la rencontre",
		"Période : PFMP 1 — du 05/01/2026 au 30/01/2026", "Apprenant : Léa DUPONT05", "Classe : 1re MSPC",
		"Entreprise : Papeteries de la Seine, 76100 Rouen", "Tuteur : Julien BOISSEAU",
		// the tasks to tick, by activity
		"Tâches mises en œuvre", "A2 — Maintenance préventive", "A2T2 Réaliser les opérations de maintenance préventive",
		"A2T3 Contrôler l'état du bien",
		// the six levels, each column with its code and label (a black and white print has no
		// colour), then the competences and their sub-competences
		"Compétence 4 Très bonne maîtrise 3 Maîtrise satisfaisante 2 Maîtrise fragile 1 Maîtrise insuffisante " +
			"0 Non maîtrisé NE Non évaluable C2.1 Préparer la réalisation d'une intervention C2.1.a Rassembler la documentation " +
			"C2.1.b Approvisionner les pièces C3.2 Réaliser une intervention corrective",
		// engagement, meeting, comment
		"Engagement de l'apprenant sur la période : 1 ★ Engagement faible 2 ★ Engagement irrégulier " +
			"3 ★ Engagement régulier 4 ★ Engagement fort",
		"Date de la rencontre : 29/01/2026", "Commentaire pour l'apprenant :"} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "Évaluateurs")
	assert.Equal(t, 4, doctest.DottedLines(doctest.Between(t, pages[0], "Commentaire pour l'apprenant", "")))

	// The attitudes grid: its criteria, the scale, what each level means for each criterion.
	attitudes := pdfWords(t, pdf, "-f", "2")
	for _, want := range []string{"Bilan des attitudes professionnelles Léa DUPONT05 — PFMP 1",
		"Critère 4 Très satisfaisant 3 Satisfaisant 2 À améliorer 1 Insuffisant NO Non observé " +
			"Assiduité Présence sur toute la période. Toujours présent(e) Absences non justifiées Ponctualité Ponctuel(le)"} {
		assert.Contains(t, attitudes, want)
	}
	assert.Equal(t, g.OnlineURL, qrscan.MustDecodePDF(t, pdf, 1))
	assert.Regexp(t, regexp.QuoteMeta(testSchool.Name)+`\s+page 1 / 2`, pages[0])
}

func TestCertificativeGrid(t *testing.T) {
	t.Parallel()
	g := testGrid("E31")
	g.Activities, g.MeetingDate = nil, time.Time{}
	g.OnlineURL = "https://livret.example.fr/dossiers/abc123def456ghi/grille-certificative"
	doc, err := RenderGrid(g)
	pdf := mustPDF(t, doc, err)
	text := pdfWords(t, pdf)

	for _, want := range []string{"Grille d'évaluation certificative", "Épreuve E31 — grille papier pour préparer la rencontre",
		"C2.1 Préparer la réalisation", "Non évaluable", "Bilan des attitudes professionnelles"} {
		assert.Contains(t, text, want)
	}
	assert.Regexp(t, `Évaluateurs : \.{10,}`, text)
	assert.Regexp(t, `Date de l'évaluation : \.{10,}`, text, "an unknown date is left to the pen")
	for _, absent := range []string{"Tâches mises en œuvre", "Engagement", "Date de la rencontre"} {
		assert.NotContains(t, text, absent)
	}
	assert.Equal(t, g.OnlineURL, qrscan.MustDecodePDF(t, pdf, 1))
}

func TestGridNeedsItsOnlineAddress(t *testing.T) {
	t.Parallel()
	g := testGrid("")
	g.OnlineURL = ""
	_, err := RenderGrid(g)
	require.Error(t, err)
}

// pdfWords is pdf's text in the document's order (pdftotext -raw), every run of spaces and
// line breaks made one space: a table's cells, or a label wrapped in a narrow column, read
// as they were written.
func pdfWords(t testing.TB, pdf []byte, args ...string) string {
	return strings.Join(strings.Fields(poppler(t, "pdftotext", pdf, append([]string{"-raw"}, args...)...)), " ")
}
