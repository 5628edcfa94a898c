package hooks

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"livret/dossier"
	"livret/pfmp"
)

// registerLocks enforces the dated locks: a period whose bilans-entreprise date is before the
// latest checkpoint in effect of its students, and a bilan entreprise whose meeting is before
// its student's latest checkpoint in effect, can no longer change — whoever asks, by whatever
// path. The stored state decides (see stored); now says which checkpoints are in effect (see
// pfmp.CheckpointInEffect, and checkpoints.go for what may change a checkpoint).
func registerLocks(app core.App, now func() time.Time) {
	l := locks{now: now}
	app.OnRecordUpdate("periods").BindFunc(guard(l.periodUpdate))
	app.OnRecordDelete("periods").BindFunc(guard(func(app core.App, r *core.Record) error {
		return l.periodLocked(app, stored(app, r), "")
	}))
	app.OnRecordCreate("placements").BindFunc(guard(l.placementChange))
	app.OnRecordUpdate("placements").BindFunc(guard(l.placementChange))
	app.OnRecordDelete("placements").BindFunc(unlessPurge(guard(func(app core.App, r *core.Record) error {
		return l.placementPeriodLocked(app, stored(app, r))
	})))
	app.OnRecordCreate("company_reviews").BindFunc(guard(l.reviewLocked))
	app.OnRecordUpdate("company_reviews").BindFunc(guard(l.reviewLocked))
	app.OnRecordDelete("company_reviews").BindFunc(unlessPurge(guard(l.reviewLocked)))
}

// unlessPurge lets a purge's delete through a lock: the locks keep evaluations from changing,
// not from the deletion of a leaver's data once the school's retention ran out. The one way
// through is dossier.PurgeContext, which only dossier.Purge sets (see dossier/purge.go).
func unlessPurge(h func(*core.RecordEvent) error) func(*core.RecordEvent) error {
	return func(e *core.RecordEvent) error {
		if dossier.Purging(e.Context) {
			return e.Next()
		}
		return h(e)
	}
}

// locks holds the clock the dated locks are read at.
type locks struct{ now func() time.Time }

// guard turns a check into a record hook.
func guard(check func(core.App, *core.Record) error) func(*core.RecordEvent) error {
	return func(e *core.RecordEvent) error {
		if err := check(e.App, e.Record); err != nil {
			return err
		}
		return e.Next()
	}
}

// periodUpdate refuses any change to a locked period, except clearing its references to an
// annexe or an author that is being deleted (PocketBase does that by cascade).
func (l locks) periodUpdate(app core.App, r *core.Record) error {
	old := stored(app, r)
	if onlyCleared(old, r, "annexe", "author") {
		return nil
	}
	return l.periodLocked(app, old, "")
}

// placementChange: opening, moving or deleting a dossier changes its period, so the period's
// lock applies — to its stored and its new period, counting the student being added.
func (l locks) placementChange(app core.App, r *core.Record) error {
	old := stored(app, r)
	if !r.IsNew() && old.GetString("period") == r.GetString("period") &&
		old.GetString("student") == r.GetString("student") {
		return nil // the dossier's own content: not the period's parameters
	}
	if err := l.placementPeriodLocked(app, old); err != nil {
		return err
	}
	return l.placementPeriodLocked(app, r)
}

// placementPeriodLocked applies the lock of a dossier's period, counting its student.
func (l locks) placementPeriodLocked(app core.App, p *core.Record) error {
	period, err := app.FindRecordById("periods", p.GetString("period"))
	if err != nil {
		return nil // the relation field's own validation reports it
	}
	return l.periodLocked(app, period, p.GetString("student"))
}

// periodLocked refuses a change to a locked period with a 409 and a French message; student,
// when set, counts as one of its students (one being added).
func (l locks) periodLocked(app core.App, period *core.Record, student string) error {
	latest, err := dossier.LatestCheckpointOfPeriod(app, period.Id, student, l.now())
	if err != nil {
		return err
	}
	review := reviewDate(period)
	if pfmp.PeriodLocked(review, []time.Time{latest}) {
		return conflict(pfmp.PeriodLockMessage(review, latest))
	}
	return nil
}

// reviewLocked checks a bilan entreprise as stored and as written (date and student), so a
// locked review can neither change nor be moved out of the lock.
func (l locks) reviewLocked(app core.App, review *core.Record) error {
	for _, r := range []*core.Record{stored(app, review), review} {
		placement, err := app.FindRecordById("placements", r.GetString("placement"))
		if err != nil {
			continue // the relation field's own validation reports it
		}
		latest, err := dossier.LatestCheckpoint(app, placement.GetString("student"), l.now())
		if err != nil {
			return err
		}
		meeting := r.GetDateTime("meeting_date").Time()
		if pfmp.ReviewLocked(meeting, latest) {
			return conflict(pfmp.ReviewLockMessage(meeting, latest))
		}
	}
	return nil
}

// stored is the record as the database holds it: Record.Original() is empty for a record
// created in this process, so it cannot be trusted on every path.
func stored(app core.App, r *core.Record) *core.Record {
	if r.IsNew() {
		return r
	}
	if fresh, err := app.FindRecordById(r.Collection(), r.Id); err == nil {
		return fresh
	}
	return r
}

// onlyCleared reports whether the only changes from old to r empty some of the named fields.
func onlyCleared(old, r *core.Record, fields ...string) bool {
	for _, f := range r.Collection().Fields {
		name := f.GetName()
		if name == "updated" || fmt.Sprint(old.Get(name)) == fmt.Sprint(r.Get(name)) {
			continue
		}
		if !slices.Contains(fields, name) || r.GetString(name) != "" {
			return false
		}
	}
	return true
}

// reviewDate is the date of a period's bilans entreprise (pfmp.EffectiveReviewDate).
func reviewDate(period *core.Record) time.Time {
	return pfmp.EffectiveReviewDate(period.GetDateTime("review_date").Time(), period.GetDateTime("end").Time())
}

func conflict(msg string) error { return router.NewApiError(http.StatusConflict, msg, nil) }
