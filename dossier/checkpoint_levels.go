package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// Bilans intermédiaires with content: when one is recorded, it keeps each competence's latest
// level from the evaluations it takes into account (pfmp.CountsIn: those of earlier days — the
// same ones it locks); a teacher may then adjust a level, with a justification.

// LevelsAt are the competences' latest levels from the evaluations a checkpoint dated day takes
// into account, by competence code (competences with none are left out).
func (d *Dashboard) LevelsAt(day time.Time) map[string]string {
	out := map[string]string{}
	for _, t := range d.Tracks {
		var levels []string
		for _, e := range t.Evaluations {
			if pfmp.CountsIn(e.Date, day) {
				levels = append(levels, e.Level)
			}
		}
		if l := pfmp.LatestLevel(levels); l != "" {
			out[t.Competence.Code] = l
		}
	}
	return out
}

// checkpointLevels computes, before a checkpoint is written, the levels it keeps for each
// student, in three queries for a whole class (reads outside the writing transaction: SQLite
// has one writer).
func (s *Store) checkpointLevels(studentIDs []string, day time.Time) (map[string]map[string]string, error) {
	comps, err := s.Competences()
	if err != nil {
		return nil, err
	}
	evaluations, err := s.evaluationsOf(studentIDs, comps)
	if err != nil {
		return nil, err
	}
	out := make(map[string]map[string]string, len(studentIDs))
	for _, id := range studentIDs {
		out[id] = tracksOf(comps, evaluations[id]).LevelsAt(day)
	}
	return out, nil
}

// Adjustment is a teacher's change to a level a checkpoint computed.
type Adjustment struct {
	Level  string    `json:"level"`
	Reason string    `json:"reason"`
	By     string    `json:"by"`
	At     time.Time `json:"at"`
}

// Stamp identifies an adjustment as a form saw it: "" for none (a zero Adjustment).
func (a Adjustment) Stamp() string {
	if a.At.IsZero() {
		return ""
	}
	return a.At.UTC().Format(time.RFC3339Nano)
}

// MsgAdjustedMeanwhile refuses an adjustment made on a page older than the competence's.
const MsgAdjustedMeanwhile = "Ce niveau a été ajusté entre-temps par quelqu'un d'autre : votre ajustement n'a pas été enregistré. Voici le niveau retenu à présent."

// Checkpoint is a bilan intermédiaire (collection checkpoints).
type Checkpoint struct{ core.BaseRecordProxy }

// Date is the checkpoint's day.
func (c *Checkpoint) Date() time.Time { return c.GetDateTime("date").Time() }

// Computed are the levels computed when it was recorded, by competence code.
func (c *Checkpoint) Computed() map[string]string {
	out := map[string]string{}
	_ = c.UnmarshalJSONField("levels", &out)
	return out
}

// Adjusted are the teacher's adjustments, by competence code.
func (c *Checkpoint) Adjusted() map[string]Adjustment {
	out := map[string]Adjustment{}
	_ = c.UnmarshalJSONField("adjusted", &out)
	return out
}

// Level is the level the checkpoint retains for a competence: the adjusted one, else the
// computed one.
func (c *Checkpoint) Level(code string) (level string, adjusted bool) {
	if a, ok := c.Adjusted()[code]; ok {
		return a.Level, true
	}
	return c.Computed()[code], false
}

// Checkpoint reads a bilan intermédiaire.
func (s *Store) Checkpoint(id string) (*Checkpoint, error) {
	r, err := s.app.FindRecordById("checkpoints", id)
	if err != nil {
		return nil, pfmp.NotFound(pfmp.MsgNoCheckpoint)
	}
	return proxy[Checkpoint](r), nil
}

// AdjustCheckpoint sets the level a checkpoint retains for a competence, with its reason; an
// empty level goes back to the computed one.
func (s *Store) AdjustCheckpoint(id, code, level, reason, by, seen string) error {
	_, err := s.Update("checkpoints", id, func(r *core.Record) (Fields, error) {
		adj := proxy[Checkpoint](r).Adjusted()
		if adj[code].Stamp() != seen {
			return nil, pfmp.Conflict(MsgAdjustedMeanwhile)
		}
		if level == "" {
			delete(adj, code)
		} else {
			adj[code] = Adjustment{Level: level, Reason: reason, By: by, At: s.now().UTC()}
		}
		return Fields{"adjusted": adj}, nil
	})
	return err
}

// RefreshPlannedCheckpoints takes the levels of a student's planned bilans intermédiaires (not
// in effect yet) again from the evaluations each one counts: an evaluation saved before a
// planned bilan's day belongs in it. A bilan in effect keeps the levels it was recorded with.
// app may be a transaction (the hooks of the evaluations call it).
func RefreshPlannedCheckpoints(app core.App, studentID string, now time.Time) error {
	planned, err := app.FindRecordsByFilter("checkpoints", "student = {:s} && date >= {:cutoff}", "", 0, 0,
		dbx.Params{"s": studentID, "cutoff": dbTime(pfmp.CheckpointCutoff(now))})
	if err != nil || len(planned) == 0 {
		return err
	}
	s := New(app, func() time.Time { return now })
	for _, r := range planned {
		levels, err := s.checkpointLevels([]string{studentID}, r.GetDateTime("date").Time())
		if err != nil {
			return err
		}
		r.Set("levels", levels[studentID])
		if err := app.Save(r); err != nil {
			return err
		}
	}
	return nil
}
