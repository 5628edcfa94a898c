package web_test

import (
	"fmt"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/doctest"
	"livret/pfmp"
	"livret/print"
	"livret/web"
)

// The portfolio's exports of a rich dossier, read back as a person would: the DOCX and ODT
// opened by LibreOffice, the PDF as printed, all three through pdftotext.

const (
	exportSchool     = "Lycée professionnel Gustave-Eiffel"
	exportReports    = 12 // written
	exportSelected   = 10 // the first ones, selected for the export
	exportLongMarker = "FIN-DU-RAPPORT-LONG"
)

// exportOrgNames are the org chart's names in reading order, with their depth.
var exportOrgNames = []struct {
	name  string
	depth int
}{{"Direction générale", 1}, {"Service maintenance", 2}, {"Équipe électricité", 3}, {"Équipe mécanique", 3},
	{"Service production", 2}, {"Atelier conditionnement", 3}}

func exportReportTitle(n int) string {
	if n > exportSelected {
		return fmt.Sprintf("Rapport écarté n° %02d : graissage", n)
	}
	return fmt.Sprintf("Activité n° %02d — remplacement d’un vérin", n)
}

// richDossier is lucas.lambert's E31 dossier (his master holds a grant on it), every tab
// filled: the company with accents and a multi-line history, its position, a 3-level org
// chart, three weeks written, 12 reports of which 10 selected (the first 10,000 characters
// long), a file and a link.
type richDossier struct {
	placement *core.Record
	weeks     []pfmp.Week
}

func mustRichDossier(t *testing.T, a *apptest.App) *richDossier {
	t.Helper()
	settings := a.PB.Settings()
	settings.Meta.AppName = exportSchool
	require.NoError(t, a.PB.Save(settings))
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	chart := &pfmp.OrgChart{}
	parents := map[int]string{}
	for _, n := range exportOrgNames {
		node, err := chart.Add(parents[n.depth-1], n.name, "Rôle de "+n.name)
		require.NoError(t, err)
		parents[n.depth] = node.ID
	}
	for k, v := range map[string]any{
		"company_name": "Société d’Usinage Normand", "company_address": "12 rue de l’Église", "company_postal_code": "76000",
		"company_city": "Rouen", "company_sector": "Agroalimentaire", "company_phone": "02 35 00 00 00",
		"tutor_first_name": "Jérôme", "tutor_last_name": "Lefèvre", "tutor_email": "j.lefevre@sun.example.fr",
		"company_activity": "Fabrication de barquettes.", "company_history": "Créée en 1978 par M. Lœuvre.\nRachetée en 2003 « à Rouen ».",
		"employees": 120, "maintenance_staff": 8, "lat": 49.4431, "lng": 1.0993, "org_chart": string(chart.JSON()),
	} {
		p.Set(k, v)
	}
	require.NoError(t, a.PB.Save(p))
	period := a.MustFind(t, "periods", "id", p.GetString("period"))
	weeks := pfmp.Weeks(period.GetDateTime("start").Time(), period.GetDateTime("end").Time())
	for _, w := range weeks[1:3] { // the demo wrote the first one
		a.MustRecord(t, "journal_weeks", map[string]any{"placement": p.Id, "week_start": w.Start,
			"activities": fmt.Sprintf("Semaine %d : rondes de surveillance.", w.Index),
			"liked":      "J’ai aimé le travail d’équipe.", "succeeded": "J’ai réussi un dépannage seul."})
	}
	for n := 1; n <= exportReports; n++ {
		repairs := fmt.Sprintf("Changement du vérin (réparation %02d)", n)
		if n == 1 {
			repairs = strings.Repeat("J’ai démonté le carter et vérifié l’état des courroies côté moteur. ", 145) + exportLongMarker
		}
		a.MustRecord(t, "interventions", map[string]any{"placement": p.Id, "title": exportReportTitle(n),
			"wo_date": fmt.Sprintf("2026-02-%02d", n), "wo_machine": fmt.Sprintf("Presse n° %02d", n),
			"defects": fmt.Sprintf("Fuite d’huile (défaut %02d)", n), "repairs": repairs, "selected": n <= exportSelected})
	}
	file, err := filesystem.NewFileFromBytes([]byte("%PDF-1.4\n%%EOF\n"), "notice.pdf")
	require.NoError(t, err)
	a.MustRecord(t, "attachments", map[string]any{"placement": p.Id, "title": "Notice de la presse", "kind": "file",
		"file": file, "mime": "application/pdf", "size": 15})
	a.MustRecord(t, "attachments", map[string]any{"placement": p.Id, "title": "Fiche INRS « consignation »",
		"kind": "link", "url": "https://www.inrs.fr/consignation"})
	return &richDossier{placement: p, weeks: weeks}
}

func (r *richDossier) url(ext string) string {
	return "/dossiers/" + r.placement.Id + "/portfolio" + ext
}

// mustDownload gets an export and checks it is a download named as the reference system
// names it; it saves the file under dir as name.
func mustDownload(t *testing.T, c *apptest.Client, r *richDossier, ext, contentType, dir, name string) string {
	t.Helper()
	res := c.Get(r.url(ext))
	require.Equal(t, http.StatusOK, res.Status, res.Body)
	assert.Equal(t, contentType, res.Header.Get("Content-Type"))
	kind, params, err := mime.ParseMediaType(res.Header.Get("Content-Disposition"))
	require.NoError(t, err)
	assert.Equal(t, "attachment", kind)
	assert.Equal(t, "Portfolio "+demoE31+" Lucas Lambert"+ext, params["filename"], "the UTF-8 name (filename*)")
	assert.Contains(t, res.Header.Get("Content-Disposition"), `filename="Portfolio PFMP 1re MSPC _ E31 Lucas Lambert`+ext+`"`)
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, []byte(res.Body), 0o600))
	return path
}

// checkExportText: every heading, the selected reports and only them, the org chart's names
// in order, the texts with their accents.
func (r *richDossier) checkExportText(t *testing.T, text string) {
	for _, h := range []string{"Portfolio de Lucas LAMBERT", "Présenter l'entreprise", "L'entreprise", "Le tuteur", "Présentation",
		"Activité de l'entreprise", "Historique de l'entreprise", "Géolocaliser l'entreprise", "Construire l'organigramme",
		"Présenter les activités hebdomadaires", "Présenter une activité", "Annexes"} {
		assert.Contains(t, text, h)
	}
	for _, w := range r.weeks {
		assert.Contains(t, text, w.Label())
	}
	assert.Equal(t, len(r.weeks), strings.Count(text, "Mes activités de la semaine"), "one section a week")
	for n := 1; n <= exportReports; n++ {
		if n <= exportSelected {
			assert.Contains(t, text, exportReportTitle(n))
			assert.Contains(t, text, fmt.Sprintf("Fuite d’huile (défaut %02d)", n))
		} else {
			assert.NotContains(t, text, exportReportTitle(n))
			assert.NotContains(t, text, fmt.Sprintf("(défaut %02d)", n))
		}
	}
	assert.Equal(t, exportSelected, strings.Count(text, "Bon de travail"), "the selected reports only")
	assert.Contains(t, text, exportLongMarker, "the 10,000-character report, to its end")
	chart := text[strings.Index(text, "Construire l'organigramme"):]
	last := -1
	for _, n := range exportOrgNames {
		i := strings.Index(chart, n.name)
		assert.Greater(t, i, last, "%q after the name before it", n.name)
		last = i
	}
	for _, s := range []string{exportSchool, "1re MSPC", "Société d’Usinage Normand", "12 rue de l’Église",
		"Rachetée en 2003 « à Rouen ».", "Jérôme", "LEFÈVRE", "49,44310° N, 1,09930° E", "Semaine 2 : rondes de surveillance.", "Accueil sécurité",
		"J’ai réussi un dépannage seul.", "Notice de la presse", "PDF · 15 octets", "Fiche INRS « consignation »"} {
		assert.Contains(t, text, s)
	}
	assert.NotContains(t, text, "Bilan personnel", "no bilan personnel until the student writes one")
}

func TestPortfolioExportsOfARichDossier(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	r := mustRichDossier(t, a)
	dir := t.TempDir()
	docx := mustDownload(t, a.MustLogin(t, "lucas.lambert", demo.Password), r, ".docx",
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document", dir, "export-docx.docx")
	odt := mustDownload(t, a.MustLogin(t, "prof.martin", demo.Password), r, ".odt",
		"application/vnd.oasis.opendocument.text", dir, "export-odt.odt")
	pdf := mustDownload(t, a.MustLogin(t, "julien.boisseau", demo.Password), r, ".pdf", "application/pdf", dir, "export.pdf")
	converted := doctest.ConvertToPDF(t, docx, odt)
	for name, path := range map[string]string{"docx": converted[0], "odt": converted[1], "pdf": pdf} {
		t.Run(name, func(t *testing.T) { r.checkExportText(t, mustPDFText(t, path)) })
	}
}

// The links of the annexes point to the site the reader uses: a file to its download route.
func TestPortfolioExportLinksTheAnnexes(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	r := mustRichDossier(t, a)
	res := a.MustLogin(t, "prof.martin", demo.Password).Get(r.url(".html"))
	require.Equal(t, http.StatusOK, res.Status)
	file := a.MustFind(t, "attachments", "title", "Notice de la presse")
	assert.Contains(t, res.Body, `<a href="`+a.URL+`/dossiers/`+r.placement.Id+`/portfolio/annexes/`+file.Id+`/fichier">Notice de la presse</a>`)
	assert.Contains(t, res.Body, `<a href="https://www.inrs.fr/consignation">Fiche INRS « consignation »</a>`)
}

// The print view is the PDF's document as a page: the same sections, readable on screen.
func TestPortfolioPrintView(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	r := mustRichDossier(t, a)
	res := a.MustLogin(t, "lucas.lambert", demo.Password).Get(r.url(".html"))
	require.Equal(t, http.StatusOK, res.Status)
	assert.Equal(t, "text/html; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Contains(t, res.Header.Get("Content-Security-Policy"), "default-src 'none'; style-src 'unsafe-inline'")
	assert.Contains(t, res.Body, `<html lang="fr">`)
	assert.Contains(t, res.Body, "<title>Portfolio de Lucas LAMBERT — "+demoE31+"</title>")
	assert.Contains(t, res.Body, `<h2 class="new-page">Construire l'organigramme</h2>`)
	assert.Contains(t, res.Body, "@page { size: A4")
}

// Without Chromium the PDF answers a French page saying how to install it and offering the
// print view, which still works.
func TestPortfolioPDFWithoutChromium(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t, func(c *web.Config) {
		c.Printer = print.New(print.Options{ChromePath: filepath.Join(t.TempDir(), "pas-de-chromium")})
	})
	r := mustRichDossier(t, a)
	student := a.MustLogin(t, "lucas.lambert", demo.Password)
	res := student.Get(r.url(".pdf"))
	require.Equal(t, http.StatusServiceUnavailable, res.Status)
	assert.Contains(t, res.Header.Get("Content-Type"), "text/html")
	assert.Contains(t, res.Body, "Impression PDF indisponible")
	assert.Contains(t, res.Body, "Chromium est introuvable")
	assert.Contains(t, res.Body, "apt-get install chromium-headless-shell")
	assert.Contains(t, res.Body, `href="/dossiers/`+r.placement.Id+`/portfolio.html"`)
	assert.Equal(t, http.StatusOK, student.Get(r.url(".html")).Status, "the print view does not need Chromium")
}
