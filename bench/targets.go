package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

const studentRow = `class="student-row"`

// targets are the four load runs: the period page, its fragment, a static file, and
// PocketBase's REST list of the same students (as superuser, token set later).
func targets(ids seeded) []target {
	filter := url.QueryEscape("(class='" + ids.classID + "')")
	return []target{
		{Name: "Period page (teacher, 30 students)", Path: "/periodes?niveau=1re&periode=" + ids.periodID,
			check: rows(true), verify: rows(true)},
		{Name: "Student-list fragment (HX-Request)", Path: "/periodes/" + ids.periodID + "/apprenants",
			header: http.Header{"Hx-Request": {"true"}}, check: rows(false), verify: rows(false)},
		{Name: "Static CSS", Path: "/static/css/app.css", check: css, verify: css},
		{Name: "PocketBase REST list (superuser)", Path: "/api/collections/users/records?perPage=30&filter=" + filter,
			header: http.Header{}, check: total, verify: restItems(ids.classID)},
	}
}

// rows wants the 30 students, in a whole page or in a fragment only.
func rows(page bool) func([]byte) error {
	return func(b []byte) error {
		if n := bytes.Count(b, []byte(studentRow)); n != benchStudents {
			return fmt.Errorf("%d student rows, want %d", n, benchStudents)
		}
		if whole := bytes.Contains(b, []byte("<html")); whole != page {
			return fmt.Errorf("whole page: %t, want %t", whole, page)
		}
		if !bytes.Contains(b, []byte("PFMP Bench 30")) {
			return fmt.Errorf("no period title")
		}
		return nil
	}
}

func css(b []byte) error {
	if len(b) < 100 || !bytes.Contains(b, []byte("{")) {
		return fmt.Errorf("not a stylesheet (%d bytes)", len(b))
	}
	return nil
}

func total(b []byte) error {
	if !bytes.Contains(b, []byte(fmt.Sprintf(`"totalItems":%d`, benchStudents))) {
		return fmt.Errorf("totalItems is not %d", benchStudents)
	}
	return nil
}

// restItems decodes the list: 30 users, all of the bench class.
func restItems(classID string) func([]byte) error {
	return func(b []byte) error {
		var list struct {
			TotalItems int
			Items      []struct{ Class, Role string }
		}
		if err := json.Unmarshal(b, &list); err != nil {
			return err
		}
		if list.TotalItems != benchStudents || len(list.Items) != benchStudents {
			return fmt.Errorf("%d items of %d, want %d", len(list.Items), list.TotalItems, benchStudents)
		}
		for _, it := range list.Items {
			if it.Class != classID || it.Role != "student" {
				return fmt.Errorf("item of class %q role %q", it.Class, it.Role)
			}
		}
		return total(b)
	}
}
