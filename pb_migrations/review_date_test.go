package migrations

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Periods whose bilans were on their last day follow it from now on; a date set on purpose stays.
func TestReviewDateFollowsEnd(t *testing.T) {
	t.Parallel()
	app := MustApp(t)
	period := func(name, review string) string {
		return MustCreate(t, app, "periods", map[string]any{"name": name, "level": "1re", "kind": "P2",
			"start": "2025-09-08 00:00:00.000Z", "end": "2025-09-26 00:00:00.000Z", "review_date": review}).Id
	}
	byDefault, chosen, none := period("A", "2025-09-26 00:00:00.000Z"), period("B", "2025-09-30 00:00:00.000Z"), period("C", "")

	require.NoError(t, reviewDateFollowsEnd(app))
	review := func(id string) string {
		r, err := app.FindRecordById("periods", id)
		require.NoError(t, err)
		return r.GetString("review_date")
	}
	require.Empty(t, review(byDefault), "the last day: follows the end")
	require.Equal(t, "2025-09-30 00:00:00.000Z", review(chosen), "set on purpose: kept")
	require.Empty(t, review(none))
}
