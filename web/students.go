package web

import (
	"github.com/pocketbase/dbx"
)

// classRow is a class with its students, for assigning students to a period.
type classRow struct {
	ID, Name string
	Students []pickStudent
}

// pickStudent is a student in a checklist.
type pickStudent struct {
	ID        string `db:"id"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
	Status    string `db:"status"`
	ClassID   string `db:"class_id"`
	ClassName string `db:"class_name"`
}

// classesOfLevel lists a level's classes (every level's for "") and their students by name, in
// one query.
func (s *Server) classesOfLevel(level string) ([]classRow, error) {
	var rows []pickStudent
	err := s.app.DB().NewQuery(`SELECT u.id, u.first_name, u.last_name, u.status,
		c.id AS class_id, c.name AS class_name
		FROM classes c JOIN users u ON u.class = c.id AND u.role = 'student'
		WHERE {:level} = '' OR c.level = {:level} ORDER BY c.level, c.name, u.last_name, u.first_name`).
		Bind(dbx.Params{"level": level}).All(&rows)
	var out []classRow
	for _, r := range rows {
		if len(out) == 0 || out[len(out)-1].ID != r.ClassID {
			out = append(out, classRow{ID: r.ClassID, Name: r.ClassName})
		}
		out[len(out)-1].Students = append(out[len(out)-1].Students, r)
	}
	return out, err
}

// chosenStudents turns whole classes and single students ticked in a form into student ids,
// keeping only students of the offered classes (a tampered form adds no one else).
func chosenStudents(classes []classRow, classIDs, studentIDs []string) []string {
	want := map[string]bool{}
	for _, id := range studentIDs {
		want[id] = true
	}
	whole := map[string]bool{}
	for _, id := range classIDs {
		whole[id] = true
	}
	var out []string
	for _, c := range classes {
		for _, st := range c.Students {
			if whole[c.ID] || want[st.ID] {
				out = append(out, st.ID)
			}
		}
	}
	return out
}

// withoutAssigned leaves out of the "add" checklist the students already on the period.
func withoutAssigned(classes []classRow, assigned []studentRow) []classRow {
	on := map[string]bool{}
	for _, a := range assigned {
		on[a.StudentID] = true
	}
	var out []classRow
	for _, c := range classes {
		var left []pickStudent
		for _, st := range c.Students {
			if !on[st.ID] {
				left = append(left, st)
			}
		}
		if len(left) > 0 {
			out = append(out, classRow{ID: c.ID, Name: c.Name, Students: left})
		}
	}
	return out
}
