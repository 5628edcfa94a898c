package dossier

import (
	"slices"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"

	"livret/pfmp"
)

// Each dossier has one or more professeurs référents: those chosen in the period's student tab
// (placements.referents), else the teacher who created the period.

// Person is someone a page or an email names, with the address to write to.
type Person struct {
	ID        string `db:"id"`
	FirstName string `db:"first_name"`
	LastName  string `db:"last_name"`
	Email     string `db:"email"`
}

// Name is "Prénom NOM".
func (p Person) Name() string {
	return pfmp.FullName(p.FirstName, p.LastName)
}

type referentRow struct {
	Placement string `db:"placement"`
	Person
}

// referentsFrom joins each placement pl (of period pe) to its referent teachers u.
const referentsFrom = `
	FROM placements pl JOIN periods pe ON pe.id = pl.period,
		json_each(CASE WHEN pl.referents IS NULL OR pl.referents IN ('', '[]')
			THEN json_array(pe.author) ELSE pl.referents END) r
	JOIN users u ON u.id = r.value `

const referentsSelect = `SELECT pl.id AS placement, u.id, u.first_name, u.last_name, u.email` + referentsFrom

// ReferentsOfPeriod lists the referents of every dossier of a period, by placement, in one query.
func (s *Store) ReferentsOfPeriod(periodID string) (map[string][]Person, error) {
	return s.referents(`WHERE pl.period = {:p}`, dbx.Params{"p": periodID})
}

// ReferentsOf lists the referents of the dossiers named, by placement, in one query.
func (s *Store) ReferentsOf(placementIDs ...string) (map[string][]Person, error) {
	if len(placementIDs) == 0 {
		return map[string][]Person{}, nil
	}
	in, params := inList(placementIDs)
	return s.referents(`WHERE pl.id IN `+in, params)
}

// inList is an SQL list of bound ids, "({:in0}, {:in1}…)", and its parameters.
func inList(ids []string) (string, dbx.Params) {
	params := dbx.Params{}
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = "{:in" + strconv.Itoa(i) + "}"
		params["in"+strconv.Itoa(i)] = id
	}
	return "(" + strings.Join(names, ", ") + ")", params
}

func (s *Store) referents(where string, params dbx.Params) (map[string][]Person, error) {
	var rows []referentRow
	err := s.app.DB().NewQuery(referentsSelect + where + ` ORDER BY u.last_name, u.first_name`).Bind(params).All(&rows)
	out := map[string][]Person{}
	for _, r := range rows {
		out[r.Placement] = append(out[r.Placement], r.Person)
	}
	return out, err
}

// ReferentsOfGrant lists the referents of the dossier a grant opens (none when it is gone).
func (s *Store) ReferentsOfGrant(grantID string) ([]Person, error) {
	grants, err := s.GrantsByIDs([]string{grantID})
	if err != nil || len(grants) == 0 {
		return nil, err
	}
	placement := grants[0].PlacementID()
	byPlacement, err := s.ReferentsOf(placement)
	return byPlacement[placement], err
}

// IsReferent reports whether the teacher is among the people listed.
func IsReferent(people []Person, teacherID string) bool {
	return slices.ContainsFunc(people, func(p Person) bool { return p.ID == teacherID })
}

// Teachers lists the school's teachers by name: whom a dossier's referents are chosen from.
func (s *Store) Teachers() ([]Person, error) {
	var rows []Person
	err := s.app.DB().NewQuery(`SELECT id, first_name, last_name, email FROM users
		WHERE role = 'teacher' ORDER BY last_name, first_name`).All(&rows)
	return rows, err
}

// SetReferents names a dossier's referent teachers: one at least, teachers only.
func (s *Store) SetReferents(placementID string, teacherIDs []string) error {
	teachers, err := s.Teachers()
	if err != nil {
		return err
	}
	var chosen []string
	for _, t := range teachers {
		if slices.Contains(teacherIDs, t.ID) {
			chosen = append(chosen, t.ID)
		}
	}
	if len(chosen) == 0 {
		return pfmp.Invalid("Choisissez au moins un professeur référent.",
			map[string]string{"referents": "Choisissez au moins un professeur référent."})
	}
	_, err = s.Update("placements", placementID, Set(Fields{"referents": chosen}))
	return err
}
