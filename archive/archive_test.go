package archive_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/archive"
	"livret/dossier"
	"livret/print"
)

// filled is a dossier of the demo with something in every part an archive holds.
type filled struct {
	placementID, journal, comment, competence string
	file                                      []byte
}

// mustFillDossier gives manon.girard a P2 period whose dossier has a journal week, an attached
// file, a bilan personnel, attitudes and a saved bilan entreprise.
func mustFillDossier(t *testing.T, a *apptest.App) filled {
	t.Helper()
	s := dossier.New(a.PB, a.Clock.Now)
	manon := a.MustFind(t, "users", "username", "manon.girard")
	start := apptest.DefaultNow.AddDate(0, 0, -30)
	tasks := []string{a.MustFind(t, "tasks", "code", "A2T2").Id, a.MustFind(t, "tasks", "code", "A3T1").Id}
	period := a.MustRecord(t, "periods", map[string]any{"name": "PFMP 2 — 1re MSPC", "level": "1re", "kind": "P2",
		"start": start, "end": start.AddDate(0, 0, 25), "tasks": tasks})
	pl := a.MustRecord(t, "placements", map[string]any{"period": period.Id, "student": manon.Id, "company_name": "Usinor Dunkerque"})
	d, err := s.Load(pl.Id)
	require.NoError(t, err)
	f := filled{placementID: pl.Id, journal: "Graissage des roulements du convoyeur numéro trois",
		comment: "Manon a su diagnostiquer la panne du compresseur.", file: []byte("\x89PNG schéma du convoyeur")}
	a.MustRecord(t, "journal_weeks", map[string]any{"placement": pl.Id, "week_start": d.Period.Weeks()[0].Start,
		"activities": f.journal})
	png, err := filesystem.NewFileFromBytes(f.file, "schema.png")
	require.NoError(t, err)
	a.MustRecord(t, "attachments", map[string]any{"placement": pl.Id, "title": "Schéma du convoyeur", "kind": "file",
		"file": png, "mime": "image/png", "size": len(f.file)})
	_, err = s.SaveSelfReview(pl.Id, manon.Id, 0, map[string]string{"strengths": "Je suis ponctuelle et soigneuse."})
	require.NoError(t, err)
	_, err = s.SaveAttitudeReview(pl.Id, a.MustFind(t, "users", "username", "prof.martin").Id, 0,
		map[string]string{"ATT01": "4"}, "Très bonne attitude.")
	require.NoError(t, err)
	sc, err := s.CompanyScope(d)
	require.NoError(t, err)
	f.competence = sc.Competences[0].Code
	a.MustRecord(t, "company_reviews", map[string]any{"placement": pl.Id, "ratings": map[string]string{f.competence: "3"},
		"engagement": 3, "comment": f.comment, "meeting_date": start.AddDate(0, 0, 25), "saved_at": a.Clock.Now()})
	return f
}

// openZIP reads an archive written to a buffer, by entry name.
func openZIP(t *testing.T, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	out := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		require.NoError(t, err)
		out[f.Name], err = io.ReadAll(r)
		require.NoError(t, err)
		r.Close()
	}
	return out
}

// names are an archive's entries.
func names(files map[string][]byte) []string {
	out := make([]string, 0, len(files))
	for n := range files {
		out = append(out, n)
	}
	return out
}

// partText is one part of a DOCX or ODT package.
func partText(t *testing.T, pkg []byte, part string) string {
	t.Helper()
	return string(openZIP(t, pkg)[part])
}

func TestArchiveHoldsEveryDossierPart(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	f := mustFillDossier(t, a)
	b := &archive.Builder{Store: dossier.New(a.PB, a.Clock.Now), Printer: a.Printer}
	var buf bytes.Buffer
	require.NoError(t, b.Write(context.Background(), &buf, a.MustFind(t, "users", "username", "manon.girard").Id))
	files := openZIP(t, buf.Bytes())

	const dir = "01 PFMP 2 — 1re MSPC/" // before the demo's E31 period, which started later
	for _, name := range []string{"LISEZMOI.txt", dir + "Portfolio PFMP 2 — 1re MSPC Manon Girard.docx",
		dir + "Portfolio PFMP 2 — 1re MSPC Manon Girard.odt", dir + "Bilans PFMP 2 — 1re MSPC Manon Girard.html",
		dir + "Bilans PFMP 2 — 1re MSPC Manon Girard.pdf", dir + "Annexes/Schéma du convoyeur.png",
		"02 PFMP 1re MSPC — E31/Portfolio PFMP 1re MSPC — E31 Manon Girard.docx"} {
		require.Contains(t, names(files), name)
	}
	require.Equal(t, f.file, files[dir+"Annexes/Schéma du convoyeur.png"], "the attached file as sent")

	docx := files[dir+"Portfolio PFMP 2 — 1re MSPC Manon Girard.docx"]
	docxText := partText(t, docx, "word/document.xml")
	require.True(t, strings.Contains(docxText, f.journal), "the DOCX holds the journal")
	require.True(t, strings.Contains(docxText, "Annexes/Schéma du convoyeur.png"), "the portfolio names the file beside it")
	odt := partText(t, files[dir+"Portfolio PFMP 2 — 1re MSPC Manon Girard.odt"], "content.xml")
	require.True(t, strings.Contains(odt, f.journal), "the ODT holds the journal")

	bilans := string(files[dir+"Bilans PFMP 2 — 1re MSPC Manon Girard.html"])
	for _, want := range []string{"Je suis ponctuelle et soigneuse.", "Très bonne attitude.", "Très satisfaisant",
		f.competence, "Maîtrise satisfaisante", "★★★☆", "Engagement régulier", "Manon a su diagnostiquer",
		"GIRARD"} {
		require.Contains(t, bilans, want)
	}
	for _, q := range dossier.SelfReviewQuestions {
		require.Contains(t, bilans, q.Question, "the bilan personnel's questions, as its page asks them")
	}
	require.Contains(t, pdfText(t, files[dir+"Bilans PFMP 2 — 1re MSPC Manon Girard.pdf"]), "Maîtrise satisfaisante")

	readme := string(files["LISEZMOI.txt"])
	require.Contains(t, readme, "Archive des données de Manon GIRARD (1re MSPC)")
	require.Contains(t, readme, "11 mars 2026")
	require.Contains(t, readme, dir+"Annexes/Schéma du convoyeur.png")
}

// Without Chromium, the archive still holds every document's HTML and says the PDFs are missing.
func TestArchiveWithoutPrinter(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	b := &archive.Builder{Store: dossier.New(a.PB, a.Clock.Now), Printer: print.New(print.Options{ChromePath: "/nulle/part"}),
		Dashboard: func(string) (print.Document, error) {
			return print.Document{Title: "Tableau de bord", HTML: []byte("<p>tableau</p>")}, nil
		}}
	path, err := b.BuildFile(context.Background(), t.TempDir(), a.MustFind(t, "users", "username", "lucas.lambert").Id)
	require.NoError(t, err)
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	files := openZIP(t, data)
	require.Equal(t, "<p>tableau</p>", string(files["Tableau de bord.html"]))
	require.NotContains(t, names(files), "Tableau de bord.pdf")
	require.Contains(t, names(files), "01 PFMP 1re MSPC — E31/Bilans PFMP 1re MSPC — E31 Lucas Lambert.html")
	require.Contains(t, string(files["LISEZMOI.txt"]), "Non inclus")

	_, err = b.BuildFile(context.Background(), t.TempDir(), a.MustFind(t, "users", "username", "prof.martin").Id)
	require.Error(t, err, "a teacher has no archive")
}

// pdfText is a PDF's text, read by pdftotext (poppler-utils).
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o600))
	out, err := exec.Command("pdftotext", path, "-").CombinedOutput()
	require.NoError(t, err, string(out))
	return strings.Join(strings.Fields(string(out)), " ")
}
