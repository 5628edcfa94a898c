package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/pfmp"
)

const demoP2 = "PFMP 2 — 2de PMIA"

func companyPath(p *core.Record, rest string) string {
	return "/dossiers/" + p.Id + "/bilan-entreprise" + rest
}

// choose saves one choice as the page's htmx does: its key, and the version it was shown at.
func choose(c *apptest.Client, p *core.Record, key, value string, seen int) *apptest.Response {
	return c.PostForm(companyPath(p, "/choix"), url.Values{key: {value}, "v:" + key: {strconv.Itoa(seen)}}, "HX-Request", "true")
}

func review(t *testing.T, a *apptest.App, p *core.Record) *core.Record {
	t.Helper()
	return a.MustFind(t, "company_reviews", "placement", p.Id)
}

func jsonMap(t *testing.T, r *core.Record, field string) map[string]string {
	t.Helper()
	m := map[string]string{}
	require.NoError(t, r.UnmarshalJSONField(field, &m))
	return m
}

func TestCompanyReviewChoicesAreSavedOneByOne(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "lea.dupont")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	page := teacher.Get(companyPath(p, ""))
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, `name="tache:A1T1"`, "the dossier's tasks (the period's)")
	require.NotContains(t, page.Body, `name="tache:A3T1"`, "not the référentiel's other tasks")
	require.Contains(t, page.Body, `name="niveau:C1.1.a"`, "sub-competences of the linked competences")
	require.NotContains(t, page.Body, `name="niveau:C3.1"`, "competences no task links")
	period := a.MustFind(t, "periods", "id", p.GetString("period"))
	bilans := pfmp.EffectiveReviewDate(period.GetDateTime("review_date").Time(), period.GetDateTime("end").Time())
	require.Contains(t, page.Body, `name="date" value="`+bilans.Format("2006-01-02")+`"`,
		"the meeting date defaults to the period's date of the bilans entreprise")
	require.Contains(t, page.Body, "Brouillon")

	r := choose(teacher, p, "tache:A1T1", "1", 0)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Contains(t, r.Body, `id="v-tache-A1T1" name="v:tache:A1T1" value="1" hx-swap-oob="true"`)
	require.Equal(t, http.StatusOK, choose(teacher, p, "mode:C1.1", "detaille", 0).Status)
	require.Equal(t, http.StatusOK, choose(teacher, p, "niveau:C1.1.a", "4", 0).Status)
	r = choose(teacher, p, "niveau:C1.1.b", "3", 0)
	require.Contains(t, r.Body, `id="lvl-C1-1" hx-swap-oob="true"><span class="level-chip lv-4">4 — Très bonne maîtrise</span> <span class="small muted">calculé`,
		"3.5 rounds to 4, shown as computed")
	require.Equal(t, http.StatusOK, choose(teacher, p, "niveau:C1.2", "NE", 0).Status)
	require.Equal(t, http.StatusOK, choose(teacher, p, "engagement", "3", 0).Status)
	require.Equal(t, http.StatusOK, choose(teacher, p, "commentaire", "Bonne période, continuez.", 0).Status)
	require.Equal(t, http.StatusOK, choose(teacher, p, "tache:A1T1", "0", 1).Status, "unticked again, at the version it got")
	require.Equal(t, http.StatusOK, choose(teacher, p, "tache:A1T2", "1", 0).Status)

	rev := review(t, a, p)
	a1t2 := a.MustFind(t, "tasks", "code", "A1T2")
	require.Equal(t, []string{a1t2.Id}, rev.GetStringSlice("tasks_done"))
	require.Equal(t, map[string]string{"C1.1": "detaille"}, jsonMap(t, rev, "modes"))
	require.Equal(t, map[string]string{"C1.1.a": "4", "C1.1.b": "3", "C1.2": "NE"}, jsonMap(t, rev, "ratings"))
	require.Equal(t, 3, rev.GetInt("engagement"))
	require.Equal(t, "Bonne période, continuez.", rev.GetString("comment"))
	require.True(t, rev.GetDateTime("saved_at").IsZero(), "choices alone do not show it to the student")

	student := a.MustLogin(t, "lea.dupont", demo.Password)
	require.Equal(t, http.StatusForbidden, student.Get(companyPath(p, "")).Status)

	// « Enregistrer » (the whole form, as without JavaScript): the student may now read it.
	form := url.Values{"tache:A1T2": {"0", "1"}, "v:tache:A1T2": {"1"}, "engagement": {"4"}, "v:engagement": {"6"},
		"date": {"2026-03-27"}, "v:date": {"0"}}
	r = teacher.PostForm(companyPath(p, ""), form)
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	rev = review(t, a, p)
	require.Equal(t, 4, rev.GetInt("engagement"))
	require.False(t, rev.GetDateTime("saved_at").IsZero())
	body := student.Get(companyPath(p, "")).Body
	require.Contains(t, body, `<fieldset class="review-fields" disabled>`, "read-only for the student")
	require.Contains(t, body, `id="niveau-C1-1-a-4" name="niveau:C1.1.a" value="4" checked`)
	require.NotContains(t, body, "hx-post", "no saves from the student's page")
	require.NotContains(t, body, "Historique des modifications")
	require.Equal(t, http.StatusForbidden, choose(student, p, "engagement", "1", 7).Status)

	// The history, for teachers: each choice, old → new, and who.
	body = teacher.Get(companyPath(p, "")).Body
	require.Contains(t, body, `<span class="history-field">Niveau — C1.2 — Identifier et caractériser la chaîne d&#39;énergie</span> : <del>—</del>`)
	require.Contains(t, body, `<ins>NE — Non évaluable</ins>`)
	require.Contains(t, body, `<span class="history-field">Engagement</span> : <del>3 étoile(s) — Engagement régulier</del>`)
}

func TestCompanyReviewTwoEditorsNeverOverwriteEachOther(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "hugo.bernard")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	other := a.MustLogin(t, "prof.benali", demo.Password)

	require.Equal(t, http.StatusOK, choose(teacher, p, "niveau:C1.2", "3", 0).Status)
	// The other teacher's form still shows C1.2 at version 0: his choice is refused, both shown.
	r := choose(other, p, "niveau:C1.2", "2", 0)
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "Modifié entre-temps par Claire MARTIN.</strong> Sa version est enregistrée : « 3 — Maîtrise satisfaisante ». La vôtre ne l'a pas été : « 2 — Maîtrise fragile »")
	require.Contains(t, r.Body, `id="f-niveau-C1-2" data-vid="v-niveau-C1-2" hx-swap-oob="true"`, "the block comes back with the stored choice")
	require.Contains(t, r.Body, `id="niveau-C1-2-3" name="niveau:C1.2" value="3" checked`)
	require.Equal(t, map[string]string{"C1.2": "3"}, jsonMap(t, review(t, a, p), "ratings"))
	// Other choices are his own: saved.
	require.Equal(t, http.StatusOK, choose(other, p, "niveau:C1.3", "2", 0).Status)
	// Made again knowingly (at the stored version), his choice replaces it.
	require.Equal(t, http.StatusOK, choose(other, p, "niveau:C1.2", "2", 1).Status)
	require.Equal(t, map[string]string{"C1.2": "2", "C1.3": "2"}, jsonMap(t, review(t, a, p), "ratings"))

	// The poll brings the changes made since the version a form shows.
	poll := teacher.Get(companyPath(p, "/changements?depuis=1"), "HX-Request", "true")
	require.Equal(t, http.StatusOK, poll.Status)
	require.Contains(t, poll.Body, `id="niveau-C1-2-2" name="niveau:C1.2" value="2" checked`)
	require.Contains(t, poll.Body, `id="niveau-C1-3-2" name="niveau:C1.3" value="2" checked`)
	require.Contains(t, poll.Body, `hx-get="`+companyPath(p, "/changements?depuis=3")+`"`)
	require.Equal(t, http.StatusNoContent, teacher.Get(companyPath(p, "/changements?depuis=3"), "HX-Request", "true").Status)

	// Without JavaScript, the whole form: the stale choice is refused with both values, the
	// others are saved.
	form := url.Values{"niveau:C1.2": {"4"}, "v:niveau:C1.2": {"1"}, "commentaire": {"Texte du professeur"}, "v:commentaire": {"0"}}
	r = teacher.PostForm(companyPath(p, ""), form)
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "Un choix n&#39;a pas été enregistré : quelqu&#39;un l&#39;a modifié entre-temps.")
	require.Contains(t, r.Body, "Modifié entre-temps par Karim BENALI.</strong> Sa version est enregistrée : « 2 — Maîtrise fragile ». La vôtre ne l'a pas été : « 4 — Très bonne maîtrise »")
	rev := review(t, a, p)
	require.Equal(t, "2", jsonMap(t, rev, "ratings")["C1.2"])
	require.Equal(t, "Texte du professeur", rev.GetString("comment"))
	require.True(t, rev.GetDateTime("saved_at").IsZero(), "not saved for the student while a choice is refused")
}

func TestCompanyReviewRefusesWhatIsNotItsOwn(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	p := a.MustPlacement(t, demoP2, "ines.moreau")
	for key, value := range map[string]string{"tache:A4T1": "1", "niveau:C3.1": "3", "niveau:C1.2": "5",
		"mode:C1.1": "moitié", "engagement": "5", "date": "32/13/2026", "inconnu": "x"} {
		r := choose(teacher, p, key, value, 0)
		require.Equal(t, http.StatusUnprocessableEntity, r.Status, key)
		require.Contains(t, r.Body, `class="field-error"`, key)
	}
	n, err := a.PB.CountRecords("company_reviews")
	require.NoError(t, err)
	require.Zero(t, n)

	// Without JavaScript, the whole form refused for one bad date keeps every choice sent.
	r := teacher.PostForm(companyPath(p, ""), url.Values{"niveau:C1.2": {"3"}, "engagement": {"4"},
		"commentaire": {"Bon stage"}, "date": {"32/13/2026"}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, `id="niveau-C1-2-3" name="niveau:C1.2" value="3" checked`)
	require.Contains(t, r.Body, `value="4" checked`)
	require.Contains(t, r.Body, "Bon stage")
	require.Contains(t, r.Body, `value="32/13/2026"`)
	n, err = a.PB.CountRecords("company_reviews")
	require.NoError(t, err)
	require.Zero(t, n, "nothing half-written")

	// Periods without a bilan entreprise: P1 (attitudes only), E31 (certification grid).
	for _, period := range []string{"PFMP 1 — 2de PMIA", demoE31} {
		var username = map[string]string{"PFMP 1 — 2de PMIA": "ines.moreau", demoE31: "manon.girard"}[period]
		q := a.MustPlacement(t, period, username)
		require.Equal(t, http.StatusNotFound, teacher.Get(companyPath(q, "")).Status, period)
		require.Equal(t, http.StatusNotFound, choose(teacher, q, "engagement", "2", 0).Status, period)
	}
}
