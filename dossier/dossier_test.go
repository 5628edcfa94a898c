package dossier_test

import (
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/tools/cron"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

const e31 = "PFMP 1re MSPC — E31"

func store(a *apptest.App) *dossier.Store { return dossier.New(a.PB, a.Clock.Now) }

func TestLoadReadsPlacementPeriodAndStudent(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	d, err := store(a).Load(p.Id)
	require.NoError(t, err)
	require.Equal(t, p.Id, d.ID())
	require.Equal(t, e31, d.Period.GetString("name"))
	require.Equal(t, pfmp.KindE31, d.Period.Kind())
	require.Equal(t, "lucas.lambert", d.Student.GetString("username"))
	require.Equal(t, "Lucas LAMBERT", d.Student.FullName())
	require.NotEmpty(t, d.Period.Weeks())

	_, err = store(a).Load("nope")
	require.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err))
}

// A period created without a review date (the dashboard allows it) is reviewed on its last day.
func TestPeriodReviewDateFallsBackToItsLastDay(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	_, err := a.PB.DB().NewQuery("UPDATE periods SET review_date = '' WHERE id = {:id}").
		Bind(map[string]any{"id": p.GetString("period")}).Execute()
	require.NoError(t, err)
	d, err := store(a).Load(p.Id)
	require.NoError(t, err)
	require.Equal(t, d.Period.End(), d.Period.ReviewDate())
	row, err := store(a).PeriodRowByID(p.GetString("period"))
	require.NoError(t, err)
	require.Equal(t, d.Period.End(), row.ReviewDate())
}

// Each form writes its own fields only: a map save and a company save made from the same
// loaded dossier both stay.
func TestUpdatePlacementWritesOnlyItsFields(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	seen := dossier.Fingerprint(p, []string{"company_history"})

	_, err := s.UpdatePlacement(p.Id, dossier.PlacementEdit{Values: dossier.Fields{"lat": 49.44, "lng": 1.09}})
	require.NoError(t, err)
	_, err = s.UpdatePlacement(p.Id, dossier.PlacementEdit{Owned: []string{"company_history"}, Seen: seen,
		Values: dossier.Fields{"company_history": "Fondée en 1990."}})
	require.NoError(t, err)

	d, err := s.Load(p.Id)
	require.NoError(t, err)
	require.InDelta(t, 49.44, d.Placement.GetFloat("lat"), 1e-9)
	require.Equal(t, "Fondée en 1990.", d.Placement.GetString("company_history"))
}

// Two saves with the same version stamp: the second is refused (409), never silently applied.
func TestUpdatePlacementRefusesAStaleForm(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	owned := []string{"company_history"}
	seen := dossier.Fingerprint(p, owned)

	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i, text := range []string{"Premier onglet.", "Second onglet."} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = s.UpdatePlacement(p.Id, dossier.PlacementEdit{Owned: owned, Seen: seen,
				Values: dossier.Fields{"company_history": text}})
		}()
	}
	wg.Wait()
	ok, conflicts := 0, 0
	for _, err := range errs {
		if err == nil {
			ok++
		} else if pfmp.KindOf(err) == pfmp.ErrConflict {
			conflicts++
		}
	}
	require.Equal(t, 1, ok, "%v", errs)
	require.Equal(t, 1, conflicts, "%v", errs)
}

func TestSaveWeekChecksItsVersion(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	d, err := s.Load(p.Id)
	require.NoError(t, err)
	week := d.Period.Weeks()[2]

	w, err := s.SaveWeek(p.Id, week.Start, 0, map[string]string{"activities": "Graissage"})
	require.NoError(t, err)
	require.Equal(t, 1, w.Version())
	_, err = s.SaveWeek(p.Id, week.Start, 0, map[string]string{"activities": "Écrasé ?"})
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err))

	weeks, err := s.Weeks(p.Id)
	require.NoError(t, err)
	got := weeks[dossier.MondayOf(week.Start)]
	require.Equal(t, "Graissage", got.GetString("activities"))
	require.True(t, got.HasText())
}

// A grant is valid 180 days from its sending, renewed by a new sending, ended by revocation.
func TestGrantsFollowTheValidityRule(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	tutor := a.MustRecord(t, "users", map[string]any{"role": "tutor", "email": "tuteur@exemple.fr",
		"password": "secret-123", "first_name": "Tom", "last_name": "Tuteur"})
	valid := func() bool {
		t.Helper()
		gs, err := s.GrantsOf(tutor.Id, p.Id)
		require.NoError(t, err)
		require.Len(t, gs, 1, "one grant per tutor and dossier")
		return gs[0].Valid(a.Clock.Now())
	}

	g, err := s.IssueGrant(tutor.Id, p.Id, "hash-1")
	require.NoError(t, err)
	require.Equal(t, a.Clock.Now().Add(pfmp.GrantValidity).UTC(), g.Expires())
	require.True(t, valid())

	a.Clock.Set(a.Clock.Now().Add(pfmp.GrantValidity))
	require.False(t, valid(), "expired at its expiry instant")

	renewed, err := s.IssueGrant(tutor.Id, p.Id, "hash-2")
	require.NoError(t, err)
	require.Equal(t, g.Id, renewed.Id)
	require.True(t, valid())
	found, err := s.GrantByTokenHash("hash-2")
	require.NoError(t, err)
	require.Equal(t, g.Id, found.Id)
	old, err := s.GrantByTokenHash("hash-1")
	require.NoError(t, err)
	require.Nil(t, old, "a renewed grant no longer answers to its old token")

	require.NoError(t, s.RevokeGrant(g.Id))
	require.False(t, valid())
	gs, _ := s.GrantsOf(tutor.Id, p.Id)
	require.Equal(t, a.Clock.Now().UTC(), gs[0].GetDateTime("revoked_at").Time())

	require.NoError(t, s.RecordGrantUse(g.Id, a.Clock.Now(), "192.0.2.1"))
	gs, _ = s.GrantsOf(tutor.Id, p.Id)
	require.Equal(t, 1, gs[0].GetInt("uses"))
}

// The checkpoints list counts what each locks with the same rule as the hook.
func TestCheckpointsCountWhatTheyLock(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	rows, err := store(a).Checkpoints(200)
	require.NoError(t, err)
	require.NotEmpty(t, rows)
	for _, r := range rows {
		require.Equal(t, 1, r.Locks, "the demo's checkpoints each lock the first 2de period")
		require.False(t, r.Planned)
		require.False(t, r.Correctable, "in effect and locking: administrators only")
	}
}

// A checkpoint planned for a later day locks nothing until its day, in every query.
func TestAPlannedCheckpointLocksFromItsDay(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	period := a.MustFind(t, "periods", "name", e31)
	lucas := a.MustFind(t, "users", "username", "lucas.lambert")
	on := period.GetDateTime("end").Time().AddDate(0, 0, 7)
	cp := a.MustRecord(t, "checkpoints", map[string]any{"student": lucas.Id, "date": on, "label": "Bilan de printemps"})

	row, err := s.PeriodRowByID(period.Id)
	require.NoError(t, err)
	require.False(t, row.Locked(), "planned: locks nothing yet")
	latest, err := dossier.LatestCheckpoint(a.PB, lucas.Id, a.Clock.Now())
	require.NoError(t, err)
	require.True(t, latest.IsZero())
	latest, err = dossier.LatestCheckpointOfPeriod(a.PB, period.Id, "", a.Clock.Now())
	require.NoError(t, err)
	require.True(t, latest.IsZero())
	c, err := s.CheckpointByID(cp.Id)
	require.NoError(t, err)
	require.True(t, c.Planned)
	require.True(t, c.Correctable)
	require.Equal(t, 1, c.Locks, "what it will lock on its day")

	a.Clock.Set(on.Add(7 * time.Hour)) // its day, in the morning
	row, err = s.PeriodRowByID(period.Id)
	require.NoError(t, err)
	require.True(t, row.Locked())
	latest, err = dossier.LatestCheckpoint(a.PB, lucas.Id, a.Clock.Now())
	require.NoError(t, err)
	require.Equal(t, on, latest)
	c, err = s.CheckpointByID(cp.Id)
	require.NoError(t, err)
	require.False(t, c.Planned)
	require.False(t, c.Correctable)
}

func TestAttachmentsStopAtTheLimitEvenConcurrently(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	var wg sync.WaitGroup
	for i := 0; i < pfmp.MaxAttachments+5; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = s.AddAttachment(p.Id, dossier.Fields{"title": "Lien", "kind": "link", "url": "https://exemple.fr/"})
		}()
	}
	wg.Wait()
	rows, err := s.AttachmentRows(p.Id)
	require.NoError(t, err)
	require.Len(t, rows, pfmp.MaxAttachments)
}

func TestReportsKeepTheirVersionAndSelection(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	r, err := s.CreateReport(p.Id, dossier.Fields{"title": "Changement de courroie", "wo_date": time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	_, err = s.SelectReport(r.Id, true)
	require.NoError(t, err)
	_, err = s.UpdateReport(r.Id, 1, dossier.Fields{"title": "Courroie changée"})
	require.NoError(t, err, "selecting does not move the version")
	_, err = s.UpdateReport(r.Id, 1, dossier.Fields{"title": "Trop tard"})
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err))
	got, err := s.Report(p.Id, r.Id)
	require.NoError(t, err)
	require.Equal(t, "Courroie changée", got.GetString("title"))
	require.True(t, got.GetBool("selected"))
	_, err = s.Report("another-placement", r.Id)
	require.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err))
	n, err := s.CountReports(p.Id)
	require.NoError(t, err)
	require.GreaterOrEqual(t, n.Selected, 1)
}

// The planner's statistics exist once refreshed: the student query then uses its indexes.
// STAT4's samples are not kept (they made SQLite plan kept statements again at each run).
func TestRefreshStatisticsFillsThePlannerTables(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	require.NoError(t, dossier.RefreshStatistics(a.PB))
	var n int
	require.NoError(t, a.PB.DB().NewQuery("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'placements'").Row(&n))
	require.Positive(t, n)
	require.NoError(t, a.PB.DB().NewQuery("SELECT COUNT(*) FROM sqlite_stat4").Row(&n))
	require.Zero(t, n, "no samples")
	require.NoError(t, dossier.RefreshStatistics(a.PB), "again, on statistics already there")
}

// The statistics are refreshed every night, after PocketBase's own optimisation.
func TestStatisticsKeptEveryNight(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	dossier.KeepStatistics(a.PB)
	i := slices.IndexFunc(a.PB.Cron().Jobs(), func(j *cron.Job) bool { return j.Id() == dossier.StatisticsJob })
	require.GreaterOrEqual(t, i, 0)
	require.Equal(t, "30 0 * * *", a.PB.Cron().Jobs()[i].Expression())
}

// The diploma comes from the référentiel the migrations seed: the manual's level names, the
// kinds each level offers.
func TestDiplomaFromTheReferentiel(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	d, err := store(a).Diploma()
	require.NoError(t, err)
	require.Equal(t, "2de Bac Pro famille des métiers PMIA", d.LevelName(pfmp.Level2de))
	require.Equal(t, "Terminale Bac Pro MSPC", d.LevelName(pfmp.LevelTle))
	require.Equal(t, []pfmp.Kind{pfmp.KindP1, pfmp.KindP2, pfmp.KindAutre}, d.KindsOf(pfmp.Level2de))
	require.Equal(t, []pfmp.Kind{pfmp.KindP2, pfmp.KindAutre}, d.KindsOf(pfmp.Level1re))
	require.Equal(t, []pfmp.Kind{pfmp.KindP2, pfmp.KindAutre, pfmp.KindE31, pfmp.KindE33}, d.KindsOf(pfmp.LevelTle))
}

// The parsed diploma is kept, and read again once its row changes.
func TestDiplomaIsReadAgainWhenItChanges(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	s := store(a)
	d, err := s.Diploma()
	require.NoError(t, err)
	require.Equal(t, "MSPC", d.Short)
	row := a.MustFind(t, "diplomas", "short", "MSPC")
	row.Set("short", "MSPC2")
	require.NoError(t, a.PB.Save(row))
	d, err = s.Diploma()
	require.NoError(t, err)
	require.Equal(t, "MSPC2", d.Short)
}

// The competences are kept, read again once one changes, and each caller gets its own copy.
func TestCompetencesAreReadAgainWhenOneChanges(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	s := store(a)
	first, err := s.Competences()
	require.NoError(t, err)
	label := first[0].Label
	first[0].Label = "changé par un appelant"
	again, err := s.Competences()
	require.NoError(t, err)
	require.Equal(t, label, again[0].Label, "a caller's change stays its own")

	row := a.MustFind(t, "competences", "code", again[0].Code)
	row.Set("label", "Nouvel intitulé")
	require.NoError(t, a.PB.Save(row))
	again, err = s.Competences()
	require.NoError(t, err)
	require.Equal(t, "Nouvel intitulé", again[0].Label)
}

// A bilan's history is read in order through its index, the saves of the record not sorted
// again on every save of the form.
func TestHistoryReadInIndexOrder(t *testing.T) {
	t.Parallel()
	plan := queryPlan(t, apptest.MustStart(t), `SELECT a.created FROM audit_log a
		LEFT JOIN users u ON u.id = a.actor
		WHERE a.collection = 'company_reviews' AND a.record = 'x' ORDER BY a.created DESC, a.rowid DESC LIMIT 500`)
	for _, step := range plan {
		require.NotContains(t, step, "TEMP B-TREE", "plan: %v", plan)
	}
	require.Contains(t, plan[0], "idx_audit_log_collection_record")
}

// queryPlan is SQLite's plan for query, a step per line.
func queryPlan(t *testing.T, a *apptest.App, query string) []string {
	t.Helper()
	var steps []struct {
		Detail string `db:"detail"`
	}
	require.NoError(t, a.PB.DB().NewQuery("EXPLAIN QUERY PLAN "+query).All(&steps))
	require.NotEmpty(t, steps)
	plan := make([]string, len(steps))
	for i, s := range steps {
		plan[i] = s.Detail
	}
	return plan
}

// A level's periods of one school year are found through the (level, start) index, not by
// reading every level's periods of the year.
func TestPeriodsOfALevelUseTheirIndex(t *testing.T) {
	t.Parallel()
	plan := queryPlan(t, apptest.MustStartDemo(t), `SELECT p.id FROM periods p
		WHERE p.level = '1re' AND p.start >= '2025-08-01' AND p.start < '2026-08-01'`)
	require.Contains(t, plan[0], "idx_periods_level_start")
}

// The school years of a level: from the first and last periods' when they are adjacent, by a
// seek per year when other years lie between (one may hold none, one may hold several).
func TestSchoolYearsOfLevel(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		starts []string
		want   []pfmp.SchoolYear
	}{
		{"none", nil, nil},
		{"one year", []string{"2025-09-15", "2026-03-02"}, []pfmp.SchoolYear{2025}},
		{"two years", []string{"2024-10-07", "2025-09-15", "2026-05-04"}, []pfmp.SchoolYear{2025, 2024}},
		{"a gap", []string{"2022-11-14", "2025-09-15"}, []pfmp.SchoolYear{2025, 2022}},
		{"three years", []string{"2023-08-01", "2024-07-31", "2025-01-06", "2025-08-01"}, []pfmp.SchoolYear{2025, 2024, 2023}},
		{"gaps and full years", []string{"2019-09-02", "2021-09-01", "2022-10-03", "2022-11-07", "2023-05-02", "2024-03-04",
			"2025-09-15"}, []pfmp.SchoolYear{2025, 2023, 2022, 2021, 2019}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			a := apptest.MustStart(t)
			for i, start := range c.starts {
				day, err := time.Parse(time.DateOnly, start)
				require.NoError(t, err)
				a.MustRecord(t, "periods", map[string]any{"name": "PFMP " + strconv.Itoa(i), "level": "1re",
					"kind": "P2", "start": day, "end": day.AddDate(0, 0, 25), "review_date": day.AddDate(0, 0, 25)})
			}
			a.MustRecord(t, "periods", map[string]any{"name": "Autre niveau", "level": "2de", "kind": "P1",
				"start": time.Date(2019, 10, 7, 0, 0, 0, 0, time.UTC), "end": time.Date(2019, 11, 1, 0, 0, 0, 0, time.UTC),
				"review_date": time.Date(2019, 11, 1, 0, 0, 0, 0, time.UTC)})
			years, err := store(a).SchoolYearsOfLevel(pfmp.Level1re)
			require.NoError(t, err)
			require.Equal(t, c.want, years)
		})
	}
}
