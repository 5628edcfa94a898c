package web_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// mustTutor creates a tutor account (password demo.Password) granted the placement until
// the clock's now + 180 days, as the access-link flow would leave it.
func mustTutor(t *testing.T, a *apptest.App, username string, placement *core.Record) *core.Record {
	t.Helper()
	tutor := a.MustRecord(t, "users", map[string]any{"role": "tutor", "username": username,
		"first_name": "Sophie", "last_name": "Durand", "password": demo.Password})
	a.MustRecord(t, "tutor_access", map[string]any{"placement": placement.Id, "tutor": tutor.Id,
		"expires": a.Clock.Now().Add(180 * 24 * time.Hour)})
	return tutor
}

func TestAttitudesFilledByTheTutorCompletedByTheTeacher(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "manon.girard")
	tutor := mustTutor(t, a, "sophie.durand", p)
	path := "/dossiers/" + p.Id + "/attitudes"

	student := a.MustLogin(t, "manon.girard", demo.Password)
	r := student.Get(path)
	require.Equal(t, http.StatusForbidden, r.Status, "nothing to read before it is saved")
	require.Contains(t, r.Body, "pas encore été enregistré")

	sophie := a.MustLogin(t, "sophie.durand", demo.Password)
	require.Contains(t, sophie.Get(path).Body, `name="attitude:ATT01"`)
	r = sophie.PostForm(path, url.Values{"version": {"0"}, "attitude:ATT01": {"4"}, "attitude:ATT02": {"3"},
		"attitude:ATT05": {"NO"}, "comment": {"Très bonne intégration."}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	saved := a.MustFind(t, "attitude_reviews", "placement", p.Id)
	require.Equal(t, tutor.Id, saved.GetString("author"))

	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	page := teacher.Get(path).Body
	require.Contains(t, page, "Dernière modification par <strong>Sophie DURAND</strong>")
	require.Regexp(t, `id="r-ATT01-4" name="attitude:ATT01" value="4" checked`, page)
	require.Contains(t, page, "Historique des modifications")
	r = teacher.PostForm(path, url.Values{"version": {"1"}, "attitude:ATT01": {"4"}, "attitude:ATT02": {"2"},
		"attitude:ATT03": {"3"}, "attitude:ATT05": {"NO"}, "comment": {"Très bonne intégration. Ponctualité à surveiller."}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)

	saved = a.MustFind(t, "attitude_reviews", "placement", p.Id)
	ratings := map[string]string{}
	require.NoError(t, saved.UnmarshalJSONField("ratings", &ratings))
	require.Equal(t, map[string]string{"ATT01": "4", "ATT02": "2", "ATT03": "3", "ATT05": "NO"}, ratings)
	require.Equal(t, 2, saved.GetInt("version"))

	// The teacher sees who changed what; the tutor, who may edit, does not see the history.
	page = teacher.Get(path).Body
	require.Contains(t, page, "Dernière modification par <strong>Claire MARTIN</strong>")
	require.Contains(t, page, `<span class="history-field">Ponctualité</span> : <del>Satisfaisant</del>`)
	require.Contains(t, page, "<strong>Sophie DURAND</strong>")
	require.NotContains(t, sophie.Get(path).Body, "Historique des modifications")

	// The tutor's stale form is refused and keeps its choices on screen.
	r = sophie.PostForm(path, url.Values{"version": {"1"}, "attitude:ATT01": {"1"}, "comment": {"Texte du tuteur"}})
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "Texte du tuteur")
	require.Regexp(t, `id="r-ATT01-1" name="attitude:ATT01" value="1" checked`, r.Body)
	require.Equal(t, 2, a.MustFind(t, "attitude_reviews", "placement", p.Id).GetInt("version"))

	// Now saved: the student reads it, without a form.
	page = student.Get(path).Body
	require.Contains(t, page, `<span class="level-chip lv-2">À améliorer</span>`)
	require.NotContains(t, page, `name="attitude:ATT01"`)
	require.NotContains(t, page, "Historique des modifications")
	require.Equal(t, http.StatusForbidden, student.PostForm(path, url.Values{"version": {"2"}, "attitude:ATT01": {"1"}}).Status)
}

func TestAttitudesRefuseAnUnknownLevel(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "manon.girard")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	r := teacher.PostForm("/dossiers/"+p.Id+"/attitudes", url.Values{"version": {"0"}, "attitude:ATT01": {"5"}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "Niveau inconnu.")
	n, err := a.PB.CountRecords("attitude_reviews")
	require.NoError(t, err)
	require.Zero(t, n)
}
