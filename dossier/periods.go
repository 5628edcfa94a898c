package dossier

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// PeriodLine is one period of the "Vue par périodes"' list: what it shows of each, no lock
// (only the chosen period's panel needs one: PeriodRowByID).
type PeriodLine struct {
	ID       string         `db:"id"`
	Name     string         `db:"name"`
	Level    string         `db:"level"`
	Kind     string         `db:"kind"`
	Start    types.DateTime `db:"start"`
	End      types.DateTime `db:"end"`
	Students int            `db:"students"`
	Created  string         `db:"created"`
}

// PeriodRow is one period of the "Vue par périodes", with what its menu needs.
type PeriodRow struct {
	ID             string         `db:"id"`
	Name           string         `db:"name"`
	Level          string         `db:"level"`
	Kind           string         `db:"kind"`
	Start          types.DateTime `db:"start"`
	End            types.DateTime `db:"end"`
	StoredReview   types.DateTime `db:"review_date"`
	Students       int            `db:"students"`
	LastCheckpoint types.DateTime `db:"last_checkpoint"`
}

// ReviewDate is the date of the period's bilans entreprise (its last day when none was set).
func (p PeriodRow) ReviewDate() time.Time {
	return pfmp.EffectiveReviewDate(p.StoredReview.Time(), p.End.Time())
}

// ReviewSet tells whether the date of the bilans was set on purpose (else it follows the end).
func (p PeriodRow) ReviewSet() bool { return !p.StoredReview.IsZero() }

// Locked applies the dated lock rule to the latest checkpoint of the period's students.
func (p PeriodRow) Locked() bool {
	return pfmp.PeriodLocked(p.ReviewDate(), []time.Time{p.LastCheckpoint.Time()})
}

// LockMessage says why a locked period cannot change.
func (p PeriodRow) LockMessage() string {
	return pfmp.PeriodLockMessage(p.ReviewDate(), p.LastCheckpoint.Time())
}

// StudentRow is one student of a period, with the folder icon's state.
type StudentRow struct {
	PlacementID     string `db:"placement"`
	StudentID       string `db:"student"`
	FirstName       string `db:"first_name"`
	LastName        string `db:"last_name"`
	Status          string `db:"status"`
	ClassName       string `db:"class_name"`
	PortfolioEdited string `db:"portfolio_edited"` // a date, or empty: only its presence is read
}

// Edited reports whether the student has saved the portfolio at least once.
func (r StudentRow) Edited() bool { return r.PortfolioEdited != "" }

// studentCount is the number of students of the period p.
const studentCount = `(SELECT COUNT(*) FROM placements pl WHERE pl.period = p.id)`

// periodSelect reads periods with their student count and the latest checkpoint in effect
// of their students (those before {:cutoff}, see cutoff): two index lookups per period
// read (the period a panel shows), never a scan of the others.
const periodSelect = `
	SELECT p.id, p.name, p.level, p.kind, p.start, p.end, p.review_date,
		` + studentCount + ` AS students,
		COALESCE((SELECT MAX(k.date) FROM placements pl JOIN checkpoints k
			ON k.student = pl.student AND k.date < {:cutoff} WHERE pl.period = p.id), '') AS last_checkpoint
	FROM periods p `

// cutoff is the bound of the checkpoints in effect now (pfmp.CheckpointCutoff), as a parameter.
func (s *Store) cutoff() string { return dbTime(pfmp.CheckpointCutoff(s.now())) }

// PeriodsOfLevel lists a level's periods of one school year, in creation order.
func (s *Store) PeriodsOfLevel(level pfmp.Level, year pfmp.SchoolYear) ([]PeriodLine, error) {
	var rows []PeriodLine
	err := s.read(`SELECT p.id, p.name, p.level, p.kind, p.start, p.end, p.created,
			`+studentCount+` AS students
		FROM periods p WHERE p.level = {:level} AND p.start >= {:from} AND p.start < {:to}`,
		dbx.Params{"level": string(level), "from": dbTime(year.Start()), "to": dbTime(year.End())},
		func(q *dbx.Query) error { return q.All(&rows) })
	// in creation order: sorted here, a temporary B-tree less per page
	slices.SortFunc(rows, func(a, b PeriodLine) int {
		return cmp.Or(strings.Compare(a.Created, b.Created), strings.Compare(a.ID, b.ID))
	})
	return rows, err
}

// SchoolYearsOfLevel lists the school years that hold periods of a level, latest first. The
// first and the last period's years come from two index seeks; only when other years lie
// between them is each of those found by a seek of its own (never a read of every period: a
// big school keeps a hundred per level and year, and the year-end purge rarely leaves more
// than two years).
func (s *Store) SchoolYearsOfLevel(level pfmp.Level) ([]pfmp.SchoolYear, error) {
	var span struct {
		First string `db:"first"`
		Last  string `db:"last"`
	}
	err := s.read(`SELECT COALESCE((SELECT MIN(start) FROM periods WHERE level = {:level}), '') AS first,
			COALESCE((SELECT MAX(start) FROM periods WHERE level = {:level}), '') AS last`,
		dbx.Params{"level": string(level)}, func(q *dbx.Query) error { return q.One(&span) })
	if err != nil || span.First == "" {
		return nil, err
	}
	first, _ := schoolYearOfMonth(span.First)
	last, _ := schoolYearOfMonth(span.Last)
	years := []pfmp.SchoolYear{last}
	if first+1 < last {
		between, err := s.schoolYearsBetween(level, first, last)
		if err != nil {
			return nil, err
		}
		years = append(years, between...)
	}
	if first < last {
		years = append(years, first)
	}
	return years, nil
}

// schoolYearsBetween lists the years strictly between first and last that hold periods of the
// level, latest first: one index seek per year, the level's first period from the end of the
// year found before.
func (s *Store) schoolYearsBetween(level pfmp.Level, first, last pfmp.SchoolYear) ([]pfmp.SchoolYear, error) {
	var years []pfmp.SchoolYear
	for from := dbTime(first.End()); ; {
		var start string
		err := s.read(`SELECT COALESCE(MIN(start), '') FROM periods
			WHERE level = {:level} AND start >= {:from} AND start < {:to}`,
			dbx.Params{"level": string(level), "from": from, "to": dbTime(last.Start())},
			func(q *dbx.Query) error { return q.Row(&start) })
		if err != nil || start == "" {
			slices.Reverse(years)
			return years, err
		}
		y, _ := schoolYearOfMonth(start)
		if len(years) == 0 || y > years[len(years)-1] {
			years = append(years, y)
		}
		from = max(start+"~", dbTime(y.End())) // "~" sorts after any stored date: the seek moves on
	}
}

// schoolYearOfMonth is the school year of a stored date, from its month (a period's start is
// a day in Paris stored at midnight UTC: the month is the same either side).
func schoolYearOfMonth(stored string) (pfmp.SchoolYear, bool) {
	t, err := time.Parse("2006-01", stored[:min(len(stored), 7)])
	return pfmp.SchoolYearOf(t.Add(12 * time.Hour)), err == nil
}

// PeriodRowByID reads one period the same way.
func (s *Store) PeriodRowByID(id string) (*PeriodRow, error) {
	var row PeriodRow
	err := s.read(periodSelect+`WHERE p.id = {:id}`, dbx.Params{"id": id, "cutoff": s.cutoff()},
		func(q *dbx.Query) error { return q.One(&row) })
	if err != nil {
		return nil, pfmp.NotFound(pfmp.MsgNoPeriod)
	}
	return &row, nil
}

// StudentsOfPeriod lists a period's students by name, in one query (scanned by hand: the
// reflection of a generic scan was a third of this, the period page's biggest query).
func (s *Store) StudentsOfPeriod(periodID string) ([]StudentRow, error) {
	var out []StudentRow
	err := s.read(`
		SELECT pl.id, u.id, u.first_name, u.last_name, u.status, COALESCE(c.name, ''), pl.portfolio_edited
		FROM placements pl JOIN users u ON u.id = pl.student
		LEFT JOIN classes c ON c.id = u.class
		WHERE pl.period = {:period}`,
		dbx.Params{"period": periodID}, func(q *dbx.Query) error {
			rows, err := q.Rows()
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var r StudentRow
				if err := rows.Scan(&r.PlacementID, &r.StudentID, &r.FirstName, &r.LastName, &r.Status,
					&r.ClassName, &r.PortfolioEdited); err != nil {
					return err
				}
				out = append(out, r)
			}
			return rows.Err()
		})
	// by name, as SQLite's binary collation would: sorted here, a temporary B-tree less per page
	slices.SortFunc(out, func(a, b StudentRow) int {
		return cmp.Or(strings.Compare(a.LastName, b.LastName), strings.Compare(a.FirstName, b.FirstName))
	})
	return out, err
}

// CreatePeriod saves a new period and opens a dossier for each student, in one transaction.
func (s *Store) CreatePeriod(f Fields, studentIDs []string) (*core.Record, error) {
	var period *core.Record
	err := s.app.RunInTransaction(func(tx core.App) error {
		var err error
		if period, err = newRecord(tx, "periods"); err != nil {
			return err
		}
		for k, v := range f {
			period.Set(k, v)
		}
		if err := tx.Save(period); err != nil {
			return err
		}
		return assignStudents(tx, period.Id, studentIDs)
	})
	return period, err
}

// AssignStudents opens a dossier on the period for each student who has none yet.
func (s *Store) AssignStudents(periodID string, studentIDs []string) error {
	return s.app.RunInTransaction(func(tx core.App) error { return assignStudents(tx, periodID, studentIDs) })
}

func assignStudents(tx core.App, periodID string, studentIDs []string) error {
	var have []string
	err := tx.DB().NewQuery(`SELECT student FROM placements WHERE period = {:p}`).
		Bind(dbx.Params{"p": periodID}).Column(&have)
	if err != nil {
		return err
	}
	on := make(map[string]bool, len(have))
	for _, id := range have {
		on[id] = true
	}
	for _, id := range studentIDs {
		if on[id] {
			continue
		}
		r, err := newRecord(tx, "placements")
		if err != nil {
			return err
		}
		r.Set("period", periodID)
		r.Set("student", id)
		if err := tx.Save(r); err != nil {
			return err
		}
		on[id] = true
	}
	return nil
}
