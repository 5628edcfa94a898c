package mail

import (
	"database/sql"
	"errors"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Statuses of a mail_log row.
const (
	StatusPending = "pending" // waiting for its first try or a retry
	StatusSent    = "sent"
	StatusOutbox  = "outbox" // no SMTP configured: written to the outbox folder
	StatusFailed  = "failed" // refused, or every try failed
)

const collection = "mail_log"

// row is what sending needs from a mail_log record.
type row struct {
	ID, Kind, To, ToName, Subject, HTML, Text, Placement string
	Attempts                                             int
}

func rowOf(r *core.Record) row {
	return row{
		ID: r.Id, Kind: r.GetString("kind"), To: r.GetString("to"), ToName: r.GetString("to_name"),
		Subject: r.GetString("subject"), HTML: r.GetString("html"), Text: r.GetString("body"),
		Placement: r.GetString("placement"), Attempts: r.GetInt("attempts"),
	}
}

// needsLink reports whether the row's bodies await a secret link.
func (r row) needsLink() bool { return hasMark(r.HTML, r.Text) }

// insert saves a new pending row: the bodies as rendered, LinkMark in place of the link.
func insert(app core.App, m Message) (*core.Record, error) {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return nil, err
	}
	rec := core.NewRecord(col)
	rec.Load(map[string]any{
		"to": m.To, "to_name": oneLine(m.ToName), "subject": oneLine(m.Subject), "kind": m.Kind,
		"status": StatusPending, "placement": m.Placement, "body": m.Text, "html": m.HTML,
		"dedupe_key": m.dedupeKey(),
	})
	return rec, app.Save(rec)
}

// duplicate finds the row a new message with this key would repeat: one still queued,
// or one sent after since. A failed or outboxed message does not block a new one.
func duplicate(app core.App, key string, since time.Time) (*core.Record, error) {
	rec := &core.Record{}
	err := app.RecordQuery(collection).
		AndWhere(dbx.HashExp{"dedupe_key": key}).
		AndWhere(dbx.Or(
			dbx.HashExp{"status": StatusPending},
			dbx.And(dbx.HashExp{"status": StatusSent}, dbx.NewExp("sent_at >= {:since}", dbx.Params{"since": stamp(since)})),
		)).
		OrderBy("created DESC").Limit(1).One(rec)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return rec, err
}

// pending lists the queued rows, oldest first: what a restart picks up.
func pending(app core.App) ([]*core.Record, error) {
	return app.FindRecordsByFilter(collection, "status = {:s}", "created", 0, 0, dbx.Params{"s": StatusPending})
}

// stamp is a time as PocketBase stores it, for comparisons in SQL.
func stamp(t time.Time) string {
	d, _ := types.ParseDateTime(t)
	return d.String()
}
