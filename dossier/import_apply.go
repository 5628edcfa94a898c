package dossier

import (
	"github.com/pocketbase/pocketbase/core"

	"livret/accounts"
)

// ImportOutcome is what an applied import did: its plan, made again inside the transaction on
// the school as it then was, the accounts created and the classes whose new students await
// their login slips.
type ImportOutcome struct {
	Plan       *accounts.Plan
	Created    []string   // the accounts created, by id
	NewLogins  []ClassRef // classes with accounts created, by name
	Statistics bool       // the planner statistics were refreshed (a large import)
}

// ClassRef names a class and counts what is said of it.
type ClassRef struct {
	ID, Name string
	Count    int
}

// noPassword is the hash of an account created without a password: no password matches it
// until its login slip is printed (SetInitialPasswords).
const noPassword = "!"

// statisticsThreshold is the size of an import after which the planner statistics are redone.
const statisticsThreshold = 200

// importKind is what differs between the students' import and the teachers'.
type importKind struct {
	action string                                                         // in the audit log
	plan   func(app core.App, sh *accounts.Sheet) (*accounts.Plan, error) // on the school as it is
	create func(users *core.Collection, e *accounts.Entry, classID string) *core.Record
}

var studentsImport = importKind{action: "import_eleves", create: newStudent,
	plan: func(app core.App, sh *accounts.Sheet) (*accounts.Plan, error) {
		school, err := importSchool(app)
		if err != nil {
			return nil, err
		}
		return accounts.NewPlan(sh, school), nil
	}}

// ApplyImport imports a students' sheet in ONE transaction: the plan is computed again on the
// school as it is inside it, then classes and accounts are created and updated; any failure
// leaves the school as it was. progress (may be nil) hears of each write. The import is
// recorded in the audit log under actorID.
func (s *Store) ApplyImport(sh *accounts.Sheet, actorID string, progress func(done, total int)) (*ImportOutcome, error) {
	return s.applyImport(studentsImport, sh, actorID, progress)
}

func (s *Store) applyImport(k importKind, sh *accounts.Sheet, actorID string, progress func(done, total int)) (*ImportOutcome, error) {
	var out *ImportOutcome
	err := s.app.RunInTransaction(func(tx core.App) error {
		plan, err := k.plan(tx, sh)
		if err != nil {
			return err
		}
		a := &importer{tx: tx, plan: plan, create: k.create, progress: progress}
		a.total = len(a.plan.NewClasses) + a.plan.Writes()
		if out, err = a.run(); err != nil {
			return err
		}
		return Audit(tx, actorID, k.action, "users", "", importCounts(a.plan))
	})
	if err != nil {
		return nil, err
	}
	if out.Plan.Writes() >= statisticsThreshold {
		out.Statistics = true
		err = RefreshStatistics(s.app)
	}
	return out, err
}

// importer applies one plan inside its transaction.
type importer struct {
	tx          core.App
	plan        *accounts.Plan
	create      func(users *core.Collection, e *accounts.Entry, classID string) *core.Record
	progress    func(done, total int)
	done, total int
	classIDs    []string // of plan.NewClasses
}

func (a *importer) run() (*ImportOutcome, error) {
	if err := a.createClasses(); err != nil {
		return nil, err
	}
	users, err := a.tx.FindCachedCollectionByNameOrId("users")
	if err != nil {
		return nil, err
	}
	out := &ImportOutcome{Plan: a.plan}
	for i := range a.plan.Entries {
		e := &a.plan.Entries[i]
		switch e.Action {
		case accounts.Create:
			err = a.createAccount(users, e, out)
		case accounts.Update:
			err = a.update(e)
		default:
			continue
		}
		if err != nil {
			return nil, err
		}
		a.step()
	}
	return out, nil
}

// createAccount saves a new account, counted among its class's new logins (a student's).
func (a *importer) createAccount(users *core.Collection, e *accounts.Entry, out *ImportOutcome) error {
	class := a.classOf(e)
	rec := a.create(users, e, class)
	if err := a.tx.Save(rec); err != nil {
		return err
	}
	out.Created = append(out.Created, rec.Id)
	if class == "" {
		return nil
	}
	for i := range out.NewLogins {
		if out.NewLogins[i].ID == class {
			out.NewLogins[i].Count++
			return nil
		}
	}
	out.NewLogins = append(out.NewLogins, ClassRef{ID: class, Name: e.Class, Count: 1})
	return nil
}

func (a *importer) step() {
	a.done++
	if a.progress != nil {
		a.progress(a.done, a.total)
	}
}

func (a *importer) createClasses() error {
	for _, c := range a.plan.NewClasses {
		rec, err := newRecord(a.tx, "classes")
		if err != nil {
			return err
		}
		rec.Set("name", c.Name)
		rec.Set("level", c.Level)
		if c.Diploma != nil {
			rec.Set("diploma", c.Diploma.ID)
		}
		if err := a.tx.Save(rec); err != nil {
			return err
		}
		a.classIDs = append(a.classIDs, rec.Id)
		a.step()
	}
	return nil
}

// classOf is the id of an entry's class, existing or just created.
func (a *importer) classOf(e *accounts.Entry) string {
	if e.NewClass >= 0 {
		return a.classIDs[e.NewClass]
	}
	return e.ClassID
}

// newAccount is a new account of the role, named as the line says, that no password opens
// until its owner chooses one (a slip's, an invitation's).
func newAccount(users *core.Collection, role string, e *accounts.Entry) *core.Record {
	rec := core.NewRecord(users)
	rec.Set("role", role)
	rec.Set("first_name", e.FirstName)
	rec.Set("last_name", e.LastName)
	rec.Set("username", e.Username)
	rec.SetEmail(e.Email)
	rec.Set("must_change_password", true)
	rec.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: noPassword})
	return rec
}

// newStudent is a student's account in his class, without a password until his slip is printed.
func newStudent(users *core.Collection, e *accounts.Entry, classID string) *core.Record {
	rec := newAccount(users, "student", e)
	rec.Set("birth_date", e.BirthDate)
	rec.Set("class", classID)
	rec.Set("status", e.Status)
	rec.Set("master", e.MasterID)
	return rec
}

// update writes the fields the plan changes, and those only.
func (a *importer) update(e *accounts.Entry) error {
	rec, err := a.tx.FindRecordById("users", e.AccountID)
	if err != nil {
		return err
	}
	for _, c := range e.Changes {
		switch c.Field {
		case "class":
			rec.Set("class", a.classOf(e))
		case "birth_date":
			rec.Set("birth_date", e.BirthDate)
		case "master":
			rec.Set("master", e.MasterID)
		case accounts.FieldLeftAt:
			rec.Set("left_at", "") // back in the school: no purge date runs for him any more
		default:
			rec.Set(c.Field, c.To)
		}
	}
	return a.tx.Save(rec)
}

func importCounts(p *accounts.Plan) map[string]int {
	return map[string]int{"crees": p.Count(accounts.Create), "modifies": p.Count(accounts.Update),
		"deplaces": p.Moves(), "retours": p.Returns(), "inchanges": p.Count(accounts.Unchanged), "rejetes": len(p.Rejected),
		"classes_creees": len(p.NewClasses)}
}

// PreviewImport is the plan of a students' sheet on the school as it is now: nothing is written.
func (s *Store) PreviewImport(sh *accounts.Sheet) (*accounts.Plan, error) {
	return studentsImport.plan(s.app, sh)
}
