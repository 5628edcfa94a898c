package web_test

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// The real tools the export tests read the files with: LibreOffice headless (DOCX, ODT) and
// pdftotext (poppler-utils). A missing tool fails the test, saying how to install it.

func mustTool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	require.NoErrorf(t, err, "%s est introuvable : installez-le avec « apt-get install %s ».", name, pkg)
	return path
}

// mustConvertToPDF has LibreOffice open files and print them to PDF, in one run (its start
// is most of the cost) with a profile of its own; it returns the PDFs in the files' order.
func mustConvertToPDF(t *testing.T, files ...string) []string {
	t.Helper()
	soffice := mustTool(t, "soffice", "libreoffice-writer-nogui")
	dir := t.TempDir()
	// A guard against a hung LibreOffice, not a performance assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}, files...)
	out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput()
	require.NoError(t, err, "soffice : %s", out)
	pdfs := make([]string, len(files))
	for i, f := range files {
		pdfs[i] = filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		require.FileExistsf(t, pdfs[i], "LibreOffice n'a pas converti %s : %s", filepath.Base(f), out)
	}
	return pdfs
}

// mustPDFText is a PDF's text in the order it was written, a word cut at its hyphen on a
// line's end joined back, every run of white space made one space.
func mustPDFText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command(mustTool(t, "pdftotext", "poppler-utils"), "-raw", "-enc", "UTF-8", pdf, "-").Output()
	require.NoError(t, err, "pdftotext %s", pdf)
	return strings.Join(strings.Fields(strings.ReplaceAll(string(out), "-\n", "-")), " ")
}
