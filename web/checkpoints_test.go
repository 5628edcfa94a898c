package web_test

import (
	"html"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestAPlannedCheckpointIsTheTeachersUntilItsDay: a bilan intermédiaire dated later is listed as
// planned, with its controls; the teacher moves it; once in effect and locking, the list and
// its form say only an administrator may correct it, and a forced request is refused (409)
// with the form kept.
func TestAPlannedCheckpointIsTheTeachersUntilItsDay(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	lucas := a.MustFind(t, "users", "username", "lucas.lambert")
	after := period.GetDateTime("end").Time().AddDate(0, 0, 3) // a Monday after the bilans
	cp := a.MustRecord(t, "checkpoints", map[string]any{"student": lucas.Id, "date": after, "label": "Bilan de printemps"})
	row := `id="cp-` + cp.Id + `"`

	list := c.Get("/bilans-intermediaires").Body
	require.Contains(t, list, row)
	require.Regexp(t, row+`(?s).*Prévu.*/bilans-intermediaires/`+cp.Id+`/modifier.*/bilans-intermediaires/`+cp.Id+`/supprimer`, list)
	form := c.Get("/bilans-intermediaires/" + cp.Id + "/modifier")
	require.Equal(t, http.StatusOK, form.Status)
	require.Contains(t, form.Body, `value="`+after.Format("2006-01-02")+`"`)

	later := after.AddDate(0, 0, 7)
	r := c.PostForm("/bilans-intermediaires/"+cp.Id+"/modifier", url.Values{"date": {later.Format("2006-01-02")}, "label": {"Bilan corrigé"}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Equal(t, later, a.MustFind(t, "checkpoints", "id", cp.Id).GetDateTime("date").Time())
	require.Contains(t, c.Get("/bilans-intermediaires").Body, "Bilan intermédiaire de Lucas LAMBERT enregistré.")

	a.Clock.Set(later.Add(8 * time.Hour))
	list = c.Get("/bilans-intermediaires").Body
	require.Regexp(t, row+`(?s).*En vigueur.*Verrouille 1 période\(s\).*Correction : administrateur`, list)
	require.NotContains(t, list, `/bilans-intermediaires/`+cp.Id+`/supprimer`)
	held := html.UnescapeString(c.Get("/bilans-intermediaires/" + cp.Id + "/modifier").Body)
	require.Contains(t, held, "seul un administrateur peut encore le corriger")
	require.NotContains(t, held, `action="/bilans-intermediaires/`+cp.Id+`/modifier"`)

	forced := c.PostForm("/bilans-intermediaires/"+cp.Id+"/modifier", url.Values{"date": {"2026-03-02"}, "label": {"Tentative"}})
	require.Equal(t, http.StatusConflict, forced.Status)
	require.Contains(t, html.UnescapeString(forced.Body), "seul un administrateur")
	require.Equal(t, later, a.MustFind(t, "checkpoints", "id", cp.Id).GetDateTime("date").Time(), "nothing changed")
	del := c.PostForm("/bilans-intermediaires/"+cp.Id+"/supprimer", url.Values{})
	require.Equal(t, http.StatusConflict, del.Status)
}
