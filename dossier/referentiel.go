package dossier

import (
	"encoding/json"
	"slices"

	"github.com/pocketbase/dbx"
)

// The référentiel as the evaluations read it: competences with their sub-competences,
// attitudes, and the competences each task mobilises.

// Competence is a competence of the référentiel; a top-level one lists its sub-competences.
type Competence struct {
	ID           string `db:"id"`
	Code         string `db:"code"`
	Label        string `db:"label"`
	Bloc         string `db:"bloc"`
	Verification string `db:"verification"`
	ParentCode   string `db:"parent_code"`
	Position     int    `db:"position"`
	Subs         []*Competence
}

// Official reports whether the item comes from the official text (not app-defined).
func (c *Competence) Official() bool { return c.Verification == "vérifié" }

// Competences lists the top-level competences in the référentiel's order, each with its
// sub-competences in order. They are read once and kept while the competences table is
// unchanged (its row count and latest update say so); each caller gets its own copy.
func (s *Store) Competences() ([]*Competence, error) {
	var stamp string
	err := s.read(`SELECT COUNT(*) || '@' || COALESCE(MAX(updated), '') FROM competences`, dbx.Params{},
		func(q *dbx.Query) error { return q.Row(&stamp) })
	if err != nil {
		return nil, err
	}
	tops, err := s.competences.get(stamp, s.readCompetences)
	return copyCompetences(tops), err
}

// copyCompetences copies the tree, so that no caller changes the kept one.
func copyCompetences(list []*Competence) []*Competence {
	out := make([]*Competence, len(list))
	for i, c := range list {
		cp := *c
		cp.Subs = copyCompetences(c.Subs)
		out[i] = &cp
	}
	return out
}

// readCompetences reads the tree in one query.
func (s *Store) readCompetences() ([]*Competence, error) {
	var rows []*Competence
	err := s.app.DB().NewQuery(`SELECT c.id, c.code, c.label, c.bloc, c.verification, c.position,
		COALESCE(p.code, '') AS parent_code FROM competences c LEFT JOIN competences p ON p.id = c.parent
		ORDER BY c.position, c.code`).All(&rows)
	if err != nil {
		return nil, err
	}
	var tops []*Competence
	byCode := map[string]*Competence{}
	for _, c := range rows {
		if c.ParentCode == "" {
			tops = append(tops, c)
			byCode[c.Code] = c
		}
	}
	for _, c := range rows {
		if p := byCode[c.ParentCode]; p != nil {
			p.Subs = append(p.Subs, c)
		}
	}
	return tops, nil
}

// Attitude is a criterion of the attitudes professionnelles, with its level descriptors.
type Attitude struct {
	Code        string `db:"code"`
	Label       string `db:"label"`
	Description string `db:"description"`
	RawDesc     string `db:"descriptors"`
}

// Descriptor is what level code ("1".."4") means for this attitude ("" when not written).
func (a Attitude) Descriptor(level string) string {
	var d map[string]string
	_ = json.Unmarshal([]byte(a.RawDesc), &d)
	return d[level]
}

// Attitudes lists the attitudes professionnelles in the référentiel's order.
func (s *Store) Attitudes() ([]Attitude, error) {
	var rows []Attitude
	err := s.app.DB().NewQuery(`SELECT code, label, description, descriptors FROM attitudes
		ORDER BY position, code`).All(&rows)
	return rows, err
}

// ReviewTask is a task of a dossier, with its activity and the competences it mobilises.
type ReviewTask struct {
	TaskRow
	RawCompetences string `db:"competences"`
}

// CompetenceCodes are the codes of the competences the référentiel links to the task.
func (t ReviewTask) CompetenceCodes() []string {
	var codes []string
	_ = json.Unmarshal([]byte(t.RawCompetences), &codes)
	return codes
}

// TasksByID reads the tasks whose ids are given, in the référentiel's order.
func (s *Store) TasksByID(ids []string) ([]ReviewTask, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	var rows []ReviewTask
	err := s.app.DB().Select("t.id", "t.code", "t.label", "t.competences",
		"a.code AS activity_code", "a.label AS activity_label").From("tasks t").
		InnerJoin("activities a", dbx.NewExp("a.id = t.activity")).
		Where(dbx.In("t.id", args...)).OrderBy("a.position", "a.code", "t.position", "t.code").All(&rows)
	return rows, err
}

// LinkedCompetences keeps the competences the tasks mobilise, in the référentiel's order.
func LinkedCompetences(all []*Competence, tasks []ReviewTask) []*Competence {
	var codes []string
	for _, t := range tasks {
		codes = append(codes, t.CompetenceCodes()...)
	}
	var out []*Competence
	for _, c := range all {
		if slices.Contains(codes, c.Code) {
			out = append(out, c)
		}
	}
	return out
}
