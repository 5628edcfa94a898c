package hooks

import (
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// registerMasters keeps the apprentice-master link sound on every path (administrators set it
// in the dashboard): it opens dossiers, so it must point from a student to a master.
func registerMasters(app core.App) {
	check := func(e *core.RecordEvent) error {
		if err := masterLinkRefusal(e.App, e.Record); err != nil {
			return err
		}
		return e.Next()
	}
	app.OnRecordCreate("users").BindFunc(check)
	app.OnRecordUpdate("users").BindFunc(check)
}

// masterLinkRefusal explains, in French, why a user's master link cannot be saved.
func masterLinkRefusal(app core.App, r *core.Record) error {
	id := r.GetString("master")
	if id == "" {
		return nil
	}
	var msg string
	if r.GetString("role") != "student" {
		msg = "Seul un apprenant peut être rattaché à un maître d'apprentissage."
	} else if m, err := app.FindRecordById("users", id); err != nil || m.GetString("role") != "master" {
		msg = "Le compte choisi n'est pas un compte « Maître d'apprentissage » (rôle master)."
	} else {
		return nil
	}
	return router.NewBadRequestError(msg, validation.Errors{"master": validation.NewError("validation_master", msg)})
}
