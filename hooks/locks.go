package hooks

import (
	"net/http"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// registerLocks enforces the dated locks: a period whose bilans-entreprise date is before the
// latest checkpoint of its students, and a bilan entreprise whose meeting is before its
// student's latest checkpoint, can no longer change — whoever asks, by whatever path.
func registerLocks(app core.App) {
	periodGuard := func(e *core.RecordEvent) error {
		// the stored state decides, not the one being written (see stored)
		if err := periodLocked(e.App, stored(e.App, e.Record)); err != nil {
			return err
		}
		return e.Next()
	}
	app.OnRecordUpdate("periods").BindFunc(periodGuard)
	app.OnRecordDelete("periods").BindFunc(periodGuard)

	placementGuard := func(e *core.RecordEvent) error {
		period, err := e.App.FindRecordById("periods", e.Record.GetString("period"))
		if err == nil {
			if err := periodLocked(e.App, period); err != nil {
				return err
			}
		}
		return e.Next()
	}
	app.OnRecordCreate("placements").BindFunc(placementGuard)
	app.OnRecordDelete("placements").BindFunc(placementGuard)

	reviewGuard := func(e *core.RecordEvent) error {
		if err := reviewLocked(e.App, e.Record); err != nil {
			return err
		}
		return e.Next()
	}
	app.OnRecordCreate("company_reviews").BindFunc(reviewGuard)
	app.OnRecordUpdate("company_reviews").BindFunc(reviewGuard)
	app.OnRecordDelete("company_reviews").BindFunc(reviewGuard)
}

// periodLocked refuses a change to a locked period with a 409 and a French message.
func periodLocked(app core.App, period *core.Record) error {
	var latest types.DateTime
	err := app.DB().NewQuery(`SELECT COALESCE(MAX(k.date), '') FROM placements pl
		JOIN checkpoints k ON k.student = pl.student WHERE pl.period = {:id}`).
		Bind(dbx.Params{"id": period.Id}).Row(&latest)
	if err != nil {
		return err
	}
	review := reviewDate(period)
	if pfmp.PeriodLocked(review, []time.Time{latest.Time()}) {
		return router.NewApiError(http.StatusConflict, pfmp.PeriodLockMessage(review, latest.Time()), nil)
	}
	return nil
}

// reviewLocked checks both the stored and the new meeting date of a bilan entreprise, so a
// locked review can neither change nor be moved out of the lock.
func reviewLocked(app core.App, review *core.Record) error {
	placement, err := app.FindRecordById("placements", review.GetString("placement"))
	if err != nil {
		return nil // the relation field's own validation reports it
	}
	var latest types.DateTime
	err = app.DB().NewQuery(`SELECT COALESCE(MAX(date), '') FROM checkpoints WHERE student = {:s}`).
		Bind(dbx.Params{"s": placement.GetString("student")}).Row(&latest)
	if err != nil {
		return err
	}
	for _, r := range []*core.Record{stored(app, review), review} {
		meeting := r.GetDateTime("meeting_date").Time()
		if pfmp.ReviewLocked(meeting, latest.Time()) {
			return router.NewApiError(http.StatusConflict, pfmp.ReviewLockMessage(meeting, latest.Time()), nil)
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

// reviewDate is the date of a period's bilans entreprise, its last day when not set.
func reviewDate(period *core.Record) time.Time {
	if d := period.GetDateTime("review_date"); !d.IsZero() {
		return d.Time()
	}
	return period.GetDateTime("end").Time()
}
