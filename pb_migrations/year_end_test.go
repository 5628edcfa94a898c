package migrations

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"
)

// The year-end's collections are superuser-only, an archive's file is protected, and a school
// year is closed once.
func TestYearEndSchema(t *testing.T) {
	t.Parallel()
	app := MustApp(t)
	for name, fields := range map[string][]string{
		"school_settings": {"retention_months", "updated_by"},
		"archives":        {"student", "school_year", "file", "size", "class_name"},
		"year_closings":   {"school_year", "actor", "counts"},
	} {
		col := mustCollection(t, app, name)
		for _, f := range fields {
			require.NotNil(t, col.Fields.GetByName(f), "%s.%s", name, f)
		}
		require.Nil(t, col.ListRule, name)
		require.Nil(t, col.ViewRule, name)
		require.Nil(t, col.CreateRule, name)
		require.Nil(t, col.UpdateRule, name)
		require.Nil(t, col.DeleteRule, name)
	}
	require.True(t, mustCollection(t, app, "archives").Fields.GetByName("file").(*core.FileField).Protected)
	require.NotNil(t, mustCollection(t, app, "users").Fields.GetByName("left_at"))
	require.Nil(t, mustCollection(t, app, "archives").Fields.GetByName("available_until"),
		"no stored purge date: it is computed from left_at and the retention in force")

	MustCreate(t, app, "year_closings", map[string]any{"school_year": 2025})
	twice := core.NewRecord(mustCollection(t, app, "year_closings"))
	twice.Set("school_year", 2025)
	require.Error(t, app.Save(twice), "one closing per school year")
}
