package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Evaluations: versions for the bilans' concurrent edits, and the bilan entreprise's explicit
// save (what makes it visible to the student).
func init() {
	m.Register(func(app core.App) error {
		usersId, err := collectionId(app, "users")
		if err != nil {
			return err
		}
		for _, name := range []string{"self_reviews", "attitude_reviews"} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			c.Fields.Add(version()) // counts saves: a form names the version it edited
			if err := saveAll(app, c); err != nil {
				return err
			}
		}
		reviews, err := app.FindCollectionByNameOrId("company_reviews")
		if err != nil {
			return err
		}
		reviews.Fields.Add(
			version(),                         // the review's save counter
			&core.JSONField{Name: "versions"}, // choice key -> version of its last change
			&core.DateField{Name: "saved_at"}, // last « Enregistrer »: visible to the student
			one("saved_by", usersId, false, false),
		)
		idx(reviews, "saved_at", false, "`saved_at`", "")
		return saveAll(app, reviews)
	}, func(app core.App) error {
		for _, name := range []string{"self_reviews", "attitude_reviews"} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			c.Fields.RemoveByName("version")
			if err := app.Save(c); err != nil {
				return err
			}
		}
		reviews, err := app.FindCollectionByNameOrId("company_reviews")
		if err != nil {
			return err
		}
		reviews.RemoveIndex("idx_company_reviews_saved_at")
		for _, f := range []string{"version", "versions", "saved_at", "saved_by"} {
			reviews.Fields.RemoveByName(f)
		}
		return app.Save(reviews)
	})
}
