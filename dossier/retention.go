package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// How long a leaver's data is kept (issue 14): the one row of school_settings, the default
// (pfmp.DefaultRetentionMonths) while the school has not chosen. Each change is an audit_log
// row: who, when, old → new.

const auditRetention = "conservation"

// Retention is the school's retention of a leaver's data.
type Retention struct {
	Months  int
	Default bool // nobody chose it yet: pfmp.DefaultRetentionMonths
}

// Retention reads the school's retention.
func (s *Store) Retention() (Retention, error) { return retentionOf(s.app) }

func retentionOf(app core.App) (Retention, error) {
	row, err := settingsRow(app)
	if err != nil || row == nil || row.GetInt("retention_months") == 0 {
		return Retention{Months: pfmp.DefaultRetentionMonths, Default: true}, err
	}
	return Retention{Months: row.GetInt("retention_months")}, nil
}

// settingsRow is the school's settings row, nil while there is none.
func settingsRow(app core.App) (*core.Record, error) {
	rows, err := app.FindRecordsByFilter("school_settings", "", "created", 1, 0)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows[0], nil
}

// SetRetention changes the retention, recording who changed it from what to what, in one
// transaction. Setting the value it has already changes and records nothing.
func (s *Store) SetRetention(actorID string, months int) error {
	if !pfmp.ValidRetention(months) {
		return pfmp.Invalid(pfmp.MsgRetentionRange, map[string]string{"mois": pfmp.MsgRetentionRange})
	}
	return s.app.RunInTransaction(func(tx core.App) error {
		old, err := retentionOf(tx)
		if err != nil || (!old.Default && old.Months == months) {
			return err
		}
		row, err := settingsRow(tx)
		if err != nil {
			return err
		}
		if row == nil {
			if row, err = newRecord(tx, "school_settings"); err != nil {
				return err
			}
		}
		row.Set("retention_months", months)
		row.Set("updated_by", actorID)
		if err := tx.Save(row); err != nil {
			return err
		}
		return Audit(tx, actorID, auditRetention, "school_settings", row.Id,
			map[string]any{"old": old.Months, "new": months, "old_default": old.Default})
	})
}

// RetentionChange is one change of the retention, for the page that lists them.
type RetentionChange struct {
	At       time.Time
	Actor    string // "Prénom NOM"
	Old, New int
}

// RetentionHistory lists the retention's changes, the latest first, in one query.
func (s *Store) RetentionHistory() ([]RetentionChange, error) {
	var rows []struct {
		Created types.DateTime `db:"created"`
		Old     int            `db:"old"`
		New     int            `db:"new"`
		First   string         `db:"first_name"`
		Last    string         `db:"last_name"`
	}
	err := s.app.DB().NewQuery(`SELECT a.created, json_extract(a.detail, '$.old') AS old,
		json_extract(a.detail, '$.new') AS new,
		COALESCE(u.first_name, '') AS first_name, COALESCE(u.last_name, '') AS last_name
		FROM audit_log a LEFT JOIN users u ON u.id = a.actor
		WHERE a.action = {:action} ORDER BY a.created DESC, a.rowid DESC LIMIT 100`).
		Bind(dbx.Params{"action": auditRetention}).All(&rows)
	out := make([]RetentionChange, len(rows))
	for i, r := range rows {
		out[i] = RetentionChange{At: r.Created.Time(), Actor: userName(r.First, r.Last), Old: r.Old, New: r.New}
	}
	return out, err
}
