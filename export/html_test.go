package export_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/export"
)

// htmlNode is an element of the HTML fragment, parsed back.
type htmlNode struct {
	XMLName xml.Name
	Attrs   []xml.Attr `xml:",any,attr"`
	Text    string     `xml:",chardata"`
	Nodes   []htmlNode `xml:",any"`
}

func (n htmlNode) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// text is the element's whole text, its children's included.
func (n htmlNode) text() string {
	var b strings.Builder
	var walk func(htmlNode)
	walk = func(n htmlNode) {
		b.WriteString(n.Text)
		for _, c := range n.Nodes {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// parseHTML reads the fragment WriteHTML wrote; it must be well-formed.
func parseHTML(t *testing.T, p *export.Portfolio) []htmlNode {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, export.WriteHTML(&buf, p))
	var root htmlNode
	require.NoError(t, xml.Unmarshal([]byte("<root>"+buf.String()+"</root>"), &root), buf.String())
	return root.Nodes
}

// The HTML has the DOCX's and ODT's outline: the same headings, levels and order, each
// level-1 section on a new page.
func TestHTMLHasTheExportsOutline(t *testing.T) {
	nodes := parseHTML(t, richPortfolio())
	require.Equal(t, "h1", nodes[0].XMLName.Local)
	assert.Equal(t, "Portfolio de Léa DUPRÉ-CŒURDACIER", nodes[0].text())
	var got []heading
	for _, n := range nodes {
		if level := strings.TrimPrefix(n.XMLName.Local, "h"); len(level) == 1 && level >= "2" && level <= "4" {
			got = append(got, heading{int(level[0]-'0') - 1, n.text()})
			assert.Equal(t, level == "2", n.attr("class") == "new-page", "%s: only sections start a page", n.text())
		}
	}
	assert.Equal(t, expectedOutline(), got)
}

// The org chart keeps its hierarchy as nested lists; tables have row headers; line breaks,
// links and markup-like text survive as text.
func TestHTMLKeepsStructureAndText(t *testing.T) {
	p := richPortfolio()
	p.Company.History = "Ligne 1 <script>alert(1)</script> & co\nLigne 2"
	nodes := parseHTML(t, p)

	var chart *htmlNode
	for i, n := range nodes {
		if n.text() == "Construire l'organigramme" {
			chart = &nodes[i+1]
		}
	}
	require.NotNil(t, chart)
	require.Equal(t, "ul", chart.XMLName.Local)
	root := chart.Nodes[0] // li: Direction générale
	assert.Contains(t, root.Nodes[0].text(), orgNames[0])
	sub := root.Nodes[len(root.Nodes)-1] // its ul
	require.Equal(t, "ul", sub.XMLName.Local)
	require.Len(t, sub.Nodes, 2, "maintenance and production under the direction")
	assert.Contains(t, sub.Nodes[0].text(), orgNames[2], "the teams under maintenance")
	assert.Contains(t, sub.Nodes[1].text(), orgNames[5])

	var buf bytes.Buffer
	require.NoError(t, export.WriteHTML(&buf, p))
	out := buf.String()
	assert.Contains(t, out, "Ligne 1 &lt;script&gt;alert(1)&lt;/script&gt; &amp; co<br/>Ligne 2")
	assert.NotContains(t, out, "<script")
	assert.Contains(t, out, `<tr><th scope="row">Établissement</th><td>Lycée professionnel Gustave-Eiffel</td></tr>`)
	assert.Contains(t, out, `<a href="https://www.example.com/notices/presse%20injecteur.pdf">Notice du constructeur (lien)</a>`)
	assert.Equal(t, "Portfolio de Léa DUPRÉ-CŒURDACIER — PFMP 1 — Première", p.Title())
	assert.Error(t, export.WriteHTML(&buf, nil))
}
