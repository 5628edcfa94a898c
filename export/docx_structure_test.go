package export_test

import (
	"encoding/xml"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/export"
)

const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relOffice = nsR + "/"
)

// partTypes is the content type a part must declare for the relationship pointing at it.
var partTypes = map[string]string{
	relOffice + "officeDocument":      "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
	relOffice + "styles":              "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
	relOffice + "settings":            "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml",
	relOffice + "numbering":           "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml",
	relOffice + "footer":              "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml",
	relOffice + "extended-properties": "application/vnd.openxmlformats-officedocument.extended-properties+xml",
	"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties": "application/vnd.openxmlformats-package.core-properties+xml",
}

type docxRel struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// TestDOCXPackageResolves: every part has a content type, every content type names a part,
// every relationship resolves, every r:id a part uses is declared, every part is well-formed.
func TestDOCXPackageResolves(t *testing.T) {
	p := readPackage(t, export.WriteDOCX)
	requireWellFormed(t, p)
	rels := docxRelationships(t, p)

	var ct struct {
		Defaults []struct {
			Ext  string `xml:"Extension,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	require.NoError(t, xml.Unmarshal(p.data["[Content_Types].xml"], &ct))
	types := map[string]string{}
	for _, d := range ct.Defaults {
		types["."+d.Ext] = d.Type
	}
	for _, o := range ct.Overrides {
		name := strings.TrimPrefix(o.Part, "/")
		require.True(t, p.has(name), "[Content_Types].xml names %s, which exists", name)
		types[name] = o.Type
	}
	for name := range p.data {
		if name != "[Content_Types].xml" {
			assert.True(t, types[name] != "" || types[name[strings.LastIndex(name, "."):]] != "", "%s has a content type", name)
		}
	}

	var main string
	for _, r := range rels[""] {
		if r.Type == relOffice+"officeDocument" {
			main = r.Target
		}
	}
	assert.Equal(t, "word/document.xml", main, "the package points at its main document")
	for source, byID := range rels {
		for _, r := range byID {
			if want, ok := partTypes[r.Type]; ok {
				assert.Equal(t, want, types[resolve(source, r.Target)], "content type of %s", r.Target)
			}
		}
	}

	for name, b := range p.data {
		if strings.HasSuffix(name, ".xml") && name != "[Content_Types].xml" {
			requireDeclaredIDs(t, name, b, rels[name])
		}
	}
}

// docxRelationships reads every .rels part, by the part it belongs to ("" for the package),
// and checks each target: an existing part, or an absolute web address for a link.
func docxRelationships(t *testing.T, p pkg) map[string]map[string]docxRel {
	out := map[string]map[string]docxRel{}
	for name, b := range p.data {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		source := strings.TrimSuffix(strings.Replace(name, "_rels/", "", 1), ".rels")
		if source != "" {
			require.True(t, p.has(source), "%s belongs to an existing part", name)
		}
		var doc struct {
			Rels []docxRel `xml:"Relationship"`
		}
		require.NoError(t, xml.Unmarshal(b, &doc))
		byID := map[string]docxRel{}
		for _, r := range doc.Rels {
			require.NotContains(t, byID, r.ID, "%s: ids are unique", name)
			byID[r.ID] = r
			if r.TargetMode == "External" {
				u, err := url.Parse(r.Target)
				require.NoError(t, err)
				assert.True(t, u.IsAbs() && u.Host != "", "%s: %s is an absolute address", name, r.Target)
				assert.NotContains(t, r.Target, " ", "Word refuses raw spaces in a link")
				continue
			}
			assert.True(t, p.has(resolve(source, r.Target)), "%s: %s resolves", name, r.ID)
		}
		out[source] = byID
	}
	return out
}

// requireDeclaredIDs: each r:id (hyperlink, footer reference) is a relationship of the part,
// a hyperlink one for a hyperlink.
func requireDeclaredIDs(t *testing.T, name string, b []byte, rels map[string]docxRel) {
	xmlElements(t, b, func(el xml.StartElement) {
		for _, a := range el.Attr {
			if a.Name.Space != nsR {
				continue
			}
			r, ok := rels[a.Value]
			require.True(t, ok, "%s: r:%s=%q is declared", name, a.Name.Local, a.Value)
			if el.Name.Local == "hyperlink" {
				assert.Equal(t, relOffice+"hyperlink", r.Type)
			}
		}
	}, func(string) {}, func(xml.EndElement) {})
}

type docxParagraph struct{ Style, Text string }

// docxParagraphs reads document.xml's paragraphs: style id and text, line breaks as "\n".
func docxParagraphs(t *testing.T, b []byte) []docxParagraph {
	var out []docxParagraph
	var cur docxParagraph
	inText := false
	xmlElements(t, b, func(el xml.StartElement) {
		switch el.Name.Local {
		case "p":
			cur = docxParagraph{}
		case "pStyle":
			cur.Style = attr(el, "val")
		case "t":
			inText = true
		case "br":
			cur.Text += "\n"
		}
	}, func(s string) {
		if inText {
			cur.Text += s
		}
	}, func(el xml.EndElement) {
		switch el.Name.Local {
		case "t":
			inText = false
		case "p":
			out = append(out, cur)
		}
	})
	return out
}

// TestDOCXHeadingsUseWordStyles: the headings are paragraphs of Word's heading styles, in
// order, and those styles carry their outline levels; the text is French; the page is A4
// with the page numbers in its footer.
func TestDOCXHeadingsUseWordStyles(t *testing.T) {
	p := readPackage(t, export.WriteDOCX)
	paras := docxParagraphs(t, p.data["word/document.xml"])
	var got []heading
	for _, para := range paras {
		if level, ok := strings.CutPrefix(para.Style, "Heading"); ok {
			got = append(got, heading{int(level[0] - '0'), para.Text})
		}
	}
	assert.Equal(t, expectedOutline(), got)
	assert.Equal(t, docxParagraph{"Title", "Portfolio de Léa DUPRÉ-CŒURDACIER"}, paras[0])
	assert.Contains(t, paras, docxParagraph{"", "Fabrication de barquettes en plastique.\nConditionnement pour la grande distribution."})

	type val struct {
		Val string `xml:"val,attr"`
	}
	var styles struct {
		Lang  val `xml:"docDefaults>rPrDefault>rPr>lang"`
		Style []struct {
			ID      string `xml:"styleId,attr"`
			Name    val    `xml:"name"`
			Outline *val   `xml:"pPr>outlineLvl"`
		} `xml:"style"`
	}
	require.NoError(t, xml.Unmarshal(p.data["word/styles.xml"], &styles))
	assert.Equal(t, "fr-FR", styles.Lang.Val)
	defined := map[string]string{}
	for _, s := range styles.Style {
		defined[s.ID] = s.Name.Val
		if level, ok := strings.CutPrefix(s.ID, "Heading"); ok {
			require.NotNil(t, s.Outline, s.ID)
			assert.Equal(t, "heading "+level, s.Name.Val)
			assert.Equal(t, string(level[0]-1), s.Outline.Val, "%s is outline level %s", s.ID, level)
		}
	}
	for _, id := range []string{"Heading1", "Heading2", "Heading3", "Title", "Subtitle", "ListParagraph", "TableContents", "Strong", "Hyperlink", "TableGrid", "Footer"} {
		assert.Contains(t, defined, id, "style %s is defined", id)
	}

	doc := string(p.data["word/document.xml"])
	assert.Contains(t, doc, `<w:pgSz w:w="11906" w:h="16838"/>`, "A4")
	footer := string(p.data["word/footer1.xml"])
	assert.Contains(t, footer, " PAGE ")
	assert.Contains(t, footer, " NUMPAGES ")
}
