package dossier_test

import (
	"context"
	"database/sql"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

// The demo's Manon Girard has a company, a first week and one selected report: the export
// reads them all, with her class and the school's name.
func TestPortfolioReadsWhatTheExportShows(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	settings := a.PB.Settings()
	settings.Meta.AppName = "Lycée Gustave-Eiffel"
	require.NoError(t, a.PB.Save(settings))
	p := a.MustPlacement(t, e31, "manon.girard")
	p.Set("org_chart", `{"seq":2,"roots":[{"id":"n1","name":"Direction","children":[{"id":"n2","name":"Maintenance"}]}]}`)
	require.NoError(t, a.PB.Save(p))
	a.MustRecord(t, "attachments", map[string]any{"placement": p.Id, "title": "Fiche INRS", "kind": "link", "url": "https://www.inrs.fr/"})
	d, err := s.Load(p.Id)
	require.NoError(t, err)

	pf, err := s.Portfolio(d)
	require.NoError(t, err)
	assert.Equal(t, "1re MSPC", pf.Class)
	assert.Equal(t, "Lycée Gustave-Eiffel", pf.School)
	first := pf.Weeks[dossier.MondayOf(d.Period.Weeks()[0].Start)]
	require.NotNil(t, first, "the demo's first week")
	assert.Contains(t, first.GetString("activities"), "Accueil sécurité")
	require.Len(t, pf.Reports, 1)
	assert.Equal(t, "Remplacement des ressorts de tension de la thermoformeuse", pf.Reports[0].Title)
	assert.Equal(t, "Changement des ressorts", pf.Reports[0].Repairs)
	require.Len(t, pf.Attachments, 1)
	assert.Equal(t, "Fiche INRS", pf.Attachments[0].Title)
	entries := pf.OrgChart.Entries()
	require.Len(t, entries, 2)
	assert.Equal(t, "Maintenance", entries[1].Node.Name)
	assert.Equal(t, 2, entries[1].Depth)
	lat, _, ok := d.Placement.Position()
	assert.True(t, ok)
	assert.InDelta(t, 49.4431, lat, 1e-9)
	employees, staff := d.Placement.Headcounts()
	require.NotNil(t, employees)
	assert.Equal(t, 30, *employees)
	assert.Equal(t, 6, *staff)
}

// The selection rule applied to stored reports: the selected ones by work order date
// (undated last), or every report while none is selected.
func TestPortfolioReportsFollowTheSelection(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	report := func(title, date string, selected bool) {
		a.MustRecord(t, "interventions", map[string]any{"placement": p.Id, "title": title, "wo_date": date, "selected": selected})
	}
	report("Sans date", "", false)
	report("Mars", "2026-03-10", false)
	report("Février", "2026-02-10", false)
	titles := func() []string {
		d, err := s.Load(p.Id)
		require.NoError(t, err)
		pf, err := s.Portfolio(d)
		require.NoError(t, err)
		var out []string
		for _, r := range pf.Reports {
			out = append(out, r.Title)
		}
		return out
	}
	assert.Equal(t, []string{"Février", "Mars", "Sans date"}, titles(), "none selected: all of them")

	report("Choisie sans date", "", true)
	report("Choisie en janvier", "2026-01-05", true)
	assert.Equal(t, []string{"Choisie en janvier", "Choisie sans date"}, titles(), "only the selected ones")
}

// Reading a portfolio costs the same few queries with one report or fifty.
func TestPortfolioQueriesAreBounded(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	var queries atomic.Int32
	dbs := []*dbx.DB{a.PB.ConcurrentDB().(*dbx.DB), a.PB.NonconcurrentDB().(*dbx.DB)}
	count := func() int32 {
		d, err := s.Load(p.Id)
		require.NoError(t, err)
		queries.Store(0)
		for _, db := range dbs {
			db.QueryLogFunc = func(context.Context, time.Duration, string, *sql.Rows, error) { queries.Add(1) }
		}
		defer func() {
			for _, db := range dbs {
				db.QueryLogFunc = nil
			}
		}()
		_, err = s.Portfolio(d)
		require.NoError(t, err)
		return queries.Load()
	}
	a.MustRecord(t, "interventions", map[string]any{"placement": p.Id, "title": "Première"})
	one := count()
	for i := range 49 {
		a.MustRecord(t, "interventions", map[string]any{"placement": p.Id, "title": fmt.Sprintf("Rapport %d", i), "selected": true})
		a.MustRecord(t, "attachments", map[string]any{"placement": p.Id, "title": fmt.Sprintf("Lien %d", i), "kind": "link", "url": "https://a.example/"})
	}
	for _, w := range pfmp.Weeks(a.Clock.Now().AddDate(0, 0, -14), a.Clock.Now().AddDate(0, 0, 14)) {
		a.MustRecord(t, "journal_weeks", map[string]any{"placement": p.Id, "week_start": w.Start, "activities": "x"})
	}
	assert.Positive(t, one, "the queries are seen")
	assert.LessOrEqual(t, one, int32(4))
	assert.Equal(t, one, count())
}
