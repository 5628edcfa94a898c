package main

import (
	"fmt"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// A big school for the cold-cache runs: filler students, classes of 30, periods over three
// school years with a class each, and a checkpoint per student. Rows are inserted directly
// (the hooks' checks are not what is measured), in one transaction.

const (
	bigStudents  = 10000
	bigPeriods   = 300
	smallStudent = 100 // the small school: the demo, the bench class and fillers up to 100
)

// fillSchool adds students (and, for a big school, periods and checkpoints) up to total.
func fillSchool(app core.App, total int, now time.Time) error {
	var have int
	if err := app.DB().NewQuery("SELECT COUNT(*) FROM users WHERE role = 'student'").Row(&have); err != nil {
		return err
	}
	hash, err := sharedHash(app)
	if err != nil {
		return err
	}
	return app.RunInTransaction(func(tx core.App) error {
		classes, err := insertStudents(tx, total-have, hash, now)
		if err != nil || total < bigStudents {
			return err
		}
		return insertPeriods(tx, classes, now)
	})
}

func sharedHash(app core.App) (string, error) {
	martin, err := app.FindFirstRecordByData("users", "username", teacher)
	if err != nil {
		return "", err
	}
	hash, ok := martin.GetRaw(core.FieldNamePassword).(*core.PasswordFieldValue)
	if !ok || hash.Hash == "" {
		return "", fmt.Errorf("%s has no password hash", teacher)
	}
	return hash.Hash, nil
}

type bigClass struct {
	id, level string
	students  []string
}

// insertStudents adds n students in classes of 30, spread over the three levels.
func insertStudents(tx core.App, n int, hash string, now time.Time) ([]bigClass, error) {
	var classes []bigClass
	stamp := dbTime(now)
	for i := 0; i < n; i++ {
		if i%30 == 0 {
			c := bigClass{id: newID(), level: string(pfmp.Levels()[len(classes)%3])}
			if err := insert(tx, "classes", dbx.Params{"id": c.id, "name": fmt.Sprintf("Classe %03d", len(classes)),
				"level": c.level, "created": stamp, "updated": stamp}); err != nil {
				return nil, err
			}
			classes = append(classes, c)
		}
		id := newID()
		err := insert(tx, "users", dbx.Params{"id": id, "password": hash, "tokenKey": security.RandomString(50),
			"email": "", "username": fmt.Sprintf("remplissage.%05d", i), "role": "student", "status": "scolaire",
			"first_name": fmt.Sprintf("Prénom%05d", i), "last_name": fmt.Sprintf("Nom%05d", i),
			"class": classes[len(classes)-1].id, "created": stamp, "updated": stamp})
		if err != nil {
			return nil, err
		}
		c := &classes[len(classes)-1]
		c.students = append(c.students, id)
	}
	return classes, nil
}

// insertPeriods adds bigPeriods periods over three school years, each with one class placed,
// and a checkpoint per student of those classes.
func insertPeriods(tx core.App, classes []bigClass, now time.Time) error {
	stamp := dbTime(now)
	for i := 0; i < bigPeriods; i++ {
		c := classes[i%len(classes)]
		start := pfmp.DateOnly(now).AddDate(-(i % 3), 0, -7*(i%20))
		end := start.AddDate(0, 0, 25)
		pid := newID()
		err := insert(tx, "periods", dbx.Params{"id": pid, "name": fmt.Sprintf("PFMP remplissage %03d", i),
			"level": c.level, "kind": "P2", "start": dbTime(start), "end": dbTime(end), "review_date": dbTime(end),
			"objectives": "", "tasks": "[]", "created": stamp, "updated": stamp})
		if err != nil {
			return err
		}
		for _, st := range c.students {
			if err := insert(tx, "placements", dbx.Params{"id": newID(), "period": pid, "student": st,
				"created": stamp, "updated": stamp}); err != nil {
				return err
			}
			if err := insert(tx, "checkpoints", dbx.Params{"id": newID(), "student": st,
				"date": dbTime(end.AddDate(0, 0, 30)), "label": "Bilan", "created": stamp, "updated": stamp}); err != nil {
				return err
			}
		}
	}
	return nil
}

func insert(tx core.App, table string, p dbx.Params) error {
	_, err := tx.DB().Insert(table, p).Execute()
	return err
}

func newID() string {
	return security.RandomStringWithAlphabet(15, "abcdefghijklmnopqrstuvwxyz0123456789")
}

func dbTime(t time.Time) string {
	dt, _ := types.ParseDateTime(t)
	return dt.String()
}
