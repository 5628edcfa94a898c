package export

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A user's text, whatever it holds, reads back from both formats as it was typed: XML
// specials escaped, runs of spaces and leading spaces kept, line breaks and tabs as such,
// characters XML forbids removed rather than breaking the file.
func TestTextReadsBackAsTyped(t *testing.T) {
	cases := []struct{ typed, read string }{
		{"Léa & Théo <b>« ça »</b> l’œuvre \"x\"", "Léa & Théo <b>« ça »</b> l’œuvre \"x\""},
		{"a  b   c", "a  b   c"},
		{"  indented\n    deeper\nend", "  indented\n    deeper\nend"},
		{"col1\tcol2", "col1\tcol2"},
		{"bell\a vt\v nul\x00 ok", "bell vt nul ok"},
		{"broken \xff utf-8", "broken \uFFFD utf-8"},
	}
	for _, c := range cases {
		assert.Equal(t, c.read, readDOCXRun(t, c.typed), "docx: %q", c.typed)
		assert.Equal(t, c.read, readODTParagraph(t, c.typed), "odt: %q", c.typed)
	}
}

func render(t *testing.T, open, close string, write func(xmlWriter)) *xml.Decoder {
	var buf bytes.Buffer
	bw := bufio.NewWriter(&buf)
	x := xmlWriter{bw}
	x.raw(open)
	write(x)
	x.raw(close)
	require.NoError(t, bw.Flush())
	return xml.NewDecoder(&buf)
}

func tokens(t *testing.T, d *xml.Decoder, fn func(xml.Token)) {
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err)
		fn(tok)
	}
}

// readDOCXRun reads a run as Word does: <w:t> text as is, <w:br/> and <w:tab/>.
func readDOCXRun(t *testing.T, s string) string {
	d := render(t, `<w:r `+nsW+`>`, `</w:r>`, func(x xmlWriter) { docxText(x, s) })
	var out strings.Builder
	tokens(t, d, func(tok xml.Token) {
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "br":
				out.WriteString("\n")
			case "tab":
				out.WriteString("\t")
			}
		case xml.CharData:
			out.Write(el)
		}
	})
	return out.String()
}

// readODTParagraph reads a paragraph as ODF says: white space in the text collapses to one
// space and is dropped at a line's start; <text:s text:c="n"/> is n spaces.
func readODTParagraph(t *testing.T, s string) string {
	d := render(t, `<text:p xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">`, `</text:p>`,
		func(x xmlWriter) { odtText(x, s) })
	var out strings.Builder
	lineStart := true
	tokens(t, d, func(tok xml.Token) {
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "line-break":
				out.WriteString("\n")
				lineStart = true
			case "tab":
				out.WriteString("\t")
				lineStart = true
			case "s":
				n, err := strconv.Atoi(attrOf(el, "c"))
				require.NoError(t, err)
				out.WriteString(strings.Repeat(" ", n))
				lineStart = false
			}
		case xml.CharData:
			collapsed := collapseODF(string(el))
			if lineStart {
				collapsed = strings.TrimLeft(collapsed, " ")
			}
			out.WriteString(collapsed)
			lineStart = lineStart && collapsed == ""
		}
	})
	return out.String()
}

func isODFSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' }

func collapseODF(s string) string {
	var b strings.Builder
	prevSpace := false
	for _, r := range s {
		if isODFSpace(r) {
			if !prevSpace {
				b.WriteByte(' ')
			}
			prevSpace = true
			continue
		}
		b.WriteRune(r)
		prevSpace = false
	}
	return b.String()
}

func attrOf(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
