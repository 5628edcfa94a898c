package export_test

import (
	"archive/zip"
	"encoding/xml"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/export"
)

const odtMime = "application/vnd.oasis.opendocument.text"

// TestODTPackageResolves: the mimetype entry comes first, uncompressed and without extra
// field (what identifies an ODT, read at a fixed offset); the manifest lists exactly the
// other entries; every part is well-formed.
func TestODTPackageResolves(t *testing.T) {
	p := readPackage(t, export.WriteODT)
	requireWellFormed(t, p)

	first := p.files[0]
	assert.Equal(t, "mimetype", first.Name)
	assert.Equal(t, zip.Store, first.Method)
	assert.Empty(t, first.Extra)
	assert.Equal(t, odtMime, string(p.data["mimetype"]))
	assert.Equal(t, "mimetype"+odtMime, string(p.raw[30:38+len(odtMime)]), "the magic bytes file(1) looks for")

	var manifest struct {
		Entries []struct {
			Path string `xml:"full-path,attr"`
			Type string `xml:"media-type,attr"`
		} `xml:"file-entry"`
	}
	require.NoError(t, xml.Unmarshal(p.data["META-INF/manifest.xml"], &manifest))
	listed := map[string]string{}
	for _, e := range manifest.Entries {
		listed[e.Path] = e.Type
		if e.Path != "/" {
			assert.True(t, p.has(e.Path), "the manifest lists %s, which exists", e.Path)
		}
	}
	assert.Equal(t, odtMime, listed["/"])
	for name := range p.data {
		if name != "mimetype" && name != "META-INF/manifest.xml" {
			assert.Equal(t, "text/xml", listed[name], "the manifest lists %s", name)
		}
	}
}

type odtStyle struct {
	Name    string `xml:"name,attr"`
	Display string `xml:"display-name,attr"`
	Parent  string `xml:"parent-style-name,attr"`
	Outline string `xml:"default-outline-level,attr"`
}

// TestODTHeadingsUseWriterStyles: headings are <text:h> of Writer's heading styles (directly
// or through an automatic style based on one) at their outline level, in order; the styles
// carry the outline levels, the default style is French, the page A4 with page numbers.
func TestODTHeadingsUseWriterStyles(t *testing.T) {
	p := readPackage(t, export.WriteODT)
	var content struct {
		Auto []odtStyle `xml:"automatic-styles>style"`
	}
	require.NoError(t, xml.Unmarshal(p.data["content.xml"], &content))
	parent := map[string]string{}
	for _, s := range content.Auto {
		parent[s.Name] = s.Parent
	}

	var got []heading
	var paras []docxParagraph // style and text, as for DOCX
	var cur *docxParagraph
	xmlElements(t, p.data["content.xml"], func(el xml.StartElement) {
		switch el.Name.Local {
		case "h", "p":
			style := attr(el, "style-name")
			if named, ok := parent[style]; ok {
				style = named
			}
			if el.Name.Local == "h" {
				level, err := strconv.Atoi(attr(el, "outline-level"))
				require.NoError(t, err)
				assert.Equal(t, "Heading_20_"+strconv.Itoa(level), style, "heading style at its outline level")
				got = append(got, heading{Level: level})
			}
			paras = append(paras, docxParagraph{Style: style})
			cur = &paras[len(paras)-1]
		case "line-break":
			cur.Text += "\n"
		}
	}, func(s string) {
		if cur != nil {
			cur.Text += s
		}
	}, func(el xml.EndElement) {
		if el.Name.Local == "h" {
			got[len(got)-1].Text = cur.Text
		}
		if el.Name.Local == "h" || el.Name.Local == "p" {
			cur = nil
		}
	})
	assert.Equal(t, expectedOutline(), got)
	assert.Equal(t, docxParagraph{"Title", "Portfolio de Léa DUPRÉ-CŒURDACIER"}, paras[0])
	assert.Contains(t, paras, docxParagraph{"Text_20_body", "Fabrication de barquettes en plastique.\nConditionnement pour la grande distribution."})

	var styles struct {
		Default []struct {
			Family string `xml:"family,attr"`
			Text   struct {
				Language string `xml:"language,attr"`
				Country  string `xml:"country,attr"`
			} `xml:"text-properties"`
		} `xml:"styles>default-style"`
		Named  []odtStyle `xml:"styles>style"`
		Layout struct {
			Width  string `xml:"page-width,attr"`
			Height string `xml:"page-height,attr"`
		} `xml:"automatic-styles>page-layout>page-layout-properties"`
		Footer struct {
			Inner string `xml:",innerxml"`
		} `xml:"master-styles>master-page>footer"`
	}
	require.NoError(t, xml.Unmarshal(p.data["styles.xml"], &styles))
	require.Equal(t, "paragraph", styles.Default[0].Family)
	assert.Equal(t, "fr", styles.Default[0].Text.Language)
	assert.Equal(t, "FR", styles.Default[0].Text.Country)
	named := map[string]odtStyle{}
	for _, s := range styles.Named {
		named[s.Name] = s
	}
	for level := 1; level <= 3; level++ {
		n := strconv.Itoa(level)
		assert.Equal(t, odtStyle{"Heading_20_" + n, "Heading " + n, "Heading", n}, named["Heading_20_"+n])
	}
	for _, s := range []string{"Title", "Subtitle", "Text_20_body", "List_20_Paragraph", "Table_20_Contents", "Footer",
		"Strong_20_Emphasis", "Internet_20_link"} {
		assert.Contains(t, named, s, "style %s is defined", s)
	}
	assert.Equal(t, "21cm", styles.Layout.Width)
	assert.Equal(t, "29.7cm", styles.Layout.Height)
	assert.Contains(t, styles.Footer.Inner, `<text:page-number text:select-page="current">`)
	assert.Contains(t, styles.Footer.Inner, `<text:page-count>`)
}
