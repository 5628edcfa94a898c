package export_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Reading a written package back: its entries, and XML checks shared by the DOCX and ODT
// structure tests.

type pkg struct {
	raw   []byte
	files []*zip.File // in the archive's order
	data  map[string][]byte
}

func readPackage(t *testing.T, write writer) pkg {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, write(&buf, richPortfolio()))
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	p := pkg{raw: buf.Bytes(), files: zr.File, data: map[string][]byte{}}
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err, f.Name)
		require.False(t, p.has(f.Name), "one entry per name: %s", f.Name)
		p.data[f.Name] = b
	}
	return p
}

func (p pkg) has(name string) bool {
	_, ok := p.data[name]
	return ok
}

// requireWellFormed reads every token of every XML entry: any syntax error, bad escape,
// unbalanced element or character XML forbids fails.
func requireWellFormed(t *testing.T, p pkg) {
	t.Helper()
	for name, b := range p.data {
		if !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
			continue
		}
		d := xml.NewDecoder(bytes.NewReader(b))
		for {
			_, err := d.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err, "%s is not well-formed", name)
		}
	}
}

// resolve is a relative target seen from the part that points at it.
func resolve(from, target string) string {
	if strings.HasPrefix(target, "/") {
		return target[1:]
	}
	return path.Join(path.Dir(from), target)
}

// xmlElements walks a part's elements and character data.
func xmlElements(t *testing.T, b []byte, start func(xml.StartElement), text func(string), end func(xml.EndElement)) {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		require.NoError(t, err)
		switch el := tok.(type) {
		case xml.StartElement:
			start(el)
		case xml.CharData:
			text(string(el))
		case xml.EndElement:
			end(el)
		}
	}
}

func attr(el xml.StartElement, local string) string {
	for _, a := range el.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
