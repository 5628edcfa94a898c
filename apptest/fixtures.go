package apptest

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"livret/demo"
)

// MustDemo seeds the demo school at the app's clock.
func (a *App) MustDemo(tb testing.TB) {
	tb.Helper()
	if _, err := demo.Seed(a.PB, a.Clock.Now()); err != nil {
		tb.Fatalf("demo: %v", err)
	}
}

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
