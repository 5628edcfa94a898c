package dossier

import (
	"database/sql"
	"errors"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// The dossier's one-per-period evaluations saved as a whole form: the bilan personnel and the
// bilan des attitudes professionnelles. Each save names the version it edited.

// SelfQuestion is one question of the bilan personnel and the field its answer is kept in.
type SelfQuestion struct{ Field, Question string }

// SelfReviewQuestions are the bilan personnel's questions, in the form's order: the page asks
// them, the student's archive titles the answers with them (one definition: they cannot drift).
var SelfReviewQuestions = []SelfQuestion{
	{"strengths", "Mes points forts"},
	{"improvements", "Mes axes de progrès"},
	{"next_goals", "Mes objectifs pour la prochaine période"},
}

// SelfReviewFields are the bilan personnel's fields, in the form's order.
var SelfReviewFields = selfFields()

func selfFields() []string {
	out := make([]string, len(SelfReviewQuestions))
	for i, q := range SelfReviewQuestions {
		out[i] = q.Field
	}
	return out
}

// SelfReview is the student's bilan personnel (collection self_reviews).
type SelfReview struct{ core.BaseRecordProxy }

// Version counts the saves: a save names the version it edited.
func (r *SelfReview) Version() int { return r.GetInt("version") }

// AttitudeReview is the bilan des attitudes professionnelles (collection attitude_reviews).
type AttitudeReview struct{ core.BaseRecordProxy }

// Version counts the saves.
func (r *AttitudeReview) Version() int { return r.GetInt("version") }

// Rating is the level given to one attitude ("" when none).
func (r *AttitudeReview) Rating(code string) string { return r.Ratings()[code] }

// Ratings are the levels by attitude code.
func (r *AttitudeReview) Ratings() map[string]string {
	out := map[string]string{}
	_ = r.UnmarshalJSONField("ratings", &out)
	return out
}

// ChangedBy is the user who saved last; ChangedAt when.
func (r *AttitudeReview) ChangedBy() string    { return r.GetString("author") }
func (r *AttitudeReview) ChangedAt() time.Time { return r.GetDateTime("updated").Time() }

// SelfReview reads a dossier's bilan personnel, nil when the student has not saved it yet.
func (s *Store) SelfReview(placementID string) (*SelfReview, error) {
	r, err := findReview(s.app, "self_reviews", placementID)
	if r == nil {
		return nil, err
	}
	return proxy[SelfReview](r), nil
}

// SaveSelfReview writes the bilan personnel's texts (see saveVersioned).
func (s *Store) SaveSelfReview(placementID, actorID string, version int, texts map[string]string) (*SelfReview, error) {
	r, err := s.saveVersioned("self_reviews", placementID, actorID, version, func(r *core.Record) {
		for _, f := range SelfReviewFields {
			r.Set(f, texts[f])
		}
	})
	if err != nil {
		return nil, err
	}
	return proxy[SelfReview](r), nil
}

// AttitudeReview reads a dossier's bilan des attitudes, nil when nobody has saved it yet.
func (s *Store) AttitudeReview(placementID string) (*AttitudeReview, error) {
	r, err := findReview(s.app, "attitude_reviews", placementID)
	if r == nil {
		return nil, err
	}
	return proxy[AttitudeReview](r), nil
}

// SaveAttitudeReview writes the attitudes' levels (by code, "" left out) and the comment,
// naming actorID as the last to change it (see saveVersioned).
func (s *Store) SaveAttitudeReview(placementID, actorID string, version int, ratings map[string]string, comment string) (*AttitudeReview, error) {
	kept := map[string]string{}
	for code, level := range ratings {
		if level != "" {
			kept[code] = level
		}
	}
	r, err := s.saveVersioned("attitude_reviews", placementID, actorID, version, func(r *core.Record) {
		r.Set("ratings", kept)
		r.Set("comment", comment)
		r.Set("author", actorID)
	})
	if err != nil {
		return nil, err
	}
	return proxy[AttitudeReview](r), nil
}

// saveVersioned creates or updates a dossier's record of an evaluation in one transaction, if
// version is still the stored one (0 when none is stored); else pfmp.MsgFormStale (409).
func (s *Store) saveVersioned(collection, placementID, actorID string, version int, set func(*core.Record)) (*core.Record, error) {
	var out *core.Record
	err := s.app.RunInTransaction(func(tx core.App) error {
		r, err := findReview(tx, collection, placementID)
		if err != nil {
			return err
		}
		if r == nil {
			if r, err = newRecord(tx, collection); err != nil {
				return err
			}
			r.Set("placement", placementID)
		}
		if r.GetInt("version") != version {
			return pfmp.Conflict(pfmp.MsgFormStale)
		}
		set(r)
		r.Set("version", version+1)
		out = r
		return saveAs(tx, actorID, r)
	})
	return out, err
}

// findReview reads a dossier's record of a one-per-placement evaluation, nil when none.
func findReview(app core.App, collection, placementID string) (*core.Record, error) {
	r, err := app.FindFirstRecordByData(collection, "placement", placementID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return r, err
}

// UserNames are the names of accounts by id, in one query ("" for one gone).
func (s *Store) UserNames(ids ...string) map[string]string {
	out := map[string]string{}
	recs, err := s.app.FindRecordsByIds("users", ids)
	if err != nil {
		return out
	}
	for _, r := range recs {
		out[r.Id] = proxy[User](r).FullName()
	}
	return out
}

// UserName is a user's "Prénom NOM", "" when the id names nobody.
func (s *Store) UserName(id string) string {
	if id == "" {
		return ""
	}
	return s.UserNames(id)[id]
}

// selfValues and attitudeValues flatten the evaluations for their history.
func selfValues(r *core.Record) map[string]string {
	out := map[string]string{}
	for _, f := range SelfReviewFields {
		out[f] = r.GetString(f)
	}
	return out
}

func attitudeValues(r *core.Record) map[string]string {
	out := map[string]string{KeyComment: r.GetString("comment")}
	for code, level := range proxy[AttitudeReview](r).Ratings() {
		out[AttitudeKey(code)] = level
	}
	return out
}
