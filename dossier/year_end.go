package dossier

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// « Clôturer l'année scolaire » (issue 14): each class moves up a level (2de → 1re → Tle), the
// students of the final level leave, and the administrator marks the exceptions (a student
// leaving early, a student repeating his level). The leavers are archived (their ZIPs are built
// before, see package archive), marked left and taken out of their class; the closing is
// recorded once per school year (year_closings.school_year is unique).

// YearStudent is a student of a class at the closing.
type YearStudent struct {
	ID        string `db:"id"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
	Class     string `db:"class"`
}

// Name is "Prénom NOM".
func (st YearStudent) Name() string {
	return pfmp.FullName(st.FirstName, st.LastName)
}

// YearClass is a class at the closing: where it moves, and its students.
type YearClass struct {
	ID       string     `db:"id"`
	Name     string     `db:"name"`
	Level    pfmp.Level `db:"level"`
	Diploma  string     `db:"diploma"`
	NewName  string     `db:"-"` // its name one level up, "" for the final level
	NewLevel pfmp.Level `db:"-"` // "" for the final level: its students leave
	Students []YearStudent
}

// YearPreview is the school as the closing would move it: its classes, in level order.
type YearPreview struct {
	Year    pfmp.SchoolYear
	Closed  *YearClosing // the year's closing, when it is done already
	Classes []YearClass
	// NextYearImport is when the next year's students were imported already (zero when not):
	// the closing is then refused (pfmp.ImportedForNextYear).
	NextYearImport time.Time
}

// Refusal is why the year cannot be closed now (a conflict), nil when it can.
func (p *YearPreview) Refusal() error {
	if p.Closed != nil {
		return pfmp.Conflict(MsgYearClosed(p.Year))
	}
	if !p.NextYearImport.IsZero() {
		return pfmp.Conflict(pfmp.MsgImportedForNextYear(p.Year, p.NextYearImport))
	}
	return nil
}

// Marks are the administrator's exceptions, by student id: leaving, or repeating his level.
type Marks struct{ Leaving, Repeating map[string]bool }

// Fates is every student's fate under the marks; a student marked both is refused.
func (p *YearPreview) Fates(m Marks) (map[string]pfmp.Fate, error) {
	out := map[string]pfmp.Fate{}
	var both []string // the students marked both leaving and repeating, named in the refusal
	for _, c := range p.Classes {
		for _, st := range c.Students {
			f, err := pfmp.FateOf(c.Level, m.Leaving[st.ID], m.Repeating[st.ID])
			if err != nil {
				both = append(both, st.Name())
				continue
			}
			out[st.ID] = f
		}
	}
	if len(both) > 0 {
		return nil, pfmp.Invalid(pfmp.MsgFateBoth+" Élève(s) concerné(s) : "+strings.Join(both, ", ")+".", nil)
	}
	return out, nil
}

// Leavers are the ids of the students a set of fates makes leave, in the preview's order.
func (p *YearPreview) Leavers(fates map[string]pfmp.Fate) []string {
	var out []string
	for _, c := range p.Classes {
		for _, st := range c.Students {
			if fates[st.ID] == pfmp.FateLeaves {
				out = append(out, st.ID)
			}
		}
	}
	return out
}

// YearPreview reads the school's classes and their current students (not left), for the year
// a closing now closes (pfmp.ClosingYear).
func (s *Store) YearPreview() (*YearPreview, error) { return yearPreview(s.app, s.now()) }

func yearPreview(app core.App, now time.Time) (*YearPreview, error) {
	p := &YearPreview{Year: pfmp.ClosingYear(now)}
	var err error
	if p.Closed, err = closingOf(app, p.Year); err != nil {
		return nil, err
	}
	if p.NextYearImport, err = nextYearImport(app, p.Year); err != nil {
		return nil, err
	}
	if err = app.DB().NewQuery(`SELECT id, name, level, diploma FROM classes`).All(&p.Classes); err != nil {
		return nil, err
	}
	var students []YearStudent
	err = app.DB().NewQuery(`SELECT id, first_name, last_name, class FROM users
		WHERE role = 'student' AND class != '' AND left_at = '' ORDER BY last_name, first_name`).All(&students)
	if err != nil {
		return nil, err
	}
	for i := range p.Classes {
		c := &p.Classes[i]
		if next, ok := pfmp.NextLevel(c.Level); ok {
			c.NewLevel, c.NewName = next, pfmp.MovedUpName(c.Name, c.Level)
		}
		for _, st := range students {
			if st.Class == c.ID {
				c.Students = append(c.Students, st)
			}
		}
	}
	slices.SortFunc(p.Classes, func(a, b YearClass) int {
		if d := levelRank(a.Level) - levelRank(b.Level); d != 0 {
			return d
		}
		return strings.Compare(a.Name, b.Name)
	})
	return p, nil
}

// nextYearImport is the latest students' import made for the year after y, zero when none.
func nextYearImport(app core.App, y pfmp.SchoolYear) (time.Time, error) {
	var last types.DateTime
	err := app.DB().NewQuery(`SELECT COALESCE(MAX(created), '') FROM audit_log WHERE action = {:a}`).
		Bind(dbx.Params{"a": studentsImport.action}).Row(&last)
	if err != nil || last.IsZero() || !pfmp.ImportedForNextYear(y, last.Time()) {
		return time.Time{}, err
	}
	return last.Time(), nil
}

func levelRank(l pfmp.Level) int { return slices.Index(pfmp.Levels(), l) }

// ClosingCounts are what a closing did, without a name: it stays in the school's records.
type ClosingCounts struct {
	MovedUp   int `json:"passes"`
	Repeating int `json:"redoublements"`
	Leaving   int `json:"departs"`
	Archives  int `json:"archives"`
	Classes   int `json:"classes"`
}

// YearClosing is a school year's closing: when, by whom, what it did.
type YearClosing struct {
	Year   pfmp.SchoolYear
	At     time.Time
	Actor  string // "Prénom NOM"
	Counts ClosingCounts
}

// Closings lists the closed years, the latest first.
func (s *Store) Closings() ([]YearClosing, error) { return closings(s.app, "") }

func closingOf(app core.App, y pfmp.SchoolYear) (*YearClosing, error) {
	list, err := closings(app, fmt.Sprint(int(y)))
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

func closings(app core.App, year string) ([]YearClosing, error) {
	var rows []struct {
		Year    int            `db:"school_year"`
		Created types.DateTime `db:"created"`
		Counts  types.JSONRaw  `db:"counts"`
		First   string         `db:"first_name"`
		Last    string         `db:"last_name"`
	}
	q := app.DB().NewQuery(`SELECT y.school_year, y.created, y.counts,
		COALESCE(u.first_name, '') AS first_name, COALESCE(u.last_name, '') AS last_name
		FROM year_closings y LEFT JOIN users u ON u.id = y.actor
		WHERE {:year} = '' OR y.school_year = {:year} ORDER BY y.school_year DESC`).Bind(dbx.Params{"year": year})
	if err := q.All(&rows); err != nil {
		return nil, err
	}
	out := make([]YearClosing, len(rows))
	for i, r := range rows {
		out[i] = YearClosing{Year: pfmp.SchoolYear(r.Year), At: r.Created.Time(), Actor: userName(r.First, r.Last)}
		_ = json.Unmarshal(r.Counts, &out[i].Counts)
	}
	return out, nil
}

// MsgYearClosed refuses a second closing of the same school year.
func MsgYearClosed(y pfmp.SchoolYear) string {
	return "L'année scolaire " + y.Label() + " est déjà clôturée : rien n'a été refait."
}

// CloseYear closes the year pfmp.ClosingYear names, in one transaction: the leavers (under the
// marks) are marked left (now: a late closing keeps their data the whole retention after their
// archive is stored), taken out of their class and their archive stored (archives: student id
// → ZIP path, built before, one entry per leaver; a path "" stores none), the classes move up,
// the closing is recorded. The leavers are found again inside the transaction: when they are
// not those archives were built for (a student put in a final-level class meanwhile), nothing
// is changed (a conflict), so that nobody leaves without his archive. A year already closed, or whose next year's students were imported already,
// changes nothing (a conflict).
func (s *Store) CloseYear(actorID string, m Marks, archives map[string]string) (*ClosingCounts, error) {
	var counts *ClosingCounts
	err := s.app.RunInTransaction(func(tx core.App) error {
		now := s.now()
		p, err := yearPreview(tx, now)
		if err != nil {
			return err
		}
		if err := p.Refusal(); err != nil {
			return err
		}
		fates, err := p.Fates(m)
		if err != nil {
			return err
		}
		leavers := p.Leavers(fates)
		if !sameLeavers(leavers, archives) {
			return pfmp.Conflict(MsgLeaversChanged)
		}
		c := closer{tx: tx, now: now, year: p.Year, fates: fates}
		if err := c.leave(leavers, p.classNames(), archives); err != nil {
			return err
		}
		if err := c.moveClasses(p.Classes); err != nil {
			return err
		}
		counts = &c.counts
		return c.record(actorID)
	})
	return counts, err
}

// MsgLeaversChanged refuses a closing whose leavers changed while their archives were built.
const MsgLeaversChanged = "Les élèves qui quittent l'établissement ont changé pendant la préparation des archives " +
	"(un élève a été ajouté à une classe de dernière année ou en a été retiré) : rien n'a été modifié. " +
	"Rouvrez l'aperçu de la clôture, vérifiez-le et confirmez à nouveau."

// sameLeavers reports whether archives has an entry for each leaver and for nobody else.
func sameLeavers(leavers []string, archives map[string]string) bool {
	if len(leavers) != len(archives) {
		return false
	}
	for _, id := range leavers {
		if _, ok := archives[id]; !ok {
			return false
		}
	}
	return true
}

// closer applies one closing inside its transaction.
type closer struct {
	tx     core.App
	now    time.Time
	year   pfmp.SchoolYear
	fates  map[string]pfmp.Fate
	counts ClosingCounts
}

// classNames are the students' class names, by student id.
func (p *YearPreview) classNames() map[string]string {
	out := map[string]string{}
	for _, c := range p.Classes {
		for _, st := range c.Students {
			out[st.ID] = c.Name
		}
	}
	return out
}

// leave marks the leavers, takes them out of their class and stores their archives, each
// naming the class its student left.
func (c *closer) leave(ids []string, classes, archives map[string]string) error {
	for _, id := range ids {
		st, err := c.tx.FindRecordById("users", id)
		if err != nil {
			return err
		}
		st.Set("left_at", c.now)
		st.Set("class", "")
		if err := c.tx.Save(st); err != nil {
			return err
		}
		c.counts.Leaving++
		if path := archives[id]; path != "" {
			if err := saveArchive(c.tx, id, c.year, path, classes[id]); err != nil {
				return err
			}
			c.counts.Archives++
		}
	}
	return nil
}

// moveClasses moves every class up, the highest level first so that a class moves into a name
// the level above has left. A class whose new name is taken by a class of its new level merges
// into it; its repeaters keep (or get) a class of their level and name.
func (c *closer) moveClasses(classes []YearClass) error {
	for i := len(classes) - 1; i >= 0; i-- {
		cl := classes[i]
		var movers, repeaters []string
		for _, st := range cl.Students {
			switch c.fates[st.ID] {
			case pfmp.FateMovesUp:
				movers = append(movers, st.ID)
			case pfmp.FateRepeats:
				repeaters = append(repeaters, st.ID)
			}
		}
		c.counts.MovedUp += len(movers)
		c.counts.Repeating += len(repeaters)
		if cl.NewLevel == "" || len(movers) == 0 {
			if err := c.dropIfEmpty(cl.ID); err != nil {
				return err
			}
			continue
		}
		if err := c.moveUp(cl, movers, repeaters); err != nil {
			return err
		}
		c.counts.Classes++
	}
	return nil
}

// moveUp moves a class with movers to its next level: renamed, or merged into the class of
// its new name.
func (c *closer) moveUp(cl YearClass, movers, repeaters []string) error {
	target, err := classNamed(c.tx, cl.NewName, cl.ID)
	if err != nil {
		return err
	}
	if target != nil {
		if pfmp.Level(target.GetString("level")) != cl.NewLevel {
			return pfmp.Conflict(fmt.Sprintf("La classe « %s » existe déjà au niveau %s : renommez-la dans le tableau de bord d'administration avant de clôturer l'année.",
				cl.NewName, pfmp.Level(target.GetString("level")).Label()))
		}
		if err := c.assign(movers, target.Id); err != nil {
			return err
		}
		return c.dropIfEmpty(cl.ID)
	}
	rec, err := c.tx.FindRecordById("classes", cl.ID)
	if err != nil {
		return err
	}
	rec.Set("name", cl.NewName)
	rec.Set("level", string(cl.NewLevel))
	if err := c.tx.Save(rec); err != nil {
		return err
	}
	if len(repeaters) == 0 {
		return nil
	}
	home, err := c.classOf(cl)
	if err != nil {
		return err
	}
	return c.assign(repeaters, home)
}

// classOf is the id of the class of cl's former name and level, created when there is none.
func (c *closer) classOf(cl YearClass) (string, error) {
	if rec, err := classNamed(c.tx, cl.Name, ""); rec != nil || err != nil {
		if rec == nil {
			return "", err
		}
		return rec.Id, nil
	}
	rec, err := newRecord(c.tx, "classes")
	if err != nil {
		return "", err
	}
	rec.Load(map[string]any{"name": cl.Name, "level": string(cl.Level), "diploma": cl.Diploma})
	return rec.Id, c.tx.Save(rec)
}

// classNamed is the class of that name other than except, nil when there is none.
func classNamed(app core.App, name, except string) (*core.Record, error) {
	recs, err := app.FindRecordsByFilter("classes", "name = {:n} && id != {:x}", "", 1, 0,
		dbx.Params{"n": name, "x": except})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	return recs[0], nil
}

// assign puts students in a class.
func (c *closer) assign(ids []string, classID string) error {
	for _, id := range ids {
		st, err := c.tx.FindRecordById("users", id)
		if err != nil {
			return err
		}
		st.Set("class", classID)
		if err := c.tx.Save(st); err != nil {
			return err
		}
	}
	return nil
}

// dropIfEmpty deletes a class nobody is in any more (the final level's, once its students
// left): the next year's class of that name comes from the level below.
func (c *closer) dropIfEmpty(classID string) error {
	var n int
	err := c.tx.DB().NewQuery(`SELECT COUNT(*) FROM users WHERE class = {:c}`).Bind(dbx.Params{"c": classID}).Row(&n)
	if err != nil || n > 0 {
		return err
	}
	rec, err := c.tx.FindRecordById("classes", classID)
	if err != nil {
		return err
	}
	return c.tx.Delete(rec)
}

// record writes the closing: the year, who, and the counts.
func (c *closer) record(actorID string) error {
	rec, err := newRecord(c.tx, "year_closings")
	if err != nil {
		return err
	}
	rec.Load(map[string]any{"school_year": int(c.year), "actor": actorID, "counts": c.counts})
	return c.tx.Save(rec)
}
