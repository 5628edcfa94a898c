package hooks

import (
	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
)

// registerAudit keeps the history of the evaluations: every create, update or delete of a
// bilan, by any path, writes one audit_log row with the fields it changed (old → new) and who
// made it — the user our pages name in the save's context, else an administrator (REST API,
// dashboard). The row is written in the same transaction as the save when there is one.
func registerAudit(app core.App) {
	for _, col := range dossier.ReviewCollections {
		app.OnRecordCreate(col).BindFunc(audited("create"))
		app.OnRecordUpdate(col).BindFunc(audited("update"))
		app.OnRecordDelete(col).BindFunc(unlessPurge(audited("delete"))) // a purge keeps no trace of the data
	}
}

func audited(action string) func(*core.RecordEvent) error {
	return func(e *core.RecordEvent) error {
		var old, now *core.Record
		switch action {
		case "create":
			now = e.Record
		case "update":
			old, now = stored(e.App, e.Record), e.Record
		case "delete":
			old = stored(e.App, e.Record)
		}
		changes, err := dossier.ReviewChanges(e.App, old, now)
		if err != nil {
			return err
		}
		if err := e.Next(); err != nil || len(changes) == 0 {
			return err
		}
		return dossier.WriteAudit(e.App, dossier.ActorFrom(e.Context), action, e.Record, changes)
	}
}
