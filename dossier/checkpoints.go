package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// CheckpointRow is one bilan intermédiaire of the list, with its state at the store's clock.
type CheckpointRow struct {
	ID        string         `db:"id"`
	Student   string         `db:"student"`
	Date      types.DateTime `db:"date"`
	Label     string         `db:"label"`
	FirstName string         `db:"first_name"`
	LastName  string         `db:"last_name"`
	ClassName string         `db:"class_name"`
	Planned   bool           `db:"-"` // not in effect yet (pfmp.CheckpointInEffect): locks nothing
	Locks     int            `db:"-"` // what it locks once in effect (or will lock on its day)
	// Correctable: its teacher may still change or delete it (pfmp.CheckpointCorrectable).
	Correctable bool `db:"-"`
}

const checkpointSelect = `SELECT k.id, k.student, k.date, k.label, u.first_name, u.last_name,
	COALESCE(c.name, '') AS class_name
	FROM checkpoints k JOIN users u ON u.id = k.student
	LEFT JOIN classes c ON c.id = u.class `

// Checkpoints lists the latest bilans intermédiaires (at most limit), each with its state and
// the number of periods and bilans entreprise it locks, in two queries.
func (s *Store) Checkpoints(limit int) ([]CheckpointRow, error) {
	var rows []CheckpointRow
	err := s.app.DB().NewQuery(checkpointSelect + `ORDER BY k.date DESC, c.name, u.last_name LIMIT {:n}`).
		Bind(dbx.Params{"n": limit}).All(&rows)
	if err != nil {
		return nil, err
	}
	return rows, s.checkpointStates(rows)
}

// CheckpointByID reads one bilan intermédiaire the same way.
func (s *Store) CheckpointByID(id string) (*CheckpointRow, error) {
	var rows []CheckpointRow
	err := s.app.DB().NewQuery(checkpointSelect + `WHERE k.id = {:id}`).Bind(dbx.Params{"id": id}).All(&rows)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, pfmp.NotFound(pfmp.MsgNoCheckpoint)
	}
	return &rows[0], s.checkpointStates(rows)
}

// checkpointStates fills each row's state, reading its students' lock dates in two queries.
func (s *Store) checkpointStates(rows []CheckpointRow) error {
	if len(rows) == 0 {
		return nil
	}
	students := make([]string, len(rows))
	for i, r := range rows {
		students[i] = r.Student
	}
	dates, err := LockDatesOf(s.app, students...)
	now := s.now()
	for i := range rows {
		r := &rows[i]
		r.Planned = !pfmp.CheckpointInEffect(r.Date.Time(), now)
		r.Locks = dates[r.Student].Locks(r.Date.Time())
		r.Correctable = pfmp.CheckpointCorrectable(r.Date.Time(), now, r.Locks)
	}
	return err
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

// LatestCheckpoint is the date of a student's latest checkpoint in effect at now (zero when
// none): one planned for a later day locks nothing yet.
func LatestCheckpoint(app core.App, student string, now time.Time) (time.Time, error) {
	var latest types.DateTime
	err := app.DB().NewQuery(`SELECT COALESCE(MAX(date), '') FROM checkpoints
		WHERE student = {:s} AND date < {:cutoff}`).
		Bind(dbx.Params{"s": student, "cutoff": dbTime(pfmp.CheckpointCutoff(now))}).Row(&latest)
	return latest.Time(), err
}

// LatestCheckpointOfPeriod is the latest checkpoint in effect at now among a period's
// students, counting extraStudent (one being added) when not empty.
func LatestCheckpointOfPeriod(app core.App, periodID, extraStudent string, now time.Time) (time.Time, error) {
	var latest types.DateTime
	err := app.DB().NewQuery(`SELECT COALESCE(MAX(k.date), '') FROM checkpoints k
		WHERE (k.student IN (SELECT pl.student FROM placements pl WHERE pl.period = {:id}) OR k.student = {:s})
		AND k.date < {:cutoff}`).
		Bind(dbx.Params{"id": periodID, "s": extraStudent, "cutoff": dbTime(pfmp.CheckpointCutoff(now))}).Row(&latest)
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

// UpdateCheckpoint moves a bilan intermédiaire to another day and renames it, its levels taken
// again from the evaluations the new day counts; the model hook refuses it once it has taken
// effect and locks something (see hooks).
func (s *Store) UpdateCheckpoint(id string, day time.Time, label string) error {
	cp, err := s.Checkpoint(id)
	if err != nil {
		return err
	}
	student := cp.GetString("student")
	levels, err := s.checkpointLevels([]string{student}, day) // read before the write transaction
	if err != nil {
		return err
	}
	_, err = s.Update("checkpoints", id, func(r *core.Record) (Fields, error) {
		if r.GetString("student") != student {
			return nil, pfmp.Conflict(pfmp.MsgFormStale)
		}
		return Fields{"date": day, "label": label, "levels": levels[student]}, nil
	})
	return err
}
