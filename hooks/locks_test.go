package hooks_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// lockFixture is a period (review on 14 March) with one student and one placement.
func lockFixture(t *testing.T) (*apptest.App, *core.Record, *core.Record, *core.Record) {
	a := apptest.MustStart(t)
	student := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "eleve", "password": "secret-123"})
	period := a.MustRecord(t, "periods", map[string]any{"name": "PFMP", "level": "2de", "kind": "P2",
		"start": day("2025-02-24"), "end": day("2025-03-14"), "review_date": day("2025-03-14")})
	placement := a.MustRecord(t, "placements", map[string]any{"period": period.Id, "student": student.Id})
	return a, student, period, placement
}

func requireConflict(t *testing.T, err error, words string) {
	t.Helper()
	var ae *router.ApiError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, http.StatusConflict, ae.Status)
	require.Contains(t, ae.Message, words)
}

func TestPeriodLockFollowsTheLatestCheckpoint(t *testing.T) {
	cases := []struct {
		checkpoint string
		locked     bool
	}{
		{"2025-03-13", false}, // checkpoint before the bilans: still open
		{"2025-03-14", false}, // same day: not "before"
		{"2025-03-15", true},  // checkpoint after the bilans: locked
	}
	for _, c := range cases {
		t.Run(c.checkpoint, func(t *testing.T) {
			a, student, period, placement := lockFixture(t)
			a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day(c.checkpoint)})

			period.Set("name", "PFMP renommée")
			err := a.PB.Save(period)
			if !c.locked {
				require.NoError(t, err)
				return
			}
			requireConflict(t, err, "Période verrouillée")
			requireConflict(t, a.PB.Delete(period), "Période verrouillée")
			requireConflict(t, a.PB.Delete(placement), "Période verrouillée")
			fresh, _ := a.PB.FindRecordById("periods", period.Id)
			require.Equal(t, "PFMP", fresh.GetString("name"), "nothing half-written")
		})
	}
}

func TestLockedPeriodRefusedThroughTheRESTAPI(t *testing.T) {
	a, student, period, _ := lockFixture(t)
	a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-20")})
	su := a.MustRecord(t, core.CollectionNameSuperusers, map[string]any{"email": "admin@ecole.fr", "password": "admin-secret-1"})
	tok, err := su.NewAuthToken()
	require.NoError(t, err)
	c := a.NewClient(t)

	patch := c.Do(http.MethodPatch, "/api/collections/periods/records/"+period.Id,
		strings.NewReader(`{"review_date":"2025-04-01 00:00:00.000Z"}`), "application/json", "Authorization", tok)
	require.Equal(t, http.StatusConflict, patch.Status, patch.Body)
	require.Contains(t, patch.Body, "Période verrouillée")

	del := c.Do(http.MethodDelete, "/api/collections/periods/records/"+period.Id, nil, "", "Authorization", tok)
	require.Equal(t, http.StatusConflict, del.Status)
	_, err = a.PB.FindRecordById("periods", period.Id)
	require.NoError(t, err, "still there")
}

func TestCompanyReviewLock(t *testing.T) {
	a, student, _, placement := lockFixture(t)
	review := a.MustRecord(t, "company_reviews", map[string]any{"placement": placement.Id,
		"meeting_date": day("2025-03-14"), "comment": "Bon stage"})
	a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-20")})

	review.Set("comment", "Modifié")
	requireConflict(t, a.PB.Save(review), "Bilan entreprise verrouillé")
	review.Set("meeting_date", day("2025-03-25")) // moving it out of the lock is a change too
	requireConflict(t, a.PB.Save(review), "Bilan entreprise verrouillé")
	requireConflict(t, a.PB.Delete(review), "Bilan entreprise verrouillé")
}

func TestCompanyReviewAfterCheckpointStaysOpen(t *testing.T) {
	a, student, _, placement := lockFixture(t)
	a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-10")})
	review := a.MustRecord(t, "company_reviews", map[string]any{"placement": placement.Id,
		"meeting_date": day("2025-03-14")})
	review.Set("comment", "Complété")
	require.NoError(t, a.PB.Save(review))
}
