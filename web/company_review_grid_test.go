package web_test

import (
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/apptest/qrscan"
	"livret/demo"
	"livret/pfmp"
	"livret/print"
)

// « Préparer la rencontre »: the bilan entreprise on paper, with the dossier's tasks, its
// competences on the six levels, the engagement, the meeting date it holds, then the
// attitudes grid; its QR code opens the online bilan it was printed from.
func TestPaperGridOfBilanEntreprise(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	a.PB.Settings().Meta.AppName = testSchool
	p := a.MustPlacement(t, demoP2, "lea.dupont")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	period := a.MustFind(t, "periods", "id", p.GetString("period"))
	meeting := pfmp.EffectiveReviewDate(period.GetDateTime("review_date").Time(), period.GetDateTime("end").Time()).AddDate(0, 0, -1)
	r := choose(teacher, p, "date", meeting.Format("2006-01-02"), 0)
	require.Equal(t, http.StatusOK, r.Status, r.Body)

	page := teacher.Get(companyPath(p, ""))
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, `href="`+companyPath(p, "/grille.pdf")+`" hx-boost="false">Préparer la rencontre (grille papier)</a>`)
	require.Contains(t, page.Body, `href="`+companyPath(p, "/grille")+`"`)

	r = teacher.Get(companyPath(p, "/grille.pdf"))
	name, pages := mustPDF(t, r)
	assert.Equal(t, "Grille PFMP 2 — 2de PMIA Léa Dupont.pdf", name)
	require.GreaterOrEqual(t, len(pages), 2)
	text := pdfWords(t, []byte(r.Body))
	for _, want := range []string{testSchool, "Bilan entreprise", "Grille papier pour préparer la rencontre",
		"Apprenant : Léa DUPONT", "Classe : 2de PMIA", demoP2,
		"Tâches mises en œuvre", taskLine(t, a, "A1T1"), taskLine(t, a, "A1T2"),
		"Compétence 4 Très bonne maîtrise 3 Maîtrise satisfaisante 2 Maîtrise fragile 1 Maîtrise insuffisante " +
			"0 Non maîtrisé NE Non évaluable " + competenceLine(t, a, "C1.1") + " " + competenceLine(t, a, "C1.1.a"),
		competenceLine(t, a, "C1.2"),
		"1 ★ Engagement faible", "4 ★ Engagement fort",
		"Date de la rencontre : " + meeting.Format("02/01/2006"), "Commentaire pour l'apprenant",
		"Bilan des attitudes professionnelles",
		"Critère 4 Très satisfaisant 3 Satisfaisant 2 À améliorer 1 Insuffisant NO Non observé Assiduité", "Ponctualité"} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "C3.1 ", "competences no task of the dossier links")

	// The QR code, read from the printed page, opens the online bilan.
	online := qrscan.MustDecodePDF(t, []byte(r.Body), 1)
	require.Equal(t, a.URL+companyPath(p, ""), online)
	u, err := url.Parse(online)
	require.NoError(t, err)
	r = teacher.Get(u.Path)
	require.Equal(t, http.StatusOK, r.Status)
	assert.Contains(t, r.Body, `id="review-form"`)
}

// The certification grid of an E31 dossier, printed by the apprentice's master: the
// épreuve's competences and evaluators, no tasks nor engagement; the print view serves the
// same document with its QR code inline.
func TestPaperGridOfCertificationGrid(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	master := a.MustLogin(t, "julien.boisseau", demo.Password)
	base := "/dossiers/" + p.Id + "/grille-certificative"

	require.Contains(t, master.Get(base).Body, `href="`+base+`/grille.pdf"`)
	r := master.Get(base + "/grille.pdf")
	name, _ := mustPDF(t, r)
	assert.Equal(t, "Grille "+demoE31+" Lucas Lambert.pdf", name)
	text := pdfWords(t, []byte(r.Body))
	for _, want := range []string{"Grille d'évaluation certificative", "Épreuve E31 — grille papier pour préparer la rencontre",
		"Apprenant : Lucas LAMBERT", "Entreprise : Papeteries de la Seine", "Tuteur : Julien BOISSEAU",
		"C2.1 ", "Non évaluable", "Évaluateurs : ....", "Date de l'évaluation", "Bilan des attitudes professionnelles"} {
		assert.Contains(t, text, want)
	}
	for _, absent := range []string{"Tâches mises en œuvre", "Engagement"} {
		assert.NotContains(t, text, absent)
	}
	assert.Equal(t, a.URL+base, qrscan.MustDecodePDF(t, []byte(r.Body), 1))

	r = master.Get(base + "/grille")
	require.Equal(t, http.StatusOK, r.Status)
	assert.True(t, strings.HasPrefix(r.Header.Get("Content-Type"), "text/html"))
	assert.Contains(t, r.Header.Get("Content-Security-Policy"), "default-src 'none'")
	assert.Contains(t, r.Body, `<svg class="qr"`)
	assert.Contains(t, r.Body, "<h1>Grille d'évaluation certificative</h1>")

	// The period's student menu offers it too (fetched as the menu opens).
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	panel := teacher.Get("/periodes/"+p.GetString("period")+"/apprenants", "HX-Request", "true").Body
	menuURL := "/periodes/" + p.GetString("period") + "/apprenants/" + p.Id + "/menu"
	require.Contains(t, panel, `hx-get="`+menuURL+`"`)
	menu := teacher.Get(menuURL, "HX-Request", "true")
	require.Equal(t, http.StatusOK, menu.Status)
	assert.Contains(t, menu.Body, `href="`+base+`/grille.pdf" hx-boost="false">Préparer la rencontre (grille papier)</a>`)
}

// Without Chromium the paper grid answers 503 with its print view one link away, which works.
func TestPaperGridWithoutChromium(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t, apptest.WithPrintOptions(print.Options{ChromePath: "/nulle/part"}))
	p := a.MustPlacement(t, demoP2, "lea.dupont")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	r := teacher.Get(companyPath(p, "/grille.pdf"))
	require.Equal(t, http.StatusServiceUnavailable, r.Status)
	assert.Contains(t, r.Body, "Impression PDF indisponible")
	assert.Contains(t, r.Body, `href="`+companyPath(p, "/grille")+`"`)
	r = teacher.Get(companyPath(p, "/grille"))
	require.Equal(t, http.StatusOK, r.Status)
	assert.Contains(t, r.Body, "Grille papier pour préparer la rencontre")
}

// taskLine is « A1T1 <its label> » as the grid prints a task of the référentiel.
func taskLine(t *testing.T, a *apptest.App, code string) string {
	return code + " " + a.MustFind(t, "tasks", "code", code).GetString("label")
}

// competenceLine is « C1.1 <its label> » as the grid prints a competence of the référentiel.
func competenceLine(t *testing.T, a *apptest.App, code string) string {
	return code + " " + a.MustFind(t, "competences", "code", code).GetString("label")
}

// pdfWords is pdf's text in the document's order (pdftotext -raw), every run of spaces and
// line breaks made one space: a table's cells, or a label wrapped in a narrow column, read
// as they were written.
func pdfWords(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command("pdftotext", "-raw", path, "-").CombinedOutput()
	require.NoError(t, err, string(out))
	return strings.Join(strings.Fields(string(out)), " ")
}

// Printed addresses follow the application URL the administrators set in the dashboard, as
// the emails' links do: the paper grid's QR code and the login slips.
func TestPrintsNameTheApplicationURL(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	const site = "https://livret.lycee-exemple.fr"
	a.PB.Settings().Meta.AppURL = site
	p := a.MustPlacement(t, demoP2, "lea.dupont")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	r := teacher.Get(companyPath(p, "/grille.pdf"))
	require.Equal(t, http.StatusOK, r.Status)
	assert.Equal(t, site+companyPath(p, ""), qrscan.MustDecodePDF(t, []byte(r.Body), 1))

	mustImport(t, teacher, studentsCSV("Cœur;Éloïse;Tle MSPC;02/11/2007;"))
	class := a.MustFind(t, "classes", "name", "Tle MSPC")
	slips := teacher.PostForm("/comptes/classes/"+class.Id+"/fiches", url.Values{"format": {"html"}}) // the PDF's HTML
	require.Equal(t, http.StatusOK, slips.Status)
	assert.Contains(t, slips.Body, site, "the slip names the site")
}
