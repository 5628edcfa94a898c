package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Certification grids (periods E31, E33): the evaluators of a grid, and the référentiel again
// for the competences each épreuve evaluates (unites_professionnelles.competences_evaluees).
func init() {
	m.Register(func(app core.App) error {
		reviews, err := app.FindCollectionByNameOrId("company_reviews")
		if err != nil {
			return err
		}
		reviews.Fields.Add(&core.TextField{Name: "evaluators", Max: maxShort}) // names, as signed on paper
		if err := saveAll(app, reviews); err != nil {
			return err
		}
		return SeedReferentiel(app, BacProMSPC)
	}, func(app core.App) error {
		reviews, err := app.FindCollectionByNameOrId("company_reviews")
		if err != nil {
			return err
		}
		reviews.Fields.RemoveByName("evaluators")
		return app.Save(reviews)
	})
}
