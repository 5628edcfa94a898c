package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Classes (+ users.class), annexes pédagogiques, periods, and the
// student-level checkpoints and school evaluations.
func init() {
	m.Register(func(app core.App) error {
		usersId, err := collectionId(app, "users")
		if err != nil {
			return err
		}
		diplomasId, err := collectionId(app, "diplomas")
		if err != nil {
			return err
		}
		tasksId, err := collectionId(app, "tasks")
		if err != nil {
			return err
		}
		competencesId, err := collectionId(app, "competences")
		if err != nil {
			return err
		}

		classes := core.NewBaseCollection("classes")
		classes.Fields.Add(
			&core.TextField{Name: "name", Max: maxName, Required: true},
			&core.SelectField{Name: "level", Values: levels, MaxSelect: 1, Required: true},
			one("diploma", diplomasId, false, false),
		)
		idx(classes, "name", true, "`name`", "")
		idx(classes, "level", false, "`level`", "")
		idx(classes, "diploma", false, "`diploma`", "")

		annexes := core.NewBaseCollection("annexes")
		annexes.Fields.Add(
			&core.TextField{Name: "name", Max: maxName, Required: true},
			&core.SelectField{Name: "level", Values: levels, MaxSelect: 1, Required: true},
			&core.TextField{Name: "objectives", Max: maxLong},
			many("tasks", tasksId),
			one("author", usersId, false, false),
		)
		idx(annexes, "level", false, "`level`", "")
		idx(annexes, "author", false, "`author`", "")

		periods := core.NewBaseCollection("periods")
		periods.Fields.Add(
			&core.TextField{Name: "name", Max: maxName, Required: true},
			&core.SelectField{Name: "level", Values: levels, MaxSelect: 1},
			&core.SelectField{Name: "kind", Values: []string{"P1", "P2", "autre", "E31", "E33"}, MaxSelect: 1, Required: true},
			one("annexe", annexes.Id, false, false),
			&core.DateField{Name: "start", Required: true},
			&core.DateField{Name: "end", Required: true},
			&core.DateField{Name: "review_date"}, // date of the bilans entreprise
			&core.TextField{Name: "objectives", Max: maxLong},
			many("tasks", tasksId),
			one("author", usersId, false, false),
		)
		idx(periods, "level_created", false, "`level`, `created`", "")
		idx(periods, "annexe", false, "`annexe`", "")
		idx(periods, "author", false, "`author`", "")
		idx(periods, "start", false, "`start`", "")

		// Bilans intermédiaires de compétences.
		checkpoints := core.NewBaseCollection("checkpoints")
		checkpoints.Fields.Add(
			one("student", usersId, true, true),
			&core.DateField{Name: "date", Required: true},
			&core.TextField{Name: "label", Max: maxShort},
			one("author", usersId, false, false),
		)
		idx(checkpoints, "student_date", false, "`student`, `date`", "")
		idx(checkpoints, "author", false, "`author`", "")

		evaluations := core.NewBaseCollection("school_evaluations")
		evaluations.Fields.Add(
			one("student", usersId, true, true),
			&core.DateField{Name: "date"},
			one("competence", competencesId, false, false),
			&core.TextField{Name: "level", Max: maxCode},
			&core.TextField{Name: "label", Max: maxShort},
			&core.TextField{Name: "comment", Max: maxLong},
			one("author", usersId, false, false),
		)
		idx(evaluations, "student_date", false, "`student`, `date`", "")
		idx(evaluations, "competence", false, "`competence`", "")
		idx(evaluations, "author", false, "`author`", "")

		if err := saveAll(app, classes, annexes, periods, checkpoints, evaluations); err != nil {
			return err
		}

		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.Fields.Add(one("class", classes.Id, false, false))
		idx(users, "class", false, "`class`", "")
		return saveAll(app, users)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.RemoveIndex("idx_users_class")
		users.Fields.RemoveByName("class")
		if err := app.Save(users); err != nil {
			return err
		}
		return deleteCollections(app, "school_evaluations", "checkpoints", "periods", "annexes", "classes")
	})
}
