package dossier

import (
	"encoding/json"
	"slices"

	"github.com/pocketbase/dbx"
)

// ClassRow is a class with its students, as the student pickers show them.
type ClassRow struct {
	ID, Name string
	Students []PickStudent
}

// PickStudent is one student of a picker.
type PickStudent struct {
	ID        string `db:"id"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
	Status    string `db:"status"`
	ClassID   string `db:"class_id"`
	ClassName string `db:"class_name"`
}

// ClassesOfLevel lists a level's classes (every level's when level is empty) with their
// students, in one query.
func (s *Store) ClassesOfLevel(level string) ([]ClassRow, error) {
	var rows []PickStudent
	err := s.app.DB().NewQuery(`SELECT u.id, u.first_name, u.last_name, u.status,
		c.id AS class_id, c.name AS class_name
		FROM classes c JOIN users u ON u.class = c.id AND u.role = 'student'
		WHERE {:level} = '' OR c.level = {:level} ORDER BY c.level, c.name, u.last_name, u.first_name`).
		Bind(dbx.Params{"level": level}).All(&rows)
	var out []ClassRow
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].ID != r.ClassID {
			out = append(out, ClassRow{ID: r.ClassID, Name: r.ClassName})
		}
		out[len(out)-1].Students = append(out[len(out)-1].Students, r)
	}
	return out, err
}

// StudentsOfClass lists the ids of a class's students.
func (s *Store) StudentsOfClass(classID string) ([]string, error) {
	var ids []string
	err := s.app.DB().NewQuery(`SELECT id FROM users WHERE class = {:c} AND role = 'student'`).
		Bind(dbx.Params{"c": classID}).Column(&ids)
	return ids, err
}

// IsStudent reports whether id is a student's account.
func (s *Store) IsStudent(id string) (bool, error) {
	var n int
	err := s.app.DB().NewQuery(`SELECT COUNT(*) FROM users WHERE id = {:s} AND role = 'student'`).
		Bind(dbx.Params{"s": id}).Row(&n)
	return n > 0, err
}

// TaskRow is a task of the référentiel with its activity.
type TaskRow struct {
	ID            string `db:"id"`
	Code          string `db:"code"`
	Label         string `db:"label"`
	ActivityCode  string `db:"activity_code"`
	ActivityLabel string `db:"activity_label"`
}

// ActivityGroup is an activity and its tasks, in the référentiel's order.
type ActivityGroup struct {
	Code, Label string
	Tasks       []TaskRow
}

// TaskCatalogue lists every task of the référentiel, grouped by activity.
func (s *Store) TaskCatalogue() ([]ActivityGroup, error) {
	var rows []TaskRow
	err := s.app.DB().NewQuery(`SELECT t.id, t.code, t.label, a.code AS activity_code,
		a.label AS activity_label FROM tasks t JOIN activities a ON a.id = t.activity
		ORDER BY a.position, a.code, t.position, t.code`).All(&rows)
	return groupTasks(rows), err
}

// SelectedTasks keeps the catalogue's tasks whose ids are given, in the catalogue's order.
func SelectedTasks(all []ActivityGroup, ids []string) []ActivityGroup {
	var out []ActivityGroup
	for _, g := range all {
		var kept []TaskRow
		for _, t := range g.Tasks {
			if slices.Contains(ids, t.ID) {
				kept = append(kept, t)
			}
		}
		if len(kept) > 0 {
			out = append(out, ActivityGroup{Code: g.Code, Label: g.Label, Tasks: kept})
		}
	}
	return out
}

// ValidTaskIDs keeps the ids that name a task of the catalogue, in its order.
func ValidTaskIDs(all []ActivityGroup, ids []string) []string {
	var out []string
	for _, g := range SelectedTasks(all, ids) {
		for _, t := range g.Tasks {
			out = append(out, t.ID)
		}
	}
	return out
}

func groupTasks(rows []TaskRow) []ActivityGroup {
	var out []ActivityGroup
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].Code != r.ActivityCode {
			out = append(out, ActivityGroup{Code: r.ActivityCode, Label: r.ActivityLabel})
		}
		out[len(out)-1].Tasks = append(out[len(out)-1].Tasks, r)
	}
	return out
}

// AnnexeRow is one annexe pédagogique of the list.
type AnnexeRow struct {
	ID      string `db:"id"`
	Name    string `db:"name"`
	Level   string `db:"level"`
	Tasks   string `db:"tasks"`
	Periods int    `db:"periods"`
}

// TaskCount is the number of tasks the annexe lists.
func (a AnnexeRow) TaskCount() int {
	var ids []string
	_ = json.Unmarshal([]byte(a.Tasks), &ids)
	return len(ids)
}

// Annexes lists the annexes pédagogiques with the number of periods made from each.
func (s *Store) Annexes() ([]AnnexeRow, error) {
	var rows []AnnexeRow
	err := s.app.DB().NewQuery(`SELECT a.id, a.name, a.level, a.tasks,
		(SELECT COUNT(*) FROM periods p WHERE p.annexe = a.id) AS periods
		FROM annexes a ORDER BY a.level, a.name`).All(&rows)
	return rows, err
}
