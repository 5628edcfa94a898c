package export_test

import (
	"context"
	"encoding/hex"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/stretchr/testify/require"
)

// The real tools the tests open the files with: LibreOffice headless and poppler-utils.

// requireTool finds a program or fails the test saying how to install it: the exports are
// only proven when a real word processor opens them, so a missing tool is a failure.
func requireTool(t *testing.T, name, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	require.NoErrorf(t, err, "%s est introuvable : installez-le avec « apt-get install %s » "+
		"(%s not found: install it with `apt-get install %s`).", name, pkg, name, pkg)
	return path
}

// convertToPDF converts files to PDF in one LibreOffice run (its start-up is most of the
// cost), with a profile of this test's own so parallel runs do not share one. It returns
// the PDFs' paths, in the files' order.
func convertToPDF(t *testing.T, files ...string) []string {
	t.Helper()
	soffice := requireTool(t, "soffice", "libreoffice-writer-nogui")
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

func run(t *testing.T, name, pkg string, args ...string) []byte {
	t.Helper()
	out, err := exec.Command(requireTool(t, name, pkg), args...).Output()
	require.NoError(t, err, "%s %v", name, args)
	return out
}

// pdfText is the PDF's text in the order it was written (-raw: no reordering, and no
// hyphen dropped where a line ends on one).
func pdfText(t *testing.T, pdf string) string {
	return string(run(t, "pdftotext", "poppler-utils", "-raw", "-enc", "UTF-8", pdf, "-"))
}

// pdfInfo is pdfinfo's "Key: value" lines.
func pdfInfo(t *testing.T, pdf string) map[string]string {
	info := map[string]string{}
	for _, line := range strings.Split(string(run(t, "pdfinfo", "poppler-utils", "-enc", "UTF-8", pdf)), "\n") {
		if k, v, ok := strings.Cut(line, ":"); ok {
			info[k] = strings.TrimSpace(v)
		}
	}
	return info
}

// pdfWord is a word and its box, in points from the page's top left corner.
type pdfWord struct {
	Page                   int
	XMin, YMin, XMax, YMax float64
	Text                   string
}

// pdfWords reads every word's box (pdftotext -bbox), and the page width.
func pdfWords(t *testing.T, pdf string) ([]pdfWord, float64) {
	var doc struct {
		Pages []struct {
			Width float64 `xml:"width,attr"`
			Words []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	out := run(t, "pdftotext", "poppler-utils", "-bbox", "-enc", "UTF-8", pdf, "-")
	require.NoError(t, xml.Unmarshal(out, &doc))
	require.NotEmpty(t, doc.Pages)
	var words []pdfWord
	for i, p := range doc.Pages {
		for _, w := range p.Words {
			words = append(words, pdfWord{i + 1, w.XMin, w.YMin, w.XMax, w.YMax, w.Text})
		}
	}
	return words, doc.Pages[0].Width
}

var (
	pdfObject   = regexp.MustCompile(`(?s)(\d+) 0 obj(.*?)endobj`)
	pdfOutlines = regexp.MustCompile(`/Outlines (\d+) 0 R`)
	pdfRef      = func(key string) *regexp.Regexp { return regexp.MustCompile(`/` + key + ` (\d+) 0 R`) }
	pdfTitle    = regexp.MustCompile(`/Title\s*<([0-9A-Fa-f]+)>`)
	pdfFirst    = pdfRef("First")
	pdfNext     = pdfRef("Next")
)

// pdfOutline reads the PDF's bookmarks with their levels. LibreOffice makes one bookmark per
// paragraph with an outline level — per heading it recognised as such — so this is the
// table of contents a person would get. LibreOffice 7 writes them as plain objects with
// UTF-16 hex titles, which is all this reads.
func pdfOutline(t *testing.T, pdf string) []heading {
	t.Helper()
	raw, err := os.ReadFile(pdf)
	require.NoError(t, err)
	objs := map[string]string{}
	for _, m := range pdfObject.FindAllSubmatch(raw, -1) {
		objs[string(m[1])] = string(m[2])
	}
	root := pdfOutlines.FindSubmatch(raw)
	require.NotNil(t, root, "le PDF n'a pas de signets : aucun titre n'a été reconnu")
	var out []heading
	var walk func(id string, level int)
	walk = func(id string, level int) {
		for id != "" {
			obj, ok := objs[id]
			require.True(t, ok, "objet PDF %s absent", id)
			title := pdfTitle.FindStringSubmatch(obj)
			require.NotNil(t, title, "signet sans titre lisible : %s", obj)
			out = append(out, heading{level, utf16Hex(t, title[1])})
			if first := pdfFirst.FindStringSubmatch(obj); first != nil {
				walk(first[1], level+1)
			}
			id = ""
			if next := pdfNext.FindStringSubmatch(obj); next != nil {
				id = next[1]
			}
		}
	}
	first := pdfFirst.FindStringSubmatch(objs[string(root[1])])
	require.NotNil(t, first, "signets vides")
	walk(first[1], 1)
	return out
}

// utf16Hex decodes a PDF text string written as <FEFF…> (UTF-16BE with its byte order mark).
func utf16Hex(t *testing.T, h string) string {
	b, err := hex.DecodeString(h)
	require.NoError(t, err)
	require.True(t, len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF, "titre non UTF-16 : %s", h)
	u := make([]uint16, 0, len(b)/2)
	for i := 2; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// pageCount is pdfinfo's page count.
func pageCount(t *testing.T, info map[string]string) int {
	n, err := strconv.Atoi(info["Pages"])
	require.NoError(t, err, "pdfinfo : %v", info)
	return n
}
