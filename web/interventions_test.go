package web_test

import (
	"maps"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/pfmp"
)

func reportForm(version string) url.Values {
	return url.Values{"version": {version},
		"title":      {"Remplacement d'un roulement de convoyeur"},
		"conditions": {"En binôme, machine consignée."}, "wo_date": {"2026-03-10"},
		"wo_sector": {"Conditionnement"}, "wo_requester": {"M. Leroy"}, "wo_machine": {"Convoyeur C3"},
		"wo_nature": {"Bruit anormal au palier"}, "wo_supplies": {"Roulement 6204-2RS"},
		"wo_documentation": {"Dossier machine C3"}, "defects": {"Roulement grippé"},
		"causes": {"Défaut de graissage"}, "repairs": {"Remplacement du roulement"}, "duration": {"1 h 30"}}
}

func reportsOf(t *testing.T, a *apptest.App, p *core.Record) []*core.Record {
	t.Helper()
	recs, err := a.PB.FindRecordsByFilter("interventions", "placement = {:p}", "created", 0, 0, map[string]any{"p": p.Id})
	require.NoError(t, err)
	return recs
}

func mustReport(t *testing.T, a *apptest.App, p *core.Record, title string) *core.Record {
	t.Helper()
	return a.MustRecord(t, "interventions", map[string]any{"placement": p.Id, "title": title,
		"wo_machine": "Presse P1", "defects": "Fuite d'huile", "version": 1})
}

func TestInterventionsStudentCreatesEditsSelectsDeletes(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	// The empty state, then the form.
	tab := f.owner.Get(portfolioPath(f.lucas, "activites"))
	require.Equal(t, http.StatusOK, tab.Status)
	assert.Contains(t, tab.Body, "Aucun compte rendu")
	form := f.owner.Get(portfolioPath(f.lucas, "activites/nouvelle"))
	require.Equal(t, http.StatusOK, form.Status)
	for _, label := range []string{"Titre de l&#39;activité", "Conditions de réalisation", "Bon de travail", "Date",
		"Secteur", "Demandeur", "Machine", "Nature du travail à réaliser", "Fournitures", "Documentation",
		"Rapport d'intervention", "Défauts constatés", "Cause(s)", "Réparations effectuées", "Durée de l&#39;intervention"} {
		assert.Contains(t, form.Body, label)
	}
	assert.Contains(t, form.Body, `aria-current="page"><span class="tab-long">Présenter une activité`, "inside the portfolio, on its tab")

	// Create.
	r := f.owner.PostForm(portfolioPath(f.lucas, "activites"), reportForm("0"))
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	recs := reportsOf(t, f.a, f.lucas)
	require.Len(t, recs, 1)
	rep := recs[0]
	assert.Equal(t, portfolioPath(f.lucas, "activites/"+rep.Id), r.Header.Get("Location"))
	assert.Equal(t, "Convoyeur C3", rep.GetString("wo_machine"))
	assert.Equal(t, "1 h 30", rep.GetString("duration"))
	assert.Equal(t, "2026-03-10", pfmp.ISODate(rep.GetDateTime("wo_date").Time()))
	assert.Equal(t, 1, rep.GetInt("version"))
	assert.False(t, rep.GetBool("selected"))

	page := f.owner.Get(r.Header.Get("Location"))
	assert.Contains(t, page.Body, "Compte rendu enregistré.")
	assert.Contains(t, page.Body, `value="Convoyeur C3"`)
	assert.Contains(t, page.Body, `name="version" value="1"`)
	assert.Contains(t, page.Body, `data-confirm="Supprimer définitivement ce compte rendu ?"`)

	// The card: title, date, machine, the export checkbox; the tab counter.
	tab = f.owner.Get(portfolioPath(f.lucas, "activites"))
	assert.Contains(t, tab.Body, "Remplacement d&#39;un roulement de convoyeur")
	assert.Contains(t, tab.Body, "mardi 10 mars 2026")
	assert.Contains(t, tab.Body, "Convoyeur C3")
	assert.Contains(t, tab.Body, "Sélectionnée pour l'export")
	assert.Contains(t, tab.Body, `<span class="badge-count">1<span class="visually-hidden"> activité(s)</span></span>`)
	assert.NotContains(t, tab.Body, "iv-card is-selected")

	// Select (htmx: the card comes back greyed; plain: back to the tab).
	r = f.owner.PostForm(portfolioPath(f.lucas, "activites/"+rep.Id+"/selection"), url.Values{"selected": {"1"}}, pfHX...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	assert.Contains(t, r.Body, `class="card iv-card is-selected" id="iv-`+rep.Id+`"`)
	assert.Contains(t, r.Body, " checked")
	assert.Contains(t, r.Body, `<p id="iv-count" class="small muted" hx-swap-oob="true">1 compte(s) rendu(s) · 1 sélectionné(s) pour l'export</p>`,
		"the count under the title follows")
	assert.True(t, pfReload(t, f.a, rep).GetBool("selected"))
	assert.Equal(t, 1, pfReload(t, f.a, rep).GetInt("version"), "selecting does not touch the text's version")
	r = f.owner.PostForm(portfolioPath(f.lucas, "activites/"+rep.Id+"/selection"), url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	assert.False(t, pfReload(t, f.a, rep).GetBool("selected"))

	// Update from version 1.
	upd := reportForm("1")
	upd.Set("repairs", "Remplacement du roulement et graissage")
	upd.Set("wo_date", "11/03/2026")
	r = f.owner.PostForm(portfolioPath(f.lucas, "activites/"+rep.Id), upd)
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	rep = pfReload(t, f.a, rep)
	assert.Equal(t, "Remplacement du roulement et graissage", rep.GetString("repairs"))
	assert.Equal(t, "2026-03-11", pfmp.ISODate(rep.GetDateTime("wo_date").Time()))
	assert.Equal(t, 2, rep.GetInt("version"))

	// An older tab (version 1): 409, the typed text back, nothing overwritten.
	old := reportForm("1")
	old.Set("causes", "Cause tapée dans l'autre onglet")
	r = f.owner.PostForm(portfolioPath(f.lucas, "activites/"+rep.Id), old)
	require.Equal(t, http.StatusConflict, r.Status)
	assert.Contains(t, r.Body, "Ce compte rendu a été modifié ailleurs (autre onglet ou appareil) : rechargez pour voir la dernière version ; votre texte n&#39;a pas été perdu, le voici :")
	assert.Contains(t, r.Body, "Cause tapée dans l&#39;autre onglet")
	assert.Contains(t, r.Body, `name="version" value="2"`, "the form starts again from the stored version")
	rep = pfReload(t, f.a, rep)
	assert.Equal(t, "Défaut de graissage", rep.GetString("causes"))
	assert.Equal(t, 2, rep.GetInt("version"))

	// Delete.
	r = f.owner.PostForm(portfolioPath(f.lucas, "activites/"+rep.Id+"/supprimer"), url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	assert.Equal(t, portfolioPath(f.lucas, "activites"), r.Header.Get("Location"))
	assert.Empty(t, reportsOf(t, f.a, f.lucas))
	assert.Contains(t, f.owner.Get(portfolioPath(f.lucas, "activites")).Body, "Compte rendu supprimé.")
}

func TestInterventionsRefuseBadInputKeepingIt(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	cases := []struct {
		name, field, value, msg string
	}{
		{"no title", "title", "  ", "Le champ « Titre de l&#39;activité » est obligatoire."},
		{"impossible date", "wo_date", "31/02/2026", "Date invalide : saisissez-la au format JJ/MM/AAAA."},
		{"words as a date", "wo_date", "mardi dernier", "Date invalide"},
		{"too long", "repairs", strings.Repeat("x", 5001), "Le champ « Réparations effectuées » ne doit pas dépasser 5000 caractères."},
		{"title too long", "title", strings.Repeat("t", 256), "ne doit pas dépasser 255 caractères"},
	}
	for _, tt := range cases {
		t.Run(tt.name, func(t *testing.T) {
			form := reportForm("0")
			form.Set(tt.field, tt.value)
			form.Set("defects", "Défaut tapé à garder")
			r := f.owner.PostForm(portfolioPath(f.lucas, "activites"), form)
			require.Equal(t, http.StatusUnprocessableEntity, r.Status)
			assert.Contains(t, r.Body, tt.msg)
			assert.Contains(t, r.Body, "Le formulaire contient des erreurs.")
			assert.Contains(t, r.Body, "Défaut tapé à garder", "what was typed stays")
			assert.Contains(t, r.Body, `aria-invalid="true"`)
			assert.Empty(t, reportsOf(t, f.a, f.lucas))
		})
	}
	// The same on an update: 422, nothing stored, version kept.
	rep := mustReport(t, f.a, f.lucas, "Fuite sur la presse")
	form := reportForm("1")
	form.Set("title", "")
	r := f.owner.PostForm(portfolioPath(f.lucas, "activites/"+rep.Id), form)
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, r.Body, `name="version" value="1"`)
	assert.Equal(t, "Fuite sur la presse", pfReload(t, f.a, rep).GetString("title"))
}

func TestInterventionsReadersSeeTextOnly(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	rep := mustReport(t, f.a, f.lucas, "Fuite sur la presse")
	for _, c := range []*apptest.Client{f.teacher, f.master} {
		tab := c.Get(portfolioPath(f.lucas, "activites"))
		require.Equal(t, http.StatusOK, tab.Status)
		assert.Contains(t, tab.Body, "Fuite sur la presse")
		assert.Contains(t, tab.Body, "Consulter")
		assert.NotContains(t, tab.Body, `type="checkbox"`)
		assert.NotContains(t, tab.Body, "Nouveau compte rendu")
		assert.NotContains(t, tab.Body, `method="post" action="/dossiers/`)

		show := c.Get(portfolioPath(f.lucas, "activites/"+rep.Id))
		require.Equal(t, http.StatusOK, show.Status)
		assert.Contains(t, show.Body, "Fuite d&#39;huile")
		assert.Contains(t, show.Body, "Rapport d'intervention")
		assert.NotContains(t, show.Body, "<textarea")
		assert.NotContains(t, show.Body, "<input id=")
		assert.NotContains(t, show.Body, "Supprimer")
	}
	assert.Equal(t, http.StatusNotFound, f.other.Get(portfolioPath(f.lucas, "activites/"+rep.Id)).Status)
	assert.Equal(t, http.StatusNotFound, f.tu.Get(portfolioPath(f.lucas, "activites/"+rep.Id)).Status)
	assert.Equal(t, http.StatusForbidden, f.teacher.Get(portfolioPath(f.lucas, "activites/nouvelle")).Status)
}

func TestInterventionsWritesOnlyByTheStudentOnItsOwnReports(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	rep := mustReport(t, f.a, f.lucas, "Fuite sur la presse")
	manons := reportsOf(t, f.a, f.manon)
	require.Len(t, manons, 1, "the demo's report")

	posts := []struct {
		path string
		form url.Values
	}{
		{portfolioPath(f.lucas, "activites"), reportForm("0")},
		{portfolioPath(f.lucas, "activites/"+rep.Id), reportForm("1")},
		{portfolioPath(f.lucas, "activites/"+rep.Id+"/selection"), url.Values{"selected": {"1"}}},
		{portfolioPath(f.lucas, "activites/"+rep.Id+"/supprimer"), url.Values{}},
	}
	for _, p := range posts { // PostForm adds the client's token to the form: one copy each
		assert.Equal(t, http.StatusForbidden, f.teacher.PostForm(p.path, maps.Clone(p.form)).Status, "teacher "+p.path)
		assert.Equal(t, http.StatusForbidden, f.master.PostForm(p.path, maps.Clone(p.form)).Status, "master "+p.path)
		assert.Equal(t, http.StatusNotFound, f.other.PostForm(p.path, maps.Clone(p.form)).Status, "other student "+p.path)
		assert.Equal(t, http.StatusNotFound, f.tu.PostForm(p.path, maps.Clone(p.form)).Status, "tutor "+p.path)
		assert.Equal(t, http.StatusSeeOther, f.a.NewClient(t).PostForm(p.path, maps.Clone(p.form)).Status, "anonymous "+p.path)
	}
	rep = pfReload(t, f.a, rep)
	assert.Equal(t, 1, rep.GetInt("version"))
	assert.False(t, rep.GetBool("selected"))
	assert.Len(t, reportsOf(t, f.a, f.lucas), 1)

	// Lucas cannot reach Manon's report through his own dossier: 404, untouched.
	other := manons[0]
	for _, path := range []string{"activites/" + other.Id, "activites/" + other.Id + "/selection", "activites/" + other.Id + "/supprimer"} {
		assert.Equal(t, http.StatusNotFound, f.owner.PostForm(portfolioPath(f.lucas, path), reportForm("0")).Status, path)
	}
	assert.Equal(t, http.StatusNotFound, f.owner.Get(portfolioPath(f.lucas, "activites/"+other.Id)).Status)
	assert.Equal(t, http.StatusNotFound, f.teacher.Get(portfolioPath(f.lucas, "activites/"+other.Id)).Status)
	assert.Equal(t, other.GetString("title"), pfReload(t, f.a, other).GetString("title"))
	assert.True(t, pfReload(t, f.a, other).GetBool("selected"))
}
