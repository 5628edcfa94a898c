package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The "Vue par périodes" lists a level's periods of one school year: an index on (level,
// start) finds them at once, where the start index alone read every level's periods of the
// year (a hundred in a big school) to keep a few.
func init() {
	m.Register(func(app core.App) error {
		periods, err := app.FindCollectionByNameOrId("periods")
		if err != nil {
			return err
		}
		idx(periods, "level_start", false, "`level`, `start`", "")
		return app.Save(periods)
	}, func(app core.App) error {
		periods, err := app.FindCollectionByNameOrId("periods")
		if err != nil {
			return err
		}
		periods.RemoveIndex("idx_periods_level_start")
		return app.Save(periods)
	})
}
