package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/dossier"
)

func TestSelfReviewWrittenByTheStudentReadByTheOthers(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	path := "/dossiers/" + p.Id + "/bilan-personnel"
	lucas := a.MustLogin(t, "lucas.lambert", demo.Password)

	form := lucas.Get(path).Body
	require.Contains(t, form, `name="strengths"`, "the student gets the form")
	for _, q := range dossier.SelfReviewQuestions {
		require.Contains(t, form, `name="`+q.Field+`"`)
		require.Contains(t, form, q.Question, "the questions the student's archive asks too")
	}
	r := lucas.PostForm(path, url.Values{"version": {"0"}, "strengths": {"Rigueur dans les consignations."},
		"improvements": {"Lire les schémas pneumatiques."}, "next_goals": {"Diagnostiquer seul une panne simple."}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	require.Equal(t, path, r.Header.Get("Location"))
	saved := a.MustFind(t, "self_reviews", "placement", p.Id)
	require.Equal(t, "Lire les schémas pneumatiques.", saved.GetString("improvements"))
	require.Equal(t, 1, saved.GetInt("version"))

	for _, who := range []string{"prof.martin", "julien.boisseau"} {
		c := a.MustLogin(t, who, demo.Password)
		page := c.Get(path)
		require.Equal(t, http.StatusOK, page.Status, who)
		require.Contains(t, page.Body, "Rigueur dans les consignations.", who)
		require.NotContains(t, page.Body, `name="strengths"`, "%s reads, never edits", who)
		require.Equal(t, http.StatusForbidden, c.PostForm(path, url.Values{"version": {"1"}, "strengths": {"x"}}).Status, who)
	}
	require.Equal(t, "Rigueur dans les consignations.", a.MustFind(t, "self_reviews", "placement", p.Id).GetString("strengths"))

	// The dossier lists it as saved; the period's menu links it.
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	dossierPage := teacher.Get("/dossiers/" + p.Id).Body
	require.Contains(t, dossierPage, `href="`+path+`">Bilan personnel</a> <span class="badge badge-success">enregistré</span>`)
	menu := "/periodes/" + p.GetString("period") + "/apprenants/" + p.Id + "/menu" // fetched when it first opens
	require.Contains(t, teacher.Get(menu, "HX-Request", "true").Body, `href="`+path+`"`)
}

func TestSelfReviewRefusesAStaleOrTooLongSave(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "manon.girard")
	path := "/dossiers/" + p.Id + "/bilan-personnel"
	tab1 := a.MustLogin(t, "manon.girard", demo.Password)
	tab2 := a.MustLogin(t, "manon.girard", demo.Password)

	require.Equal(t, http.StatusSeeOther, tab1.PostForm(path, url.Values{"version": {"0"}, "strengths": {"premier"}}).Status)
	r := tab2.PostForm(path, url.Values{"version": {"0"}, "strengths": {"second texte à garder"}})
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "modifiées entre-temps")
	require.Contains(t, r.Body, "second texte à garder", "what was typed stays on screen")
	require.Equal(t, "premier", a.MustFind(t, "self_reviews", "placement", p.Id).GetString("strengths"))

	r = tab2.PostForm(path, url.Values{"version": {"1"}, "next_goals": {strings.Repeat("é", 5001)}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, `id="e-next_goals"`)
	require.Equal(t, 1, a.MustFind(t, "self_reviews", "placement", p.Id).GetInt("version"), "nothing saved")
}
