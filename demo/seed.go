// Package demo seeds a small demo school, so a newcomer can try Livret in one minute.
package demo

import (
	"errors"
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// Password is every demo account's password.
const Password = "livret-demo"

// Login is one demo account, as printed at start.
type Login struct{ Role, Name, Identity string }

type person struct{ first, last, username, class, status string }

var teachers = []person{
	{"Claire", "Martin", "prof.martin", "", ""},
	{"Karim", "Benali", "prof.benali", "", ""},
}

var students = []person{
	{"Léa", "Dupont", "lea.dupont", "2de PMIA", "scolaire"},
	{"Hugo", "Bernard", "hugo.bernard", "2de PMIA", "scolaire"},
	{"Inès", "Moreau", "ines.moreau", "2de PMIA", "scolaire"},
	{"Nathan", "Petit", "nathan.petit", "2de PMIA", "scolaire"},
	{"Chloé", "Roux", "chloe.roux", "2de PMIA", "scolaire"},
	{"Yanis", "Fournier", "yanis.fournier", "2de PMIA", "scolaire"},
	{"Manon", "Girard", "manon.girard", "1re MSPC", "scolaire"},
	{"Lucas", "Lambert", "lucas.lambert", "1re MSPC", "apprenti"},
	{"Sarah", "Bonnet", "sarah.bonnet", "1re MSPC", "scolaire"},
	{"Théo", "Fontaine", "theo.fontaine", "1re MSPC", "apprenti"},
	{"Camille", "Rousseau", "camille.rousseau", "1re MSPC", "scolaire"},
	{"Adam", "Vincent", "adam.vincent", "1re MSPC", "scolaire"},
}

var master = person{"Julien", "Boisseau", "julien.boisseau", "", ""}

// Seed creates the demo school if it is not there yet; running it twice changes nothing.
// Dates are laid around now, so the periods look current whatever the day.
func Seed(app core.App, now time.Time) ([]Login, error) {
	var logins []Login
	err := app.RunInTransaction(func(tx core.App) error {
		s := seeder{app: tx, today: pfmp.DateOnly(now)}
		var err error
		logins, err = s.run()
		return err
	})
	return logins, err
}

type seeder struct {
	app   core.App
	today time.Time
	ids   map[string]string // usernames and names → record ids
}

func (s *seeder) run() ([]Login, error) {
	s.ids = map[string]string{}
	steps := []func() error{s.school, s.classes, s.people, s.annexes, s.periods, s.portfolios, s.masterLink, s.checkpoint, s.superuser}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	return s.logins(), nil
}

// demoSchool is the demo's établissement, printed on its documents.
const demoSchool = "Lycée professionnel Jean-Moulin (démonstration)"

// school names the application after the demo's school, unless an administrator named it.
func (s *seeder) school() error {
	settings := s.app.Settings()
	if settings.Meta.AppName != "Acme" {
		return nil
	}
	settings.Meta.AppName = demoSchool
	return s.app.Save(settings)
}

// upsert finds a record by one field's value, or creates it with fill.
func (s *seeder) upsert(col, field, value string, fill func(r *core.Record)) (*core.Record, error) {
	r, err := s.app.FindFirstRecordByData(col, field, value)
	if err == nil {
		return r, nil
	}
	c, err := s.app.FindCollectionByNameOrId(col)
	if err != nil {
		return nil, err
	}
	r = core.NewRecord(c)
	r.Set(field, value)
	fill(r)
	if err := s.app.Save(r); err != nil {
		return nil, fmt.Errorf("demo %s %q: %w", col, value, err)
	}
	return r, nil
}

func (s *seeder) classes() error {
	for name, level := range map[string]string{"2de PMIA": "2de", "1re MSPC": "1re"} {
		r, err := s.upsert("classes", "name", name, func(r *core.Record) { r.Set("level", level) })
		if err != nil {
			return err
		}
		s.ids[name] = r.Id
	}
	return nil
}

func (s *seeder) people() error {
	add := func(p person, role string) error {
		r, err := s.upsert("users", "username", p.username, func(r *core.Record) {
			r.Set("role", role)
			r.Set("first_name", p.first)
			r.Set("last_name", p.last)
			r.Set("class", s.ids[p.class])
			r.Set("status", p.status)
			if role != "student" {
				r.SetEmail(p.username + "@demo.livret.fr")
			}
			r.Set("can_import", p.username == teachers[0].username)   // the import right, given in the dashboard
			r.Set("school_admin", p.username == teachers[0].username) // the school's administrator, too
			r.SetPassword(Password)
		})
		if err == nil {
			s.ids[p.username] = r.Id
		}
		return err
	}
	for _, p := range teachers {
		if err := add(p, "teacher"); err != nil {
			return err
		}
	}
	for _, p := range students {
		if err := add(p, "student"); err != nil {
			return err
		}
	}
	return add(master, "master")
}

// taskIDs finds référentiel tasks by code.
func (s *seeder) taskIDs(codes ...string) ([]string, error) {
	recs, err := s.app.FindAllRecords("tasks", dbx.In("code", toAny(codes)...))
	if err != nil || len(recs) != len(codes) {
		return nil, errors.Join(errors.New("demo: référentiel tasks missing (migrations not applied?)"), err)
	}
	ids := make([]string, len(recs))
	for i, r := range recs {
		ids[i] = r.Id
	}
	return ids, nil
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
