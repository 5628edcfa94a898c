package web

import (
	"encoding/json"
	"slices"
)

// taskRow is one task of the référentiel, with its activity.
type taskRow struct {
	ID            string `db:"id"`
	Code          string `db:"code"`
	Label         string `db:"label"`
	ActivityCode  string `db:"activity_code"`
	ActivityLabel string `db:"activity_label"`
}

// activityGroup is an activity (A1…A4) and its tasks, as checklists and readers show them.
type activityGroup struct {
	Code, Label string
	Tasks       []taskRow
}

// taskCatalogue is every task grouped by activity, in the référentiel's order, in one query.
func (s *Server) taskCatalogue() ([]activityGroup, error) {
	var rows []taskRow
	err := s.app.DB().NewQuery(`SELECT t.id, t.code, t.label, a.code AS activity_code,
		a.label AS activity_label FROM tasks t JOIN activities a ON a.id = t.activity
		ORDER BY a.position, a.code, t.position, t.code`).All(&rows)
	return groupTasks(rows), err
}

// selectedTasks keeps, in catalogue order, the groups and tasks whose ids are chosen.
func selectedTasks(all []activityGroup, ids []string) []activityGroup {
	var out []activityGroup
	for _, g := range all {
		var kept []taskRow
		for _, t := range g.Tasks {
			if slices.Contains(ids, t.ID) {
				kept = append(kept, t)
			}
		}
		if len(kept) > 0 {
			out = append(out, activityGroup{Code: g.Code, Label: g.Label, Tasks: kept})
		}
	}
	return out
}

// validTaskIDs drops ids that are not référentiel tasks (a tampered form).
func validTaskIDs(all []activityGroup, ids []string) []string {
	var out []string
	for _, g := range all {
		for _, t := range g.Tasks {
			if slices.Contains(ids, t.ID) {
				out = append(out, t.ID)
			}
		}
	}
	return out
}

func groupTasks(rows []taskRow) []activityGroup {
	var out []activityGroup
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].Code != r.ActivityCode {
			out = append(out, activityGroup{Code: r.ActivityCode, Label: r.ActivityLabel})
		}
		out[len(out)-1].Tasks = append(out[len(out)-1].Tasks, r)
	}
	return out
}

// jsonIDs reads a multiple relation column as SQL returns it (a JSON array of ids).
func jsonIDs(raw string) []string {
	var ids []string
	_ = json.Unmarshal([]byte(raw), &ids)
	return ids
}
