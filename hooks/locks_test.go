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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
	a, student, _, placement := lockFixture(t)
	a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-10")})
	review := a.MustRecord(t, "company_reviews", map[string]any{"placement": placement.Id,
		"meeting_date": day("2025-03-14")})
	review.Set("comment", "Complété")
	require.NoError(t, a.PB.Save(review))
}

func TestACheckpointInEffectThatLocksIsLeftToAdministrators(t *testing.T) {
	t.Parallel()
	a, student, period, _ := lockFixture(t)
	cp := a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-20")})

	requireConflict(t, a.PB.Delete(cp), "seul un administrateur")
	cp.Set("date", day("2025-03-10")) // earlier: would unlock
	requireConflict(t, a.PB.Save(cp), "verrouille 1 période")
	cp.Set("date", day("2025-04-01")) // later: still a change to the record
	requireConflict(t, a.PB.Save(cp), "seul un administrateur")
	other := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "autre", "password": "secret-123"})
	cp.Set("date", day("2025-03-20"))
	cp.Set("student", other.Id)
	requireConflict(t, a.PB.Save(cp), "seul un administrateur")
	period.Set("name", "Renommée")
	requireConflict(t, a.PB.Save(period), "Période verrouillée")

	// Its levels and its label are not what it locks by: the teacher still adjusts them.
	cp = a.MustFind(t, "checkpoints", "id", cp.Id)
	cp.Set("adjusted", map[string]any{"C1.1": map[string]string{"level": "3", "why": "Vu en atelier"}})
	cp.Set("label", "Bilan de mi-parcours")
	require.NoError(t, a.PB.Save(cp))
}

// TestAPlannedCheckpointLocksNothingUntilItsDay: a bilan intermédiaire dated after today is
// planned: the period stays open and the teacher may move or delete it; on its day it locks.
func TestAPlannedCheckpointLocksNothingUntilItsDay(t *testing.T) {
	t.Parallel()
	a, student, period, placement := lockFixture(t)
	a.Clock.Set(day("2025-03-11").Add(9 * time.Hour))
	cp := a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-04-20")})

	period.Set("name", "PFMP renommée")
	require.NoError(t, a.PB.Save(period), "planned: the period stays open")
	review := a.MustRecord(t, "company_reviews", map[string]any{"placement": placement.Id, "meeting_date": day("2025-03-14")})
	review.Set("comment", "Complété")
	require.NoError(t, a.PB.Save(review), "and its bilan entreprise too")
	cp.Set("date", day("2025-04-27"))
	require.NoError(t, a.PB.Save(cp), "a planned checkpoint can be moved")

	a.Clock.Set(day("2025-04-27").Add(7 * time.Hour)) // its day, in Paris
	period.Set("name", "Trop tard")
	requireConflict(t, a.PB.Save(period), "Période verrouillée")
	requireConflict(t, a.PB.Save(review), "Bilan entreprise verrouillé")
	requireConflict(t, a.PB.Delete(cp), "a pris effet le dimanche 27 avril 2025")

	planned := a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-06-30")})
	require.NoError(t, a.PB.Delete(planned), "a planned one mistyped is simply deleted")
}

// TestAnAdministratorCorrectsACheckpointFromTheDashboard: the dashboard's path (the REST API
// as a superuser) may correct a checkpoint in effect; each correction is recorded.
func TestAnAdministratorCorrectsACheckpointFromTheDashboard(t *testing.T) {
	t.Parallel()
	a, student, period, _ := lockFixture(t)
	cp := a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-20")})
	su := a.MustRecord(t, core.CollectionNameSuperusers, map[string]any{"email": "admin@ecole.fr", "password": "admin-secret-1"})
	tok, err := su.NewAuthToken()
	require.NoError(t, err)
	c := a.NewClient(t)

	patch := c.Do(http.MethodPatch, "/api/collections/checkpoints/records/"+cp.Id,
		strings.NewReader(`{"date":"2025-03-12 00:00:00.000Z"}`), "application/json", "Authorization", tok)
	require.Equal(t, http.StatusOK, patch.Status, patch.Body)
	require.Equal(t, day("2025-03-12"), a.MustFind(t, "checkpoints", "id", cp.Id).GetDateTime("date").Time())
	period.Set("name", "Rouverte")
	require.NoError(t, a.PB.Save(period), "the correction unlocked the period")

	entries, err := a.PB.FindAllRecords("audit_log")
	require.NoError(t, err)
	require.Len(t, entries, 1)
	e := entries[0]
	require.Equal(t, "checkpoint.update", e.GetString("action"))
	require.Equal(t, "checkpoints", e.GetString("collection"))
	require.Equal(t, cp.Id, e.GetString("record"))
	detail := map[string]any{}
	require.NoError(t, e.UnmarshalJSONField("detail", &detail))
	require.Equal(t, "admin@ecole.fr", detail["by"], "who")
	require.Equal(t, "2026-03-11T09:30:00Z", detail["at"], "when, on the app's clock")
	require.Equal(t, "2025-03-20T00:00:00Z", detail["old_date"])
	require.Equal(t, "2025-03-12T00:00:00Z", detail["new_date"])

	// Back after the bilans, then deleted: recorded too.
	cp = a.MustFind(t, "checkpoints", "id", cp.Id)
	patch = c.Do(http.MethodPatch, "/api/collections/checkpoints/records/"+cp.Id,
		strings.NewReader(`{"date":"2025-03-21 00:00:00.000Z"}`), "application/json", "Authorization", tok)
	require.Equal(t, http.StatusOK, patch.Status, patch.Body)
	del := c.Do(http.MethodDelete, "/api/collections/checkpoints/records/"+cp.Id, nil, "", "Authorization", tok)
	require.Equal(t, http.StatusNoContent, del.Status, del.Body)
	entries, err = a.PB.FindRecordsByFilter("audit_log", "action = 'checkpoint.delete'", "", 0, 0)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	require.NoError(t, entries[0].UnmarshalJSONField("detail", &detail))
	require.Equal(t, "2025-03-21T00:00:00Z", detail["old_date"])
	require.Equal(t, "", detail["new_date"])
}

func TestACheckpointThatLocksNothingCanBeCorrected(t *testing.T) {
	t.Parallel()
	a, student, _, _ := lockFixture(t)
	cp := a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-01")})
	cp.Set("date", day("2025-02-01"))
	require.NoError(t, a.PB.Save(cp))
	require.NoError(t, a.PB.Delete(cp))
}

func TestADossierCannotLeaveOrJoinALockedPeriod(t *testing.T) {
	t.Parallel()
	a, student, period, placement := lockFixture(t)
	a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-20")})
	open := a.MustRecord(t, "periods", map[string]any{"name": "PFMP ouverte", "level": "2de", "kind": "P2",
		"start": day("2025-05-05"), "end": day("2025-05-23")})

	placement.Set("period", open.Id)
	requireConflict(t, a.PB.Save(placement), "Période verrouillée")

	// A student whose latest checkpoint is after a period's bilans cannot be added to it either.
	late := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "tardif", "password": "secret-123"})
	a.MustRecord(t, "checkpoints", map[string]any{"student": late.Id, "date": day("2025-06-01")})
	col, err := a.PB.FindCollectionByNameOrId("placements")
	require.NoError(t, err)
	p := core.NewRecord(col)
	p.Set("period", open.Id)
	p.Set("student", late.Id)
	requireConflict(t, a.PB.Save(p), "Période verrouillée")
	require.Equal(t, period.Id, a.MustFind(t, "placements", "id", placement.Id).GetString("period"), "not moved")
}

func TestALockedReviewCannotBeMovedToAnotherStudent(t *testing.T) {
	t.Parallel()
	a, student, _, placement := lockFixture(t)
	review := a.MustRecord(t, "company_reviews", map[string]any{"placement": placement.Id,
		"meeting_date": day("2025-03-14")})
	a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-20")})
	other := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "autre", "password": "secret-123"})
	elsewhere := a.MustRecord(t, "periods", map[string]any{"name": "Autre", "level": "2de", "kind": "P2",
		"start": day("2025-05-05"), "end": day("2025-05-23")})
	otherPlacement := a.MustRecord(t, "placements", map[string]any{"period": elsewhere.Id, "student": other.Id})

	review.Set("placement", otherPlacement.Id)
	requireConflict(t, a.PB.Save(review), "Bilan entreprise verrouillé")
	require.Equal(t, placement.Id, a.MustFind(t, "company_reviews", "id", review.Id).GetString("placement"))
}

func TestDeletingAnAnnexeKeepsItsLockedPeriod(t *testing.T) {
	t.Parallel()
	a, student, period, _ := lockFixture(t)
	annexe := a.MustRecord(t, "annexes", map[string]any{"name": "Annexe", "level": "2de"})
	period.Set("annexe", annexe.Id)
	require.NoError(t, a.PB.Save(period))
	a.MustRecord(t, "checkpoints", map[string]any{"student": student.Id, "date": day("2025-03-20")})

	require.NoError(t, a.PB.Delete(annexe), "the cascade only clears the period's reference")
	kept, err := a.PB.FindRecordById("periods", period.Id)
	require.NoError(t, err)
	require.Empty(t, kept.GetString("annexe"))
	require.Equal(t, "PFMP", kept.GetString("name"))
}
