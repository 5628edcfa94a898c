package hooks

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
	"livret/pfmp"
)

// registerCheckpoints: a bilan intermédiaire takes effect on its day. Its teacher may change or
// delete it until then, or while it locks nothing (pfmp.CheckpointCorrectable). Past that,
// only an administrator corrects it, from the dashboard (PocketBase's REST API as a
// superuser), and every administrator's change is recorded in audit_log: who, when, the old
// and the new date.
func registerCheckpoints(app core.App, now func() time.Time) {
	r := checkpointRules{now: now}
	app.OnRecordUpdateRequest("checkpoints").BindFunc(markAdministrator)
	app.OnRecordDeleteRequest("checkpoints").BindFunc(markAdministrator)
	app.OnRecordUpdate("checkpoints").BindFunc(func(e *core.RecordEvent) error { return r.change(e, e.Record) })
	app.OnRecordDelete("checkpoints").BindFunc(unlessPurge(func(e *core.RecordEvent) error { return r.change(e, nil) }))
}

// correctedBy is the in-memory mark (never a column) of a checkpoint an administrator changes.
const correctedBy = "@corrected_by"

// markAdministrator marks a checkpoint changed through the REST API by a superuser, for the
// model hook. No one else reaches the API of this collection: its rules are superuser-only.
func markAdministrator(e *core.RecordRequestEvent) error {
	if e.HasSuperuserAuth() {
		e.Record.SetRaw(correctedBy, e.Auth)
	}
	return e.Next()
}

type checkpointRules struct{ now func() time.Time }

// change lets a teacher's change through while the checkpoint is correctable, and an
// administrator's always, recording it; next is the record as written, nil for a deletion.
func (r checkpointRules) change(e *core.RecordEvent, next *core.Record) error {
	old := stored(e.App, e.Record)
	admin, _ := e.Record.GetRaw(correctedBy).(*core.Record)
	if admin == nil {
		if next != nil && sameDay(old, next) {
			return e.Next() // its levels or label: not what it locks by
		}
		if err := r.correctable(e.App, old); err != nil {
			return err
		}
		return e.Next()
	}
	before := old.GetDateTime("date").Time()
	if err := e.Next(); err != nil {
		return err
	}
	return r.record(e.App, admin, e.Record.Id, old.GetString("student"), before, next)
}

// sameDay reports whether an update keeps the checkpoint's student and date, which decide
// what it locks.
func sameDay(old, next *core.Record) bool {
	return old.GetString("student") == next.GetString("student") &&
		old.GetDateTime("date").Equal(next.GetDateTime("date"))
}

// correctable refuses a change to a checkpoint in effect that locks something.
func (r checkpointRules) correctable(app core.App, old *core.Record) error {
	date, now := old.GetDateTime("date").Time(), r.now()
	if !pfmp.CheckpointInEffect(date, now) {
		return nil // planned: locks nothing yet
	}
	student := old.GetString("student")
	dates, err := dossier.LockDatesOf(app, student)
	if err != nil {
		return err
	}
	if n := dates[student].Locks(date); !pfmp.CheckpointCorrectable(date, now, n) {
		return conflict(pfmp.CheckpointHeldMessage(date, n))
	}
	return nil
}

// record writes an administrator's correction to audit_log, in the same transaction.
func (r checkpointRules) record(app core.App, admin *core.Record, id, student string, before time.Time, next *core.Record) error {
	action, after := "checkpoint.delete", ""
	if next != nil {
		action, after = "checkpoint.update", next.GetDateTime("date").Time().UTC().Format(time.RFC3339)
	}
	return dossier.Audit(app, "", action, "checkpoints", id, map[string]any{
		"by": admin.Email(), "superuser": admin.Id, "at": r.now().UTC().Format(time.RFC3339),
		"student": student, "old_date": before.UTC().Format(time.RFC3339), "new_date": after,
	})
}
