package dossier

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// WeekTexts are the texts of a journal week, in the form's order.
var WeekTexts = []string{"activities", "liked", "succeeded"}

// Week is one week of the weekly journal (collection journal_weeks).
type Week struct{ core.BaseRecordProxy }

// Monday is the Monday of the week's start.
func (w *Week) Monday() time.Time { return MondayOf(w.GetDateTime("week_start").Time()) }

// Version counts the week's saves: a save names the version it edited.
func (w *Week) Version() int { return w.GetInt("version") }

// HasText applies pfmp.WeekHasText to the week's texts.
func (w *Week) HasText() bool {
	texts := make([]string, len(WeekTexts))
	for i, f := range WeekTexts {
		texts[i] = w.GetString(f)
	}
	return pfmp.WeekHasText(texts...)
}

// MondayOf is the Monday of t's calendar week.
func MondayOf(t time.Time) time.Time {
	day := pfmp.DateOnly(t)
	return day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7))
}

// Weeks reads a dossier's journal weeks, by their Monday.
func (s *Store) Weeks(placementID string) (map[time.Time]*Week, error) {
	recs, err := s.app.FindAllRecords("journal_weeks", dbx.HashExp{"placement": placementID})
	if err != nil {
		return nil, err
	}
	out := make(map[time.Time]*Week, len(recs))
	for _, r := range recs {
		w := proxy[Week](r)
		out[w.Monday()] = w
	}
	return out, nil
}

// SaveWeek writes a week's texts if version is still the stored one (0 for a week never
// saved), in one transaction; else pfmp.MsgWeekStale (409).
func (s *Store) SaveWeek(placementID string, start time.Time, version int, texts map[string]string) (*Week, error) {
	var rec *core.Record
	err := s.app.RunInTransaction(func(tx core.App) error {
		monday := MondayOf(start)
		found, err := tx.FindRecordsByFilter("journal_weeks",
			"placement = {:p} && week_start >= {:from} && week_start < {:to}", "week_start", 1, 0,
			dbx.Params{"p": placementID, "from": dbTime(monday), "to": dbTime(monday.AddDate(0, 0, 7))})
		if err != nil {
			return err
		}
		if len(found) > 0 {
			rec = found[0]
			if rec.GetInt("version") != version {
				return pfmp.Conflict(pfmp.MsgWeekStale)
			}
		} else if rec, err = newRecord(tx, "journal_weeks"); err != nil {
			return err
		} else {
			rec.Set("placement", placementID)
		}
		rec.Set("week_start", start)
		for _, f := range WeekTexts {
			rec.Set(f, texts[f])
		}
		rec.Set("version", rec.GetInt("version")+1)
		return tx.Save(rec)
	})
	if err != nil {
		return nil, err
	}
	return proxy[Week](rec), nil
}
