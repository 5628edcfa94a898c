package dossier

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/accounts"
)

// The school as an import of students must know it (accounts.School), read in five queries.

// The accounts types have no db tags: dbx maps FirstName to first_name, ID to id.

func importSchool(app core.App) (*accounts.School, error) {
	sc := &accounts.School{Emails: map[string]string{}}
	var students []struct {
		ID        string `db:"id"`
		First     string `db:"first_name"`
		Last      string `db:"last_name"`
		Username  string `db:"username"`
		Email     string `db:"email"`
		Status    string `db:"status"`
		Class     string `db:"class"`
		Master    string `db:"master"`
		BirthDate string `db:"birth_date"`
		LeftAt    string `db:"left_at"`
	}
	err := app.DB().NewQuery(`SELECT id, first_name, last_name, username, email, status, class, master, birth_date, left_at
		FROM users WHERE role = 'student'`).All(&students)
	if err != nil {
		return nil, err
	}
	for _, st := range students {
		birth, _ := types.ParseDateTime(st.BirthDate)
		left, _ := types.ParseDateTime(st.LeftAt)
		sc.Students = append(sc.Students, accounts.Student{ID: st.ID, FirstName: st.First, LastName: st.Last,
			Username: st.Username, Email: st.Email, Status: st.Status, ClassID: st.Class, MasterID: st.Master,
			BirthDate: birth.Time(), LeftAt: left.Time()})
	}
	var logins []struct {
		ID       string `db:"id"`
		Username string `db:"username"`
		Email    string `db:"email"`
	}
	if err := app.DB().NewQuery(`SELECT id, username, email FROM users WHERE username != '' OR email != ''`).All(&logins); err != nil {
		return nil, err
	}
	for _, l := range logins {
		if l.Username != "" {
			sc.Usernames = append(sc.Usernames, l.Username)
		}
		if l.Email != "" {
			sc.Emails[strings.ToLower(l.Email)] = l.ID
		}
	}
	err = app.DB().NewQuery(`SELECT id, name, level FROM classes`).All(&sc.Classes)
	if err == nil {
		err = app.DB().NewQuery(`SELECT id, first_name, last_name, email FROM users
			WHERE role = 'master'`).All(&sc.Masters)
	}
	if err == nil {
		err = app.DB().NewQuery(`SELECT id, short, family, title FROM diplomas`).All(&sc.Diplomas)
	}
	return sc, err
}
