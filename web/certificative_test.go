package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

func TestCertificativeGridOfAnE31Period(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	path := "/dossiers/" + p.Id + "/grille-certificative"
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	page := teacher.Get(path)
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, "Grille d&#39;évaluation certificative")
	for _, code := range []string{"C2.1", "C2.2", "C2.3"} {
		require.Contains(t, page.Body, `name="niveau:`+code+`"`, "E31 evaluates the competences of bloc 2")
	}
	require.NotContains(t, page.Body, `name="niveau:C1.1"`)
	require.NotContains(t, page.Body, `name="tache:`, "no tasks on a grid")
	require.NotContains(t, page.Body, `name="engagement"`)
	require.Contains(t, page.Body, `name="evaluateurs"`)
	require.Contains(t, page.Body, "Date de l&#39;évaluation")

	g := func(key, value string, seen int) *apptest.Response {
		return teacher.PostForm(path+"/choix", url.Values{key: {value}, "v:" + key: {strconv.Itoa(seen)}}, "HX-Request", "true")
	}
	require.Equal(t, http.StatusUnprocessableEntity, g("engagement", "3", 0).Status)
	require.Equal(t, http.StatusUnprocessableEntity, g("tache:A2T2", "1", 0).Status)
	require.Equal(t, http.StatusOK, g("evaluateurs", "C. Martin, J. Boisseau", 0).Status)
	require.Equal(t, http.StatusOK, g("niveau:C2.1", "3", 0).Status)
	require.Equal(t, http.StatusOK, g("mode:C2.2", "detaille", 0).Status)
	require.Equal(t, http.StatusOK, g("niveau:C2.2.a", "4", 0).Status)
	r := teacher.PostForm(path, url.Values{"commentaire": {"Épreuve réussie."}, "v:commentaire": {"0"}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)

	rev := review(t, a, p)
	require.True(t, rev.GetBool("certificative"))
	require.Equal(t, "C. Martin, J. Boisseau", rev.GetString("evaluators"))
	require.Equal(t, map[string]string{"C2.1": "3", "C2.2.a": "4"}, jsonMap(t, rev, "ratings"))

	// The teachers' list, the student's « Mes évaluations » and dashboard.
	list := teacher.Get("/evaluations-certificatives").Body
	require.Contains(t, list, `<a href="`+path+`">Lucas LAMBERT</a>`)
	require.Contains(t, list, "évaluée le")
	require.Contains(t, list, "C. Martin, J. Boisseau")
	lucas := a.MustLogin(t, "lucas.lambert", demo.Password)
	require.Contains(t, lucas.Get("/mes-evaluations").Body, `<a href="`+path+`">Grille d&#39;évaluation certificative</a>`)
	require.Equal(t, http.StatusOK, lucas.Get(path).Status)
	require.Contains(t, trackSection(t, lucas.Get("/tableau-de-bord").Body, "comp-C2.2"),
		`<a href="`+path+`">Évaluation certificative</a> · `+demoE31+` <span class="small muted">(calculé)</span>`)

	// A period with a bilan entreprise has no grid.
	require.Equal(t, http.StatusNotFound, teacher.Get("/dossiers/"+a.MustPlacement(t, demoP2, "lea.dupont").Id+"/grille-certificative").Status)
}
