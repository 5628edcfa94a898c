package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

func TestSchoolEvaluationsForAClassOrAStudent(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	class := a.MustFind(t, "classes", "name", "1re MSPC")
	c22 := a.MustFind(t, "competences", "code", "C2.2")
	c22a := a.MustFind(t, "competences", "code", "C2.2.a")
	manon := a.MustFind(t, "users", "username", "manon.girard")

	page := teacher.Get("/evaluations-etablissement")
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, `id="level-NE" name="level" value="NE"`, "the level is the fan")

	r := teacher.PostForm("/evaluations-etablissement", url.Values{"target": {"classe:" + class.Id}, "competence": {c22.Id},
		"level": {"3"}, "date": {"2026-03-02"}, "label": {"TP graissage"}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	n, err := a.PB.CountRecords("school_evaluations", dbx.HashExp{"competence": c22.Id, "level": "3"})
	require.NoError(t, err)
	require.EqualValues(t, 6, n, "the whole class")

	r = teacher.PostForm("/evaluations-etablissement", url.Values{"target": {"eleve:" + manon.Id}, "competence": {c22a.Id},
		"level": {"NE"}, "date": {"2026-03-04"}, "label": {"Consignation"}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)

	r = teacher.PostForm("/evaluations-etablissement", url.Values{"target": {"eleve:" + manon.Id}, "competence": {"nope"},
		"level": {"5"}, "date": {""}, "label": {"Gardé à l'écran"}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	for _, id := range []string{"e-competence", "e-level", "e-date"} {
		require.Contains(t, r.Body, `id="`+id+`"`)
	}
	require.Contains(t, r.Body, `value="Gardé à l&#39;écran"`)

	// Manon's dashboard shows both, the sub-competence's under its competence.
	c2 := trackSection(t, a.MustLogin(t, "manon.girard", demo.Password).Get("/tableau-de-bord").Body, "comp-C2.2")
	require.Equal(t, []string{"02/03/2026 3 Évaluation en établissement · TP graissage",
		"04/03/2026 NE Évaluation en établissement · Consignation · C2.2.a"}, timelineLines(c2)[len(timelineLines(c2))-2:])

	// Deleted when entered by mistake.
	list := teacher.Get("/evaluations-etablissement").Body
	require.Contains(t, list, "Consignation")
	one := a.MustFind(t, "school_evaluations", "label", "Consignation")
	require.Equal(t, http.StatusSeeOther, teacher.PostForm("/evaluations-etablissement/"+one.Id+"/supprimer", url.Values{}).Status)
	n, err = a.PB.CountRecords("school_evaluations", dbx.HashExp{"label": "Consignation"})
	require.NoError(t, err)
	require.Zero(t, n)
	require.Equal(t, http.StatusNotFound, teacher.PostForm("/evaluations-etablissement/"+one.Id+"/supprimer", url.Values{}).Status)
}
