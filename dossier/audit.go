package dossier

import (
	"context"
	"encoding/json"
	"sort"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// The history of the evaluations: every save of a bilan, by any path, leaves one audit_log row
// listing the fields it changed (the hook in package hooks writes it). Our saves pass the
// actor in the save's context; a write without one (REST API, dashboard) is an administrator's.

// ReviewCollections are the evaluations whose changes are kept.
var ReviewCollections = []string{"self_reviews", "attitude_reviews", "company_reviews"}

type actorKey struct{}

// WithActor is ctx carrying the id of the user a save is made for.
func WithActor(ctx context.Context, userID string) context.Context {
	return context.WithValue(ctx, actorKey{}, userID)
}

// ActorFrom is the user id WithActor put in ctx, "" when none.
func ActorFrom(ctx context.Context) string {
	if ctx == nil {
		return ""
	}
	id, _ := ctx.Value(actorKey{}).(string)
	return id
}

// saveAs saves r on app (a transaction, often) on behalf of a user.
func saveAs(app core.App, userID string, r *core.Record) error {
	return app.SaveWithContext(WithActor(context.Background(), userID), r)
}

// Change is one field of an evaluation changed by a save, as text.
type Change struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// ReviewChanges lists the fields that differ between two states of an evaluation (old nil for
// a creation, new nil for a deletion), in key order.
func ReviewChanges(app core.App, old, new *core.Record) ([]Change, error) {
	before, err := reviewValues(app, old)
	if err != nil {
		return nil, err
	}
	after, err := reviewValues(app, new)
	if err != nil {
		return nil, err
	}
	keys := map[string]bool{}
	for k := range before {
		keys[k] = true
	}
	for k := range after {
		keys[k] = true
	}
	var out []Change
	for k := range keys {
		if before[k] != after[k] {
			out = append(out, Change{Field: k, Old: before[k], New: after[k]})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out, nil
}

// reviewValues flattens an evaluation into its fields as text, by key.
func reviewValues(app core.App, r *core.Record) (map[string]string, error) {
	if r == nil {
		return map[string]string{}, nil
	}
	switch r.Collection().Name {
	case "self_reviews":
		return selfValues(r), nil
	case "attitude_reviews":
		return attitudeValues(r), nil
	case "company_reviews":
		codes, err := taskCodes(app, r.GetStringSlice("tasks_done"))
		if err != nil {
			return nil, err
		}
		return companyValues(r, codes), nil
	}
	return map[string]string{}, nil
}

// WriteAudit records one save of an evaluation in audit_log.
func WriteAudit(app core.App, actorID, action string, r *core.Record, changes []Change) error {
	return Audit(app, actorID, action, r.Collection().Name, r.Id,
		map[string]any{"placement": r.GetString("placement"), "changes": changes})
}

// Audit records an action in audit_log (on app: the action's transaction, often). actorID is
// "" for an administrator's action outside the pages.
func Audit(app core.App, actorID, action, collection, recordID string, detail any) error {
	rec, err := newRecord(app, "audit_log")
	if err != nil {
		return err
	}
	rec.Set("actor", actorID)
	rec.Set("action", action)
	rec.Set("collection", collection)
	rec.Set("record", recordID)
	rec.Set("detail", detail)
	return app.Save(rec)
}

// HistoryEntry is one save of an evaluation: who, when, what.
type HistoryEntry struct {
	At      time.Time
	Actor   string // "Prénom NOM", or the administrators for a write outside the pages
	Action  string
	Changes []Change
}

// maxHistory bounds the history shown on a bilan: the latest saves.
const maxHistory = 500

// History lists the saves of one evaluation, the latest first, in one query.
func (s *Store) History(collection, recordID string) ([]HistoryEntry, error) {
	var rows []struct {
		Created types.DateTime `db:"created"`
		Action  string         `db:"action"`
		Detail  types.JSONRaw  `db:"detail"`
		First   string         `db:"first_name"`
		Last    string         `db:"last_name"`
	}
	err := s.app.DB().NewQuery(`SELECT a.created, a.action, a.detail,
		COALESCE(u.first_name, '') AS first_name, COALESCE(u.last_name, '') AS last_name
		FROM audit_log a LEFT JOIN users u ON u.id = a.actor
		WHERE a.collection = {:c} AND a.record = {:r} ORDER BY a.created DESC, a.rowid DESC LIMIT {:n}`).
		Bind(dbx.Params{"c": collection, "r": recordID, "n": maxHistory}).All(&rows)
	out := make([]HistoryEntry, len(rows))
	for i, r := range rows {
		var d struct {
			Changes []Change `json:"changes"`
		}
		_ = json.Unmarshal(r.Detail, &d)
		out[i] = HistoryEntry{At: r.Created.Time(), Action: r.Action, Changes: d.Changes, Actor: userName(r.First, r.Last)}
	}
	return out, err
}

// userName is "Prénom NOM"; a missing user is an administrator (REST API, dashboard).
func userName(first, last string) string {
	if first == "" && last == "" {
		return "Un administrateur"
	}
	return pfmp.FullName(first, last)
}

// taskCodes maps task ids to their codes, in one query.
func taskCodes(app core.App, ids []string) (map[string]string, error) {
	out := map[string]string{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	var rows []struct {
		ID   string `db:"id"`
		Code string `db:"code"`
	}
	err := app.DB().Select("id", "code").From("tasks").Where(dbx.In("id", args...)).All(&rows)
	for _, r := range rows {
		out[r.ID] = r.Code
	}
	return out, err
}
