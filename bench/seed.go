package main

import (
	"fmt"
	"os"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/demo"
	"livret/dossier"
	_ "livret/pb_migrations"
	"livret/pfmp"
)

const (
	benchStudents  = 30
	teacher        = "prof.martin"
	superuserEmail = "bench@livret.local"
	superuserPass  = "livret-bench-admin"
)

// seeded is what the load runs need to know about the data.
type seeded struct{ periodID, classID string }

// prepare wipes dir and seeds it in-process: migrations, the demo school, a 30-student
// class on a 4-week period, a superuser, and filler students up to students (see fillSchool).
func prepare(dir string, students int) (ids seeded, err error) {
	if err := os.RemoveAll(dir); err != nil {
		return ids, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return ids, err
	}
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir, DBConnect: dossier.DBConnect})
	if err := app.Bootstrap(); err != nil {
		return ids, err
	}
	defer app.ResetBootstrapState()
	if err := app.RunAllMigrations(); err != nil {
		return ids, err
	}
	now := time.Now()
	if _, err := demo.Seed(app, now); err != nil {
		return ids, err
	}
	err = app.RunInTransaction(func(tx core.App) error {
		var err error
		ids, err = seedBench(tx, now)
		return err
	})
	if err != nil {
		return ids, err
	}
	if err := fillSchool(app, students, now); err != nil {
		return ids, err
	}
	// As a school's database stands after a night (dossier.KeepStatistics): the server's own
	// refresh at start then finds nothing new, instead of racing the first measured requests.
	return ids, dossier.RefreshStatistics(app)
}

func seedBench(app core.App, now time.Time) (ids seeded, err error) {
	class, err := save(app, "classes", map[string]any{"name": "1re Bench", "level": "1re"})
	if err != nil {
		return ids, err
	}
	today := pfmp.DateOnly(now)
	monday := today.AddDate(0, 0, -int((today.Weekday()+6)%7))
	end := monday.AddDate(0, 0, 7*4-3)
	period, err := save(app, "periods", map[string]any{"name": "PFMP Bench 30", "level": "1re",
		"kind": "P2", "start": monday, "end": end, "review_date": end})
	if err != nil {
		return ids, err
	}
	if err := seedStudents(app, class.Id, period.Id, monday); err != nil {
		return ids, err
	}
	return seeded{period.Id, class.Id}, addSuperuser(app)
}

func addSuperuser(app core.App) error {
	col, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		return err
	}
	su := core.NewRecord(col)
	su.SetEmail(superuserEmail)
	su.SetPassword(superuserPass)
	return app.Save(su)
}

// seedStudents places benchStudents students on the period; one bcrypt hash serves them all.
func seedStudents(app core.App, classID, periodID string, monday time.Time) error {
	martin, err := app.FindFirstRecordByData("users", "username", teacher)
	if err != nil {
		return err
	}
	hash, ok := martin.GetRaw(core.FieldNamePassword).(*core.PasswordFieldValue)
	if !ok || hash.Hash == "" {
		return fmt.Errorf("%s has no password hash", teacher)
	}
	for i := range benchStudents {
		status := map[bool]string{false: "scolaire", true: "apprenti"}[i%5 == 4]
		st, err := save(app, "users", map[string]any{"role": "student", "status": status,
			"username": fmt.Sprintf("bench.eleve%02d", i), "first_name": fmt.Sprintf("Élève%02d", i),
			"last_name": fmt.Sprintf("Banc%02d", i), "class": classID, core.FieldNamePassword: &core.PasswordFieldValue{Hash: hash.Hash}})
		if err != nil {
			return err
		}
		pl := map[string]any{"period": periodID, "student": st.Id}
		if i%2 == 0 {
			pl["portfolio_edited"] = monday.AddDate(0, 0, 1)
		}
		if _, err := save(app, "placements", pl); err != nil {
			return err
		}
	}
	return nil
}

// save creates a record; a password hash is set raw, the other fields via Set.
func save(app core.App, col string, fields map[string]any) (*core.Record, error) {
	c, err := app.FindCollectionByNameOrId(col)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(c)
	for k, v := range fields {
		if _, raw := v.(*core.PasswordFieldValue); raw {
			r.SetRaw(k, v)
		} else {
			r.Set(k, v)
		}
	}
	if err := app.Save(r); err != nil {
		return nil, fmt.Errorf("save %s: %w", col, err)
	}
	return r, nil
}
