package web_test

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/doctest"
)

// The real tools the export tests read the files with: LibreOffice headless (DOCX, ODT) and
// pdftotext (poppler-utils). A missing tool fails the test, saying how to install it.

// mustPDFText is a PDF's text in the order it was written, a word cut at its hyphen on a
// line's end joined back, every run of white space made one space.
func mustPDFText(t *testing.T, pdf string) string {
	t.Helper()
	out, err := exec.Command(doctest.Tool(t, "pdftotext", "poppler-utils"), "-raw", "-enc", "UTF-8", pdf, "-").Output()
	require.NoError(t, err, "pdftotext %s", pdf)
	return strings.Join(strings.Fields(strings.ReplaceAll(string(out), "-\n", "-")), " ")
}
