package print

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAttestation(t *testing.T) {
	t.Parallel()
	a := Attestation{
		School: testSchool, Student: testStudent(2), Period: testPeriod,
		Company:        Company{Name: "Maintenance Industrielle SA", Address: "3 avenue Foch", PostalCode: "69003", City: "Lyon", SIRET: "123 456 789 00012"},
		Representative: "Mme Claire DUBOIS, directrice",
		TotalHours:     "138 h 30",
		Place:          "Lyon",
	}
	doc, err := RenderAttestations(a)
	require.Equal(t, "Attestation PFMP 1 Chloé DUPONT02", doc.Title)
	pages := pdfPages(t, mustPDF(t, doc, err))
	require.Len(t, pages, 1)
	text := pages[0]

	// Pre-filled from the dossier.
	for _, want := range []string{"Attestation de présence", "« PFMP 1 »",
		"Raison sociale : Maintenance Industrielle SA", "Adresse : 3 avenue Foch", "Code postal et ville : 69003 Lyon",
		"SIRET : 123 456 789 00012", "Nom : Chloé DUPONT02", "Classe : 1re MSPC", "Établissement : " + testSchool.Name,
		"du 05/01/2026 au 30/01/2026"} {
		assert.Contains(t, text, want)
	}
	// The six fields of the manual: typed, or dotted for the pen.
	assert.Contains(t, text, "Représentée par : Mme Claire DUBOIS, directrice")               // 1
	assert.Regexp(t, regexp.QuoteMeta("Adresse du siège (si différente) :")+` \.{10,}`, text) // 2
	assert.Regexp(t, `Adresse personnelle : \.{10,}`, text)                                   // 3
	assert.Contains(t, text, "Durée totale (en heures) : 138 h 30")                           // 4
	assert.Regexp(t, `Gratification perçue par le stagiaire : \.{10,}`, text)                 // 5
	assert.Contains(t, text, "Fait à : Lyon")                                                 // 6
	// The date and the signatures are the company's, by hand.
	assert.Regexp(t, `(?m)^\s*Le : \.{10,}`, text)
	assert.Contains(t, text, "Nom, qualité et signature du représentant")
	assert.Contains(t, text, "Cachet de l'entreprise")
	assert.Regexp(t, regexp.QuoteMeta(testSchool.Name)+`\s+page 1 / 1`, text)
}

func TestAttestationsOfSeveralStudents(t *testing.T) {
	t.Parallel()
	doc, err := RenderAttestations(
		Attestation{School: testSchool, Student: testStudent(3), Period: testPeriod},
		Attestation{School: testSchool, Student: testStudent(4), Period: testPeriod},
	)
	require.Equal(t, "Attestations PFMP 1", doc.Title)
	pages := pdfPages(t, mustPDF(t, doc, err))
	require.Len(t, pages, 2)
	assert.Contains(t, pages[0], "Inès DUPONT03")
	assert.Contains(t, pages[1], "Noé DUPONT04")
	assert.Regexp(t, `Raison sociale : \.{10,}`, pages[1])
}
