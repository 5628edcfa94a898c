package dossier

import (
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// The bilan entreprise (collection company_reviews) is edited one choice at a time, by the
// teacher, the tutor and the master together. Each choice has a key; the record keeps, per key,
// the version of its last change and who made it, so a choice made on an outdated screen is
// refused instead of silently replacing someone else's.

// Choice keys: one per ticked task, per competence's mode, per (sub-)competence's level, and
// the engagement, the meeting date and the comment.
const (
	KeyEngagement = "engagement"
	KeyDate       = "date"
	KeyComment    = "commentaire"
	KeySaved      = "enregistre" // history only: the « Enregistrer » that shows it to the student
)

// TaskKey, ModeKey, LevelKey and AttitudeKey name the choices about one item by its code.
func TaskKey(code string) string     { return "tache:" + code }
func ModeKey(code string) string     { return "mode:" + code }
func LevelKey(code string) string    { return "niveau:" + code }
func AttitudeKey(code string) string { return "attitude:" + code }

// KeyCode splits a key into its kind prefix ("tache:") and its item's code.
func KeyCode(key string) (prefix, code string) {
	if i := strings.IndexByte(key, ':'); i >= 0 {
		return key[:i+1], key[i+1:]
	}
	return key, ""
}

// FieldVersion is the version of a choice's last change, and who made it.
type FieldVersion struct {
	V  int    `json:"v"`
	By string `json:"by"`
}

// CompanyReview is a bilan entreprise.
type CompanyReview struct{ core.BaseRecordProxy }

// Version counts the bilan's saves; every choice changed by a save gets that number.
func (r *CompanyReview) Version() int { return r.GetInt("version") }

// Versions are the choices' versions by key (a key never changed has none: version 0).
func (r *CompanyReview) Versions() map[string]FieldVersion {
	out := map[string]FieldVersion{}
	_ = r.UnmarshalJSONField("versions", &out)
	return out
}

// MeetingDate is the date of the meeting with the tutor (the date the lock compares).
func (r *CompanyReview) MeetingDate() time.Time { return r.GetDateTime("meeting_date").Time() }

// SavedAt is the last « Enregistrer »: from then on the student reads the bilan.
func (r *CompanyReview) SavedAt() time.Time { return r.GetDateTime("saved_at").Time() }

// Saved reports whether the bilan was ever saved explicitly.
func (r *CompanyReview) Saved() bool { return r != nil && !r.SavedAt().IsZero() }

// CompanyReview reads a dossier's bilan entreprise, nil when nobody has started it.
func (s *Store) CompanyReview(placementID string) (*CompanyReview, error) {
	r, err := findReview(s.app, "company_reviews", placementID)
	if r == nil {
		return nil, err
	}
	return proxy[CompanyReview](r), nil
}

// companyValues flattens a bilan entreprise into its choices as text, by key; codes maps the
// ticked tasks' ids to their codes.
func companyValues(r *core.Record, codes map[string]string) map[string]string {
	out := map[string]string{
		KeyComment: r.GetString("comment"),
		KeyDate:    pfmp.ISODate(r.GetDateTime("meeting_date").Time()),
		KeySaved:   pfmp.FormatDateTime(r.GetDateTime("saved_at").Time()),
	}
	if ev := r.GetString("evaluators"); ev != "" {
		out[KeyEvaluators] = ev
	}
	if n := r.GetInt("engagement"); n > 0 {
		out[KeyEngagement] = strconv.Itoa(n)
	}
	for _, id := range r.GetStringSlice("tasks_done") {
		out[TaskKey(codes[id])] = "1"
	}
	var modes, ratings map[string]string
	_ = r.UnmarshalJSONField("modes", &modes)
	_ = r.UnmarshalJSONField("ratings", &ratings)
	for code, m := range modes {
		if m == pfmp.ModeDetailed {
			out[ModeKey(code)] = m
		}
	}
	for code, l := range ratings {
		if l != "" {
			out[LevelKey(code)] = l
		}
	}
	return out
}

// CompanyState is a bilan entreprise as its form shows it: every choice's value and version.
type CompanyState struct {
	Review   *CompanyReview // nil while nobody has started it
	Values   map[string]string
	Versions map[string]FieldVersion
	Version  int
}

// CompanyState reads a dossier's bilan entreprise for its form; a bilan not started yet shows
// the period's date of the bilans entreprise as its meeting date.
func (s *Store) CompanyState(d *Dossier, sc *CompanyScope) (*CompanyState, error) {
	r, err := findReview(s.app, "company_reviews", d.ID())
	if err != nil {
		return nil, err
	}
	if r == nil {
		return &CompanyState{Values: map[string]string{KeyDate: pfmp.ISODate(d.Period.ReviewDate())},
			Versions: map[string]FieldVersion{}}, nil
	}
	return companyState(r, sc), nil
}

func companyState(r *core.Record, sc *CompanyScope) *CompanyState {
	rev := proxy[CompanyReview](r)
	st := &CompanyState{Values: companyValues(r, sc.taskCodes()), Versions: rev.Versions(), Version: rev.Version()}
	if !r.IsNew() {
		st.Review = rev
	}
	return st
}

// Seen is the version of a choice, as a form must send it back.
func (st *CompanyState) Seen(key string) int { return st.Versions[key].V }

// Detailed reports whether a competence is rated through its sub-competences.
func (st *CompanyState) Detailed(code string) bool {
	return st.Values[ModeKey(code)] == pfmp.ModeDetailed
}

// Level is the level the bilan gives a competence (pfmp.CompetenceLevel), computed from its
// sub-competences in detailed mode.
func (st *CompanyState) Level(c *Competence) (level string, computed bool) {
	return competenceLevel(st.Values, c)
}

// competenceLevel applies pfmp.CompetenceLevel to flattened values.
func competenceLevel(values map[string]string, c *Competence) (string, bool) {
	subs := make([]string, len(c.Subs))
	for i, s := range c.Subs {
		subs[i] = values[LevelKey(s.Code)]
	}
	mode := pfmp.ModeGlobal
	if values[ModeKey(c.Code)] == pfmp.ModeDetailed {
		mode = pfmp.ModeDetailed
	}
	return pfmp.CompetenceLevel(mode, values[LevelKey(c.Code)], subs)
}

// ReviewLock says whether a bilan entreprise can still change, and why not.
type ReviewLock struct {
	Locked  bool
	Message string
}

// CompanyReviewLock applies the dated lock as the hook does (pfmp.ReviewLocked on the
// student's latest checkpoint): to the stored meeting date, or for a bilan not started yet to
// the date it would be created with, the period's date of the bilans entreprise.
func (s *Store) CompanyReviewLock(d *Dossier, r *CompanyReview) (ReviewLock, error) {
	meeting := d.Period.ReviewDate()
	if r != nil {
		meeting = r.MeetingDate()
	}
	latest, err := LatestCheckpoint(s.app, d.Student.Id, s.now())
	if err != nil || !pfmp.ReviewLocked(meeting, latest) {
		return ReviewLock{}, err
	}
	return ReviewLock{Locked: true, Message: pfmp.ReviewLockMessage(meeting, latest)}, nil
}
