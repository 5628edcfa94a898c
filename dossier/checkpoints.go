package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// CheckpointRow is one bilan intermédiaire of the list, with what it locks.
type CheckpointRow struct {
	ID        string         `db:"id"`
	Student   string         `db:"student"`
	Date      types.DateTime `db:"date"`
	Label     string         `db:"label"`
	FirstName string         `db:"first_name"`
	LastName  string         `db:"last_name"`
	ClassName string         `db:"class_name"`
	Locks     int            `db:"-"` // periods and bilans it locks: then it cannot be deleted
}

// Checkpoints lists the latest bilans intermédiaires (at most limit), each with the number of
// periods and bilans entreprise it locks, in two queries.
func (s *Store) Checkpoints(limit int) ([]CheckpointRow, error) {
	var rows []CheckpointRow
	err := s.app.DB().NewQuery(`SELECT k.id, k.student, k.date, k.label, u.first_name, u.last_name,
		COALESCE(c.name, '') AS class_name
		FROM checkpoints k JOIN users u ON u.id = k.student
		LEFT JOIN classes c ON c.id = u.class ORDER BY k.date DESC, c.name, u.last_name LIMIT {:n}`).
		Bind(dbx.Params{"n": limit}).All(&rows)
	if err != nil || len(rows) == 0 {
		return rows, err
	}
	students := make([]string, len(rows))
	for i, r := range rows {
		students[i] = r.Student
	}
	dates, err := LockDatesOf(s.app, students...)
	for i := range rows {
		rows[i].Locks = dates[rows[i].Student].Locks(rows[i].Date.Time())
	}
	return rows, err
}

// LockDates are the dates a checkpoint of one student is compared with: the review dates of
// the student's periods and the meeting dates of the student's bilans entreprise.
type LockDates struct{ Reviews, Meetings []time.Time }

// Locks counts what a checkpoint dated cp locks among these (pfmp.CheckpointLocks).
func (d LockDates) Locks(cp time.Time) int { return pfmp.CheckpointLocks(cp, d.Reviews, d.Meetings) }

// LockDatesOf reads the lock dates of students, in two queries; app may be a transaction.
func LockDatesOf(app core.App, students ...string) (map[string]LockDates, error) {
	ids := make([]any, len(students))
	for i, s := range students {
		ids[i] = s
	}
	var periods []struct {
		Student string         `db:"student"`
		Review  types.DateTime `db:"review_date"`
		End     types.DateTime `db:"end"`
	}
	err := app.DB().Select("pl.student", "p.review_date", "p.end").From("placements pl").
		InnerJoin("periods p", dbx.NewExp("p.id = pl.period")).Where(dbx.In("pl.student", ids...)).All(&periods)
	if err != nil {
		return nil, err
	}
	var reviews []struct {
		Student string         `db:"student"`
		Meeting types.DateTime `db:"meeting_date"`
	}
	err = app.DB().Select("pl.student", "r.meeting_date").From("company_reviews r").
		InnerJoin("placements pl", dbx.NewExp("pl.id = r.placement")).Where(dbx.In("pl.student", ids...)).All(&reviews)
	out := map[string]LockDates{}
	for _, p := range periods {
		d := out[p.Student]
		d.Reviews = append(d.Reviews, pfmp.EffectiveReviewDate(p.Review.Time(), p.End.Time()))
		out[p.Student] = d
	}
	for _, r := range reviews {
		d := out[r.Student]
		d.Meetings = append(d.Meetings, r.Meeting.Time())
		out[r.Student] = d
	}
	return out, err
}

// LatestCheckpoint is the date of a student's latest checkpoint (zero when none).
func LatestCheckpoint(app core.App, student string) (time.Time, error) {
	var latest types.DateTime
	err := app.DB().NewQuery(`SELECT COALESCE(MAX(date), '') FROM checkpoints WHERE student = {:s}`).
		Bind(dbx.Params{"s": student}).Row(&latest)
	return latest.Time(), err
}

// LatestCheckpointOfPeriod is the latest checkpoint among a period's students, counting
// extraStudent (one being added) when not empty.
func LatestCheckpointOfPeriod(app core.App, periodID, extraStudent string) (time.Time, error) {
	var latest types.DateTime
	err := app.DB().NewQuery(`SELECT COALESCE(MAX(k.date), '') FROM checkpoints k
		WHERE k.student IN (SELECT pl.student FROM placements pl WHERE pl.period = {:id}) OR k.student = {:s}`).
		Bind(dbx.Params{"id": periodID, "s": extraStudent}).Row(&latest)
	return latest.Time(), err
}

// CreateCheckpoints records one bilan intermédiaire per student, in one transaction, each with
// the levels it takes into account (see checkpoint_levels.go).
func (s *Store) CreateCheckpoints(studentIDs []string, day time.Time, label, author string) error {
	levels, err := s.checkpointLevels(studentIDs, day)
	if err != nil {
		return err
	}
	return s.app.RunInTransaction(func(tx core.App) error {
		for _, id := range studentIDs {
			r, err := newRecord(tx, "checkpoints")
			if err != nil {
				return err
			}
			r.Set("student", id)
			r.Set("date", day)
			r.Set("label", label)
			r.Set("author", author)
			r.Set("levels", levels[id])
			if err := tx.Save(r); err != nil {
				return err
			}
		}
		return nil
	})
}
