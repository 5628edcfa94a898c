package hooks_test

import (
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// stampFixture is a fresh placement (no portfolio yet) of a period that is not locked.
func stampFixture(t *testing.T) (*apptest.App, *core.Record) {
	t.Helper()
	a := apptest.MustStart(t)
	student := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "eleve", "password": "secret-123"})
	period := a.MustRecord(t, "periods", map[string]any{"name": "PFMP", "level": "1re", "kind": "P2",
		"start": day("2026-03-02"), "end": day("2026-03-27"), "review_date": day("2026-03-27")})
	placement := a.MustRecord(t, "placements", map[string]any{"period": period.Id, "student": student.Id})
	return a, placement
}

func stampOf(t *testing.T, a *apptest.App, placementID string) string {
	t.Helper()
	p, err := a.PB.FindRecordById("placements", placementID)
	require.NoError(t, err)
	return p.GetString("portfolio_edited")
}

func TestFirstEditStampOnThePlacementItself(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		change  func(p *core.Record)
		stamped bool
	}{
		{"company presentation", func(p *core.Record) { p.Set("company_history", "Fondée en 1998.") }, true},
		{"number of employees", func(p *core.Record) { p.Set("employees", 12) }, true},
		{"map position", func(p *core.Record) { p.Set("lat", 49.44); p.Set("lng", 1.09) }, true},
		{"org chart", func(p *core.Record) { p.Set("org_chart", map[string]any{"seq": 1, "roots": []any{}}) }, true},
		{"fiche de liaison only (a teacher may fill it)", func(p *core.Record) { p.Set("company_name", "ACME") }, false},
		{"same values as stored", func(p *core.Record) { p.Set("employees", 0) }, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, p := stampFixture(t) // p was created in this process: Original() is empty
			require.Empty(t, stampOf(t, a, p.Id))
			c.change(p)
			require.NoError(t, a.PB.Save(p))
			if c.stamped {
				require.NotEmpty(t, stampOf(t, a, p.Id))
			} else {
				require.Empty(t, stampOf(t, a, p.Id))
			}
		})
	}
}

func TestFirstEditStampIsSetOnceAndNeverReset(t *testing.T) {
	t.Parallel()
	a, p := stampFixture(t)
	p.Set("company_activity", "Conditionnement de parfums.")
	require.NoError(t, a.PB.Save(p))
	first := stampOf(t, a, p.Id)
	require.NotEmpty(t, first)

	fresh, err := a.PB.FindRecordById("placements", p.Id)
	require.NoError(t, err)
	fresh.Set("company_activity", "Autre chose.")
	require.NoError(t, a.PB.Save(fresh))
	require.Equal(t, first, stampOf(t, a, p.Id), "a later save keeps the first date")

	fresh.Set("portfolio_edited", "")
	require.NoError(t, a.PB.Save(fresh))
	require.Equal(t, first, stampOf(t, a, p.Id), "never reset, whoever asks")
}

func TestFirstEditStampFromThePortfolioCollections(t *testing.T) {
	t.Parallel()
	cases := []struct {
		col     string
		fields  map[string]any
		stamped bool
	}{
		{"journal_weeks", map[string]any{"week_start": day("2026-03-02"), "activities": "Rondes de surveillance."}, true},
		{"journal_weeks", map[string]any{"week_start": day("2026-03-09")}, false}, // an empty week row is not an edit
		{"interventions", map[string]any{"title": "Remplacement d'un roulement"}, true},
		{"attachments", map[string]any{"title": "Plan de l'atelier", "kind": "link", "url": "https://exemple.fr/plan"}, true},
	}
	for _, c := range cases {
		t.Run(c.col, func(t *testing.T) {
			a, p := stampFixture(t)
			c.fields["placement"] = p.Id
			a.MustRecord(t, c.col, c.fields)
			if c.stamped {
				require.NotEmpty(t, stampOf(t, a, p.Id))
			} else {
				require.Empty(t, stampOf(t, a, p.Id))
			}
		})
	}
}

func TestFirstEditStampWhenAnEmptyWeekIsFilledLater(t *testing.T) {
	t.Parallel()
	a, p := stampFixture(t)
	week := a.MustRecord(t, "journal_weeks", map[string]any{"placement": p.Id, "week_start": day("2026-03-02")})
	require.Empty(t, stampOf(t, a, p.Id))
	week.Set("liked", "Le travail en équipe.")
	require.NoError(t, a.PB.Save(week))
	require.NotEmpty(t, stampOf(t, a, p.Id))
}

func TestFirstEditStampInsideATransaction(t *testing.T) {
	t.Parallel()
	a, p := stampFixture(t)
	err := a.PB.RunInTransaction(func(tx core.App) error {
		col, err := tx.FindCollectionByNameOrId("interventions")
		if err != nil {
			return err
		}
		r := core.NewRecord(col)
		r.Set("placement", p.Id)
		r.Set("title", "Graissage")
		return tx.Save(r)
	})
	require.NoError(t, err)
	require.NotEmpty(t, stampOf(t, a, p.Id))
}

// The stamp is the app's clock (injected in tests), not the machine's.
func TestFirstEditStampUsesTheAppClock(t *testing.T) {
	t.Parallel()
	a, p := stampFixture(t)
	at := time.Date(2025, time.November, 4, 15, 4, 5, 0, time.UTC)
	a.Clock.Set(at)
	p.Set("company_history", "Fondée en 1998.")
	require.NoError(t, a.PB.Save(p))
	fresh, err := a.PB.FindRecordById("placements", p.Id)
	require.NoError(t, err)
	require.Equal(t, at, fresh.GetDateTime("portfolio_edited").Time())
}
