package dossier

import (
	"github.com/pocketbase/dbx"

	"livret/pfmp"
)

// Dossier is one student's dossier for one period, with its period and student.
type Dossier struct {
	Placement *Placement
	Period    *Period
	Student   *User
}

// ID is the placement's id, the dossier's address.
func (d *Dossier) ID() string { return d.Placement.Id }

// Load reads a dossier by its placement id, in three queries.
func (s *Store) Load(id string) (*Dossier, error) {
	p, err := s.app.FindRecordById("placements", id)
	if err != nil {
		return nil, pfmp.NotFound(pfmp.MsgNoDossier)
	}
	period, err := s.app.FindRecordById("periods", p.GetString("period"))
	if err != nil {
		return nil, pfmp.NotFound(pfmp.MsgNoDossier)
	}
	student, err := s.app.FindRecordById("users", p.GetString("student"))
	if err != nil {
		return nil, pfmp.NotFound(pfmp.MsgNoDossier)
	}
	return &Dossier{Placement: proxy[Placement](p), Period: proxy[Period](period), Student: proxy[User](student)}, nil
}

// Counters are the portfolio's tab badges: reports, and comments the student has not read.
type Counters struct {
	Interventions int `db:"interventions"`
	Unread        int `db:"unread"`
}

// Counters reads the badges of a dossier in one query.
func (s *Store) Counters(placementID string) (Counters, error) {
	var b Counters
	err := s.app.DB().NewQuery(`SELECT
		(SELECT COUNT(*) FROM interventions WHERE placement = {:p}) AS interventions,
		(SELECT COUNT(*) FROM comments WHERE placement = {:p} AND read_at = '') AS unread`).
		Bind(dbx.Params{"p": placementID}).One(&b)
	return b, err
}
