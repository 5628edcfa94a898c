package apptest

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

// MustRecord saves a new record of col with the given fields.
func (a *App) MustRecord(tb testing.TB, col string, fields map[string]any) *core.Record {
	tb.Helper()
	c, err := a.PB.FindCollectionByNameOrId(col)
	if err != nil {
		tb.Fatalf("collection %s: %v", col, err)
	}
	r := core.NewRecord(c)
	for k, v := range fields {
		r.Set(k, v)
	}
	if pw, ok := fields["password"].(string); ok {
		r.SetPassword(pw)
	}
	if err := a.PB.Save(r); err != nil {
		tb.Fatalf("save %s: %v", col, err)
	}
	return r
}

// MustFind loads one record by a field's value.
func (a *App) MustFind(tb testing.TB, col, field string, value any) *core.Record {
	tb.Helper()
	r, err := a.PB.FindFirstRecordByData(col, field, value)
	if err != nil {
		tb.Fatalf("find %s %s=%v: %v", col, field, value, err)
	}
	return r
}

// MustPlacement finds a student's dossier (by username) on a period (by name).
func (a *App) MustPlacement(tb testing.TB, period, username string) *core.Record {
	tb.Helper()
	p, err := a.PB.FindFirstRecordByFilter("placements", "period = {:p} && student = {:s}", map[string]any{
		"p": a.MustFind(tb, "periods", "name", period).Id, "s": a.MustFind(tb, "users", "username", username).Id})
	if err != nil {
		tb.Fatalf("placement of %s on %s: %v", username, period, err)
	}
	return p
}
