package hooks

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
)

// registerPlannedLevels: an evaluation saved, changed or deleted, by any path, refreshes the
// levels of its student's planned bilans intermédiaires in the same transaction
// (dossier.RefreshPlannedCheckpoints); a bilan in effect keeps those it was recorded with.
func registerPlannedLevels(app core.App, now func() time.Time) {
	for _, collection := range []string{"school_evaluations", "company_reviews"} {
		refresh := unlessPurge(func(e *core.RecordEvent) error {
			if err := e.Next(); err != nil {
				return err
			}
			student, err := studentOfEvaluation(e.App, e.Record)
			if err != nil || student == "" {
				return err
			}
			return dossier.RefreshPlannedCheckpoints(e.App, student, now())
		})
		app.OnRecordCreate(collection).BindFunc(refresh)
		app.OnRecordUpdate(collection).BindFunc(refresh)
		app.OnRecordDelete(collection).BindFunc(refresh)
	}
}

// studentOfEvaluation is the student a school evaluation or a bilan entreprise is about.
func studentOfEvaluation(app core.App, r *core.Record) (string, error) {
	if r.Collection().Name == "school_evaluations" {
		return r.GetString("student"), nil
	}
	placement, err := app.FindRecordById("placements", r.GetString("placement"))
	if err != nil {
		return "", nil // its dossier is gone (deleted with it): nothing planned to refresh
	}
	return placement.GetString("student"), nil
}
