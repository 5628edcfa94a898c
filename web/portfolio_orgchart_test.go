package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/stretchr/testify/require"

	"livret/pfmp"
)

// storedChart reads a placement's chart back from the database.
func (f *pf) storedChart(t *testing.T, p *core.Record) *pfmp.OrgChart {
	t.Helper()
	c, err := pfmp.ParseOrgChart([]byte(f.placement(t, p).GetString("org_chart")))
	require.NoError(t, err)
	return c
}

func chartNode(t *testing.T, c *pfmp.OrgChart, name string) *pfmp.OrgNode {
	t.Helper()
	for _, e := range c.Entries() {
		if e.Node.Name == name {
			return e.Node
		}
	}
	t.Fatalf("no node %q", name)
	return nil
}

func TestOrgChartStudentBuildsTheChart(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	adam := f.login(t, "adam.vincent")
	path := "/dossiers/" + f.adam.Id + "/portfolio/organigramme"

	page := adam.Get(path)
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, "L'organigramme est vide")
	require.Contains(t, page.Body, `name="add_name"`)
	require.NotContains(t, page.Body, `name="rename_node"`, "nothing to rename yet")

	// htmx: the chart and its editor come back.
	r := adam.PostForm(path, url.Values{"op": {"add"}, "add_parent": {""}, "add_name": {"Direction"}, "add_role": {"M. Vincent, directeur"}}, hxFrag...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Contains(t, r.Body, `<div id="orgchart">`)
	require.Contains(t, r.Body, `<span class="org-name">Direction</span><span class="org-role">M. Vincent, directeur</span>`)
	require.Contains(t, r.Body, "Élément ajouté à l&#39;organigramme.")
	dir := chartNode(t, f.storedChart(t, f.adam), "Direction")
	require.NotEmpty(t, f.placement(t, f.adam).GetString("portfolio_edited"))

	// Without JavaScript: redirect and flash.
	r = adam.PostForm(path, url.Values{"op": {"add"}, "add_parent": {dir.ID}, "add_name": {"Maintenance"}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Equal(t, path, r.Header.Get("Location"))
	page = adam.Get(path)
	require.Contains(t, page.Body, "Élément ajouté à l&#39;organigramme.")
	require.Contains(t, page.Body, `<li><div class="org-node"><span class="org-name">Direction</span><span class="org-role">M. Vincent, directeur</span></div><ul><li><div class="org-node"><span class="org-name">Maintenance</span></div></li></ul></li>`)

	adam.PostForm(path, url.Values{"op": {"add"}, "add_parent": {dir.ID}, "add_name": {"Production"}}, hxFrag...)
	c := f.storedChart(t, f.adam)
	maint, prod := chartNode(t, c, "Maintenance"), chartNode(t, c, "Production")

	r = adam.PostForm(path, url.Values{"op": {"rename"}, "rename_node": {maint.ID}, "rename_name": {"Service maintenance"}, "rename_role": {"6 techniciens"}}, hxFrag...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Equal(t, "6 techniciens", chartNode(t, f.storedChart(t, f.adam), "Service maintenance").Role)

	r = adam.PostForm(path, url.Values{"op": {"move"}, "move_node": {maint.ID}, "move_parent": {prod.ID}}, hxFrag...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Equal(t, maint.ID, chartNode(t, f.storedChart(t, f.adam), "Production").Children[0].ID)

	r = adam.PostForm(path, url.Values{"op": {"delete"}, "delete_node": {prod.ID}}, hxFrag...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	c = f.storedChart(t, f.adam)
	require.Equal(t, 1, c.Len(), "the subtree went with it")
	require.Equal(t, "Direction", c.Roots[0].Name)
}

func TestOrgChartRefusesInvalidOperations(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	adam := f.login(t, "adam.vincent")
	path := "/dossiers/" + f.adam.Id + "/portfolio/organigramme"
	adam.PostForm(path, url.Values{"op": {"add"}, "add_name": {"Direction"}}, hxFrag...)
	dir := chartNode(t, f.storedChart(t, f.adam), "Direction")
	adam.PostForm(path, url.Values{"op": {"add"}, "add_parent": {dir.ID}, "add_name": {"Atelier"}}, hxFrag...)
	atelier := chartNode(t, f.storedChart(t, f.adam), "Atelier")
	before := f.placement(t, f.adam).GetString("org_chart")

	cases := []struct {
		name  string
		form  url.Values
		field string
		msg   string
		kept  string
	}{
		{"add without a name", url.Values{"op": {"add"}, "add_parent": {dir.ID}, "add_name": {" "}, "add_role": {"Chef d'équipe"}},
			"add_name", "« Nom (personne ou service) » est obligatoire", `value="Chef d&#39;équipe"`},
		{"add a name too long", url.Values{"op": {"add"}, "add_name": {strings.Repeat("x", 81)}},
			"add_name", "ne doit pas dépasser 80 caractères", `value="` + strings.Repeat("x", 81) + `"`},
		{"rename to nothing", url.Values{"op": {"rename"}, "rename_node": {atelier.ID}, "rename_name": {""}, "rename_role": {"Régleur"}},
			"rename_name", "obligatoire", `value="Régleur"`},
		{"move under its own descendant", url.Values{"op": {"move"}, "move_node": {dir.ID}, "move_parent": {atelier.ID}},
			"move_parent", "ni à l&#39;un des éléments placés sous lui", ""},
		{"delete a node that is gone", url.Values{"op": {"delete"}, "delete_node": {"n999"}},
			"delete_node", "n&#39;existe plus", ""},
		{"unknown operation", url.Values{"op": {"tout-effacer"}}, "", "Opération inconnue", ""},
	}
	for _, c := range cases {
		for _, headers := range [][]string{hxFrag, nil} {
			t.Run(c.name, func(t *testing.T) {
				r := adam.PostForm(path, c.form, headers...)
				require.Equal(t, http.StatusUnprocessableEntity, r.Status)
				require.Contains(t, r.Body, c.msg)
				if c.field != "" {
					require.Contains(t, r.Body, `id="e-`+c.field+`"`)
				}
				if c.kept != "" {
					require.Contains(t, r.Body, c.kept, "what was typed is kept")
				}
				require.Contains(t, r.Body, `<span class="org-name">Atelier</span>`, "the stored chart is drawn")
				require.Equal(t, before, f.placement(t, f.adam).GetString("org_chart"), "nothing stored")
			})
		}
	}
}

func TestOrgChartReadersSeeTheChartOnly(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	lucas := f.login(t, "lucas.lambert")
	path := "/dossiers/" + f.lucas.Id + "/portfolio/organigramme"
	lucas.PostForm(path, url.Values{"op": {"add"}, "add_name": {"Direction du site"}}, hxFrag...)
	before := f.placement(t, f.lucas).GetString("org_chart")

	for _, who := range []string{"prof.martin", "julien.boisseau"} {
		t.Run(who, func(t *testing.T) {
			cl := f.login(t, who)
			page := cl.Get(path)
			require.Equal(t, http.StatusOK, page.Status)
			tab := portfolioTabSection(t, page.Body)
			require.Contains(t, tab, `<span class="org-name">Direction du site</span>`)
			for _, control := range []string{"<input", "<button", "<form", "<select", "orgchart.js"} {
				require.NotContains(t, tab, control)
			}
			r := cl.PostForm(path, url.Values{"op": {"add"}, "add_name": {"Intrus"}}, hxFrag...)
			require.Equal(t, http.StatusForbidden, r.Status)
			require.Equal(t, before, f.placement(t, f.lucas).GetString("org_chart"))
		})
	}
	r := f.login(t, "manon.girard").PostForm(path, url.Values{"op": {"add"}, "add_name": {"Intrus"}})
	require.Equal(t, http.StatusNotFound, r.Status)
	require.Equal(t, before, f.placement(t, f.lucas).GetString("org_chart"))
}
