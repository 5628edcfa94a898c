package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Référentiel tables, keyed by `code` (see SeedReferentiel).
func init() {
	m.Register(func(app core.App) error {
		diplomas := core.NewBaseCollection("diplomas")
		diplomas.Fields.Add(
			&core.TextField{Name: "code", Max: maxCode, Required: true},
			&core.TextField{Name: "title", Max: maxShort, Required: true},
			&core.TextField{Name: "short", Max: maxCode},
			&core.TextField{Name: "family", Max: maxCode},
			// echelles, pfmp, niveaux, unites_professionnelles
			&core.JSONField{Name: "data", MaxSize: 2 << 20},
		)
		idx(diplomas, "code", true, "`code`", "")

		blocs := core.NewBaseCollection("blocs")
		blocs.Fields.Add(
			one("diploma", diplomas.Id, true, true),
			&core.TextField{Name: "code", Max: maxCode, Required: true},
			&core.TextField{Name: "label", Max: maxLabel},
			&core.TextField{Name: "unit", Max: maxCode},
			&core.TextField{Name: "pole", Max: maxCode},
			&core.TextField{Name: "verification", Max: maxLabel},
			position(),
		)
		idx(blocs, "diploma_code", true, "`diploma`, `code`", "")

		activities := core.NewBaseCollection("activities")
		activities.Fields.Add(
			one("diploma", diplomas.Id, true, true),
			&core.TextField{Name: "code", Max: maxCode, Required: true},
			&core.TextField{Name: "label", Max: maxLabel},
			&core.TextField{Name: "pole", Max: maxCode},
			&core.TextField{Name: "bloc", Max: maxCode},
			&core.TextField{Name: "verification", Max: maxLabel},
			position(),
		)
		idx(activities, "diploma_code", true, "`diploma`, `code`", "")

		tasks := core.NewBaseCollection("tasks")
		tasks.Fields.Add(
			one("activity", activities.Id, true, true),
			&core.TextField{Name: "code", Max: maxCode, Required: true},
			&core.TextField{Name: "label", Max: maxLabel},
			&core.JSONField{Name: "competences"}, // competence codes
			&core.TextField{Name: "verification", Max: maxLabel},
			position(),
		)
		idx(tasks, "code", true, "`code`", "")
		idx(tasks, "activity", false, "`activity`", "")

		competences := core.NewBaseCollection("competences")
		competences.Fields.Add(
			one("diploma", diplomas.Id, true, true),
			&core.TextField{Name: "code", Max: maxCode, Required: true},
			&core.TextField{Name: "label", Max: maxLabel},
			&core.TextField{Name: "short_label", Max: maxShort},
			&core.TextField{Name: "bloc", Max: maxCode},
			// `parent` (self relation) is added once the collection exists.
			&core.TextField{Name: "verification", Max: maxLabel},
			&core.TextField{Name: "note", Max: maxLong},
			position(),
		)
		idx(competences, "diploma_code", true, "`diploma`, `code`", "")

		attitudes := core.NewBaseCollection("attitudes")
		attitudes.Fields.Add(
			one("diploma", diplomas.Id, true, true),
			&core.TextField{Name: "code", Max: maxCode, Required: true},
			&core.TextField{Name: "label", Max: maxShort},
			&core.TextField{Name: "description", Max: maxLabel},
			&core.JSONField{Name: "descriptors"}, // level "1".."4" -> text
			position(),
		)
		idx(attitudes, "diploma_code", true, "`diploma`, `code`", "")

		if err := saveAll(app, diplomas, blocs, activities, tasks, competences, attitudes); err != nil {
			return err
		}

		// Detailed sub-competences (sous_competences) point to their parent.
		competences.Fields.AddAt(5, one("parent", competences.Id, true, false))
		idx(competences, "parent", false, "`parent`", "")
		return saveAll(app, competences)
	}, func(app core.App) error {
		return deleteCollections(app, "attitudes", "competences", "tasks", "activities", "blocs", "diplomas")
	})
}
