package web

import "livret/dossier"

// chosenStudents turns whole classes and single students ticked in a form into student ids,
// keeping only students of the offered classes (a tampered form adds no one else).
func chosenStudents(classes []dossier.ClassRow, classIDs, studentIDs []string) []string {
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
func withoutAssigned(classes []dossier.ClassRow, assigned []dossier.StudentRow) []dossier.ClassRow {
	on := map[string]bool{}
	for _, a := range assigned {
		on[a.StudentID] = true
	}
	var out []dossier.ClassRow
	for _, c := range classes {
		var left []dossier.PickStudent
		for _, st := range c.Students {
			if !on[st.ID] {
				left = append(left, st)
			}
		}
		if len(left) > 0 {
			out = append(out, dossier.ClassRow{ID: c.ID, Name: c.Name, Students: left})
		}
	}
	return out
}
