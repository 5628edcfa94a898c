package export_test

import (
	"encoding/hex"
	"encoding/xml"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/require"

	"livret/doctest"
)

// pdfInfo is pdfinfo's "Key: value" lines.
func pdfInfo(t *testing.T, pdf string) map[string]string {
	info := map[string]string{}
	for _, line := range strings.Split(string(doctest.Run(t, "pdfinfo", "poppler-utils", "-enc", "UTF-8", pdf)), "\n") {
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
	out := doctest.Run(t, "pdftotext", "poppler-utils", "-bbox", "-enc", "UTF-8", pdf, "-")
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
