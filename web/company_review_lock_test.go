package web_test

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/pfmp"
)

// A bilan entreprise whose meeting date is before the student's latest bilan intermédiaire is
// read-only on every path: the page shows it so, with the reason, and refuses its saves; the
// REST API refuses it even to a superuser.
func TestLockedCompanyReviewRefusesEveryChange(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "nathan.petit")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	require.Equal(t, 200, choose(teacher, p, "niveau:C1.2", "3", 0).Status)
	rev := review(t, a, p)
	meeting := rev.GetDateTime("meeting_date").Time()
	a.Clock.Set(meeting.AddDate(0, 0, 2)) // the checkpoint below is in effect: its day is past
	a.MustRecord(t, "checkpoints", map[string]any{"student": p.GetString("student"), "date": meeting.AddDate(0, 0, 1)})

	page := teacher.Get(companyPath(p, ""))
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, "Bilan en lecture seule")
	require.Contains(t, page.Body, "Bilan entreprise verrouillé : la date de l&#39;entretien")
	require.Contains(t, page.Body, `<fieldset class="review-fields" disabled>`)
	require.NotContains(t, page.Body, "hx-post")
	require.NotContains(t, page.Body, "Enregistrer le bilan")

	r := choose(teacher, p, "niveau:C1.2", "1", 1)
	require.Equal(t, http.StatusConflict, r.Status, r.Body)
	require.Contains(t, r.Body, "verrouillé")
	r = teacher.PostForm(companyPath(p, ""), map[string][]string{"niveau:C1.2": {"1"}, "v:niveau:C1.2": {"1"}})
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "verrouillé")

	// The REST API, as the demo's superuser.
	token := superuserToken(t, a)
	for _, method := range []string{http.MethodPatch, http.MethodDelete} {
		req, err := http.NewRequest(method, a.URL+"/api/collections/company_reviews/records/"+rev.Id,
			strings.NewReader(`{"comment": "changé par l'API", "meeting_date": "2030-01-01 00:00:00.000Z"}`))
		require.NoError(t, err)
		req.Header.Set("Authorization", token)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		require.NotEqual(t, http.StatusOK, res.StatusCode, method)
		require.NotEqual(t, http.StatusNoContent, res.StatusCode, method)
		require.Contains(t, string(body), "verrouillé", method)
	}
	after := review(t, a, p)
	require.Equal(t, map[string]string{"C1.2": "3"}, jsonMap(t, after, "ratings"))
	require.Empty(t, after.GetString("comment"))
	require.Equal(t, meeting, after.GetDateTime("meeting_date").Time())
}

// A bilan not started yet is locked when it would be created locked: at the period's date of
// the bilans entreprise, before the latest checkpoint.
func TestCompanyReviewNotStartedIsLockedAsItWouldBeCreated(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "chloe.roux")
	period := a.MustFind(t, "periods", "id", p.GetString("period"))
	review := pfmp.EffectiveReviewDate(period.GetDateTime("review_date").Time(), period.GetDateTime("end").Time())
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	a.Clock.Set(review.AddDate(0, 0, 2)) // the checkpoints below are in effect: their days are past

	a.MustRecord(t, "checkpoints", map[string]any{"student": p.GetString("student"), "date": review})
	require.NotContains(t, teacher.Get(companyPath(p, "")).Body, "Bilan en lecture seule", "same day: not before, not locked")
	// A meeting date the lock would refuse is refused, the page stays as it is.
	r := choose(teacher, p, "date", review.AddDate(0, 0, -1).Format("2006-01-02"), 0)
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, `id="st-date"`)
	require.Contains(t, r.Body, "verrouillé")
	require.Empty(t, r.Header.Get("HX-Refresh"))
	a.MustRecord(t, "checkpoints", map[string]any{"student": p.GetString("student"), "date": review.AddDate(0, 0, 1)})
	require.Contains(t, teacher.Get(companyPath(p, "")).Body, "Bilan en lecture seule")
	require.Equal(t, http.StatusConflict, choose(teacher, p, "engagement", "2", 0).Status)
	n, err := a.PB.CountRecords("company_reviews")
	require.NoError(t, err)
	require.Zero(t, n)
}

func superuserToken(t *testing.T, a *apptest.App) string {
	t.Helper()
	res, err := http.Post(a.URL+"/api/collections/_superusers/auth-with-password", "application/json",
		strings.NewReader(`{"identity": "admin@demo.livret.fr", "password": "`+demo.Password+`-admin"}`))
	require.NoError(t, err)
	defer res.Body.Close()
	var out struct {
		Token string `json:"token"`
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&out))
	require.NotEmpty(t, out.Token)
	return out.Token
}
