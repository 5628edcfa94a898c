// Package doctest reads, in tests, the documents the app makes — through the real tools a
// person would open them with: LibreOffice headless and poppler-utils. A missing tool fails
// the test, saying how to install it: a document is only proven when a real reader opens it.
package doctest

import (
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Tool finds a program or fails the test saying which Debian package brings it.
func Tool(tb testing.TB, name, pkg string) string {
	tb.Helper()
	path, err := exec.LookPath(name)
	require.NoErrorf(tb, err, "%s est introuvable : installez-le avec « apt-get install %s » "+
		"(%s not found: install it with `apt-get install %s`).", name, pkg, name, pkg)
	return path
}

// Run runs a tool of a package and returns its standard output.
func Run(tb testing.TB, name, pkg string, args ...string) []byte {
	tb.Helper()
	out, err := exec.Command(Tool(tb, name, pkg), args...).Output()
	require.NoError(tb, err, "%s %v", name, args)
	return out
}

// ConvertToPDF converts files to PDF in one LibreOffice run (its start-up is most of the
// cost), with a profile of this test's own so parallel runs do not share one. It returns
// the PDFs' paths, in the files' order.
func ConvertToPDF(tb testing.TB, files ...string) []string {
	tb.Helper()
	soffice := Tool(tb, "soffice", "libreoffice-writer-nogui")
	dir := tb.TempDir()
	// A guard against a hung LibreOffice, not a performance assertion.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir}, files...)
	out, err := exec.CommandContext(ctx, soffice, args...).CombinedOutput()
	require.NoError(tb, err, "soffice : %s", out)
	pdfs := make([]string, len(files))
	for i, f := range files {
		pdfs[i] = filepath.Join(dir, strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))+".pdf")
		require.FileExistsf(tb, pdfs[i], "LibreOffice n'a pas converti %s : %s", filepath.Base(f), out)
	}
	return pdfs
}

// PDFText is a PDF's text in the order it was written (-raw: no reordering, and no hyphen
// dropped where a line ends on one).
func PDFText(tb testing.TB, pdf string) string {
	tb.Helper()
	return string(Run(tb, "pdftotext", "poppler-utils", "-raw", "-enc", "UTF-8", pdf, "-"))
}

// Between is the text from the first from to the next to (to the end when to is "").
func Between(tb testing.TB, text, from, to string) string {
	tb.Helper()
	i := strings.Index(text, from)
	require.GreaterOrEqual(tb, i, 0, "%q not found", from)
	rest := text[i+len(from):]
	if to == "" {
		return rest
	}
	j := strings.Index(rest, to)
	require.GreaterOrEqual(tb, j, 0, "%q not found after %q", to, from)
	return rest[:j]
}

var dotted = regexp.MustCompile(`(?m)^\s*\.{40,}\s*$`)

// DottedLines counts the lines a document leaves blank to write on with a pen.
func DottedLines(text string) int { return len(dotted.FindAllString(text, -1)) }
