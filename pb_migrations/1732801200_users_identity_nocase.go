package migrations

import (
	"fmt"
	"strings"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/dbutils"
)

// People type « Lea.Dupont » or « LEA.DUPONT@… »: usernames and emails are unique and found
// regardless of case (PocketBase's FindAuthRecordByEmail follows the index's collation). Two
// accounts that differ only by case would make a login ambiguous: the migration stops and
// names them, for an administrator to rename one.
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		for _, field := range []string{core.FieldNameEmail, "username"} {
			if err := refuseCaseTwins(app, field); err != nil {
				return err
			}
			if err := setUniqueCollation(users, field, "NOCASE"); err != nil {
				return err
			}
		}
		return app.Save(users)
	}, func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		for _, field := range []string{core.FieldNameEmail, "username"} {
			if err := setUniqueCollation(users, field, ""); err != nil {
				return err
			}
		}
		return app.Save(users)
	})
}

// refuseCaseTwins fails, in French, when two accounts share a value of field up to case.
func refuseCaseTwins(app core.App, field string) error {
	var twins []string
	err := app.DB().NewQuery(fmt.Sprintf("SELECT MIN([[%s]]) FROM {{users}} WHERE [[%s]] != '' "+
		"GROUP BY [[%s]] COLLATE NOCASE HAVING COUNT(*) > 1", field, field, field)).Column(&twins)
	if err != nil {
		return err
	}
	if len(twins) > 0 {
		return fmt.Errorf("plusieurs comptes ont le même %s à la casse près (%s) : renommez-les dans "+
			"le tableau de bord, puis relancez Livret", field, strings.Join(twins, ", "))
	}
	return nil
}

// setUniqueCollation sets the collation of the single-column unique index of field.
func setUniqueCollation(c *core.Collection, field, collation string) error {
	for i, raw := range c.Indexes {
		index := dbutils.ParseIndex(raw)
		if index.Unique && len(index.Columns) == 1 && strings.EqualFold(index.Columns[0].Name, field) {
			index.Columns[0].Collate = collation
			c.Indexes[i] = index.Build()
			return nil
		}
	}
	return fmt.Errorf("users: no unique index on %s", field)
}
