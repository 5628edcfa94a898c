package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Bilans intermédiaires with content: the level of each competence at the checkpoint's date
// (computed when it is recorded), and the teacher's adjustments with their justification.
func init() {
	m.Register(func(app core.App) error {
		checkpoints, err := app.FindCollectionByNameOrId("checkpoints")
		if err != nil {
			return err
		}
		checkpoints.Fields.Add(
			&core.JSONField{Name: "levels"},   // competence code -> level computed at the date
			&core.JSONField{Name: "adjusted"}, // competence code -> {level, reason, by, at}
		)
		return saveAll(app, checkpoints)
	}, func(app core.App) error {
		checkpoints, err := app.FindCollectionByNameOrId("checkpoints")
		if err != nil {
			return err
		}
		checkpoints.Fields.RemoveByName("levels")
		checkpoints.Fields.RemoveByName("adjusted")
		return app.Save(checkpoints)
	})
}
