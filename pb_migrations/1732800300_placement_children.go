package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// placementChildren are deleted with their placement (cascade), listed in
// reverse creation order.
var placementChildren = []string{
	"tutor_access", "company_reviews", "attitude_reviews", "self_reviews",
	"comments", "attachments", "interventions", "journal_weeks",
}

// Placements (period × student: the student's dossier) and their children.
func init() {
	m.Register(func(app core.App) error {
		usersId, err := collectionId(app, "users")
		if err != nil {
			return err
		}
		periodsId, err := collectionId(app, "periods")
		if err != nil {
			return err
		}
		tasksId, err := collectionId(app, "tasks")
		if err != nil {
			return err
		}

		placements := core.NewBaseCollection("placements")
		placements.Fields.Add(
			one("period", periodsId, true, true),
			one("student", usersId, true, true),
			// personalised objectives and tasks (copied from the period)
			&core.BoolField{Name: "custom_objectives"},
			&core.TextField{Name: "objectives", Max: maxLong},
			many("tasks", tasksId),
		)
		// fiche de liaison: host company and tutor (validated in Go)
		placements.Fields.Add(texts(maxShort,
			"company_name", "company_address", "company_postal_code", "company_city",
			"company_sector", "company_phone", "company_siret",
			"tutor_last_name", "tutor_first_name", "tutor_phone", "tutor_email",
		)...)
		placements.Fields.Add(
			// company presentation
			&core.TextField{Name: "company_activity", Max: maxLong},
			intField("employees", types.Pointer(0.0), nil),
			intField("maintenance_staff", types.Pointer(0.0), nil),
			&core.TextField{Name: "company_history", Max: maxLong},
			// location
			&core.NumberField{Name: "lat", Min: types.Pointer(-90.0), Max: types.Pointer(90.0)},
			&core.NumberField{Name: "lng", Min: types.Pointer(-180.0), Max: types.Pointer(180.0)},
			&core.JSONField{Name: "org_chart"},
			&core.DateField{Name: "portfolio_edited"}, // first save by the student
			&core.DateField{Name: "liaison_edited"},
		)
		idx(placements, "period_student", true, "`period`, `student`", "")
		idx(placements, "student", false, "`student`", "")

		journalWeeks := core.NewBaseCollection("journal_weeks")
		journalWeeks.Fields.Add(
			placementRel(placements.Id),
			&core.DateField{Name: "week_start", Required: true},
		)
		journalWeeks.Fields.Add(texts(maxLong, "activities", "liked", "succeeded")...)
		journalWeeks.Fields.Add(version())
		idx(journalWeeks, "placement_week_start", true, "`placement`, `week_start`", "")

		interventions := core.NewBaseCollection("interventions")
		interventions.Fields.Add(
			placementRel(placements.Id),
			&core.TextField{Name: "title", Max: maxShort, Required: true},
			&core.TextField{Name: "conditions", Max: maxLong},
			// ordre de travail
			&core.DateField{Name: "wo_date"},
		)
		interventions.Fields.Add(texts(maxShort, "wo_sector", "wo_requester", "wo_machine")...)
		interventions.Fields.Add(texts(maxLong, "wo_nature", "wo_supplies", "wo_documentation", "defects", "causes", "repairs")...)
		interventions.Fields.Add(
			&core.TextField{Name: "duration", Max: maxName},
			&core.BoolField{Name: "selected"}, // selected for export
			version(),
		)
		idx(interventions, "placement", false, "`placement`", "")

		attachments := core.NewBaseCollection("attachments")
		attachments.Fields.Add(
			placementRel(placements.Id),
			&core.TextField{Name: "title", Max: maxShort, Required: true},
			&core.SelectField{Name: "kind", Values: []string{"file", "link"}, MaxSelect: 1},
			&core.FileField{Name: "file", MaxSelect: 1, MaxSize: 20 << 20, Protected: true},
			&core.TextField{Name: "url", Max: 2000},
			&core.TextField{Name: "mime", Max: maxName},
			intField("size", types.Pointer(0.0), nil),
		)
		idx(attachments, "placement", false, "`placement`", "")

		comments := core.NewBaseCollection("comments")
		comments.Fields.Add(
			placementRel(placements.Id),
			one("author", usersId, false, false),
			&core.TextField{Name: "body", Max: 5000, Required: true},
			&core.DateField{Name: "read_at"},
		)
		idx(comments, "placement", false, "`placement`", "")
		idx(comments, "author", false, "`author`", "")

		// Bilan personnel.
		selfReviews := core.NewBaseCollection("self_reviews")
		selfReviews.Fields.Add(placementRel(placements.Id))
		selfReviews.Fields.Add(texts(maxLong, "strengths", "improvements", "next_goals")...)
		idx(selfReviews, "placement", true, "`placement`", "")

		attitudeReviews := core.NewBaseCollection("attitude_reviews")
		attitudeReviews.Fields.Add(
			placementRel(placements.Id),
			&core.JSONField{Name: "ratings"}, // attitude code -> level
			&core.TextField{Name: "comment", Max: maxLong},
			one("author", usersId, false, false),
		)
		idx(attitudeReviews, "placement", true, "`placement`", "")
		idx(attitudeReviews, "author", false, "`author`", "")

		// Bilan entreprise.
		companyReviews := core.NewBaseCollection("company_reviews")
		companyReviews.Fields.Add(
			placementRel(placements.Id),
			many("tasks_done", tasksId),
			&core.JSONField{Name: "modes"},   // competence code -> global | detailed
			&core.JSONField{Name: "ratings"}, // competence code -> level
			intField("engagement", types.Pointer(0.0), types.Pointer(4.0)),
			&core.DateField{Name: "meeting_date"},
			&core.TextField{Name: "comment", Max: maxLong},
			&core.BoolField{Name: "certificative"},
			one("author", usersId, false, false),
		)
		idx(companyReviews, "placement", true, "`placement`", "")
		idx(companyReviews, "meeting_date", false, "`meeting_date`", "")
		idx(companyReviews, "author", false, "`author`", "")

		tutorAccess := core.NewBaseCollection("tutor_access")
		tutorAccess.Fields.Add(
			placementRel(placements.Id),
			one("tutor", usersId, true, true),
			&core.TextField{Name: "token_hash", Max: 128}, // hex SHA-256
			&core.DateField{Name: "expires"},
			&core.BoolField{Name: "revoked"},
			&core.DateField{Name: "sent_at"},
			&core.DateField{Name: "last_used"},
			intField("uses", types.Pointer(0.0), nil),
		)
		idx(tutorAccess, "placement_tutor", false, "`placement`, `tutor`", "")
		idx(tutorAccess, "tutor", false, "`tutor`", "")
		idx(tutorAccess, "token_hash", true, "`token_hash`", "`token_hash` != ''")

		return saveAll(app, placements, journalWeeks, interventions, attachments, comments,
			selfReviews, attitudeReviews, companyReviews, tutorAccess)
	}, func(app core.App) error {
		return deleteCollections(app, append(placementChildren, "placements")...)
	})
}
