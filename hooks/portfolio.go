package hooks

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// The first-edit stamp: placements.portfolio_edited is set the first time anything of the
// student's portfolio is saved, by whatever path, and never changes afterwards. The teacher's
// period view draws a filled folder from it (« l'apprenant a édité son portfolio »).

// portfolioFields are the placement's own portfolio columns. The company and tutor columns
// (company_name, tutor_email, ...) are left out on purpose: they belong to the fiche de liaison
// too, which teachers also fill, and a teacher's save must not look like the student's. The
// « Présenter l'entreprise » page stamps itself when the student saves them there.
var portfolioFields = []string{
	"company_activity", "employees", "maintenance_staff", "company_history",
	"lat", "lng", "org_chart",
}

// journalTexts are what makes a journal week more than an empty row.
var journalTexts = []string{"activities", "liked", "succeeded"}

func registerPortfolio(app core.App, now func() time.Time) {
	app.OnRecordUpdate("placements").BindFunc(func(e *core.RecordEvent) error {
		old := stored(e.App, e.Record) // Original() is empty for records created in-process
		stamp := old.GetDateTime("portfolio_edited").Time()
		if !stamp.IsZero() || (e.Record.GetDateTime("portfolio_edited").IsZero() && portfolioChanged(old, e.Record)) {
			e.Record.Set("portfolio_edited", pfmp.FirstEdit(stamp, now())) // set once, never reset
		}
		return e.Next()
	})

	// The portfolio's own collections: stamp once the row is really stored.
	child := func(e *core.RecordEvent) error {
		if e.Record.Collection().Name != "journal_weeks" || weekHasText(e.Record) {
			if err := stampPortfolio(e.App, e.Record.GetString("placement"), now()); err != nil {
				e.App.Logger().Error("portfolio first-edit stamp", "placement", e.Record.GetString("placement"), "error", err)
			}
		}
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess("journal_weeks", "interventions", "attachments").BindFunc(child)
	app.OnRecordAfterUpdateSuccess("journal_weeks", "interventions").BindFunc(child)
}

// stampPortfolio sets the placement's first-edit stamp unless it is already set.
func stampPortfolio(app core.App, placementID string, now time.Time) error {
	if placementID == "" {
		return nil
	}
	p, err := app.FindRecordById("placements", placementID)
	if err != nil || !p.GetDateTime("portfolio_edited").IsZero() {
		return nil // gone (cascade) or already stamped
	}
	p.Set("portfolio_edited", pfmp.FirstEdit(p.GetDateTime("portfolio_edited").Time(), now))
	return app.Save(p)
}

// portfolioChanged compares the portfolio columns of the stored placement and the new one.
func portfolioChanged(old, cur *core.Record) bool {
	if old == cur {
		return false
	}
	for _, f := range portfolioFields {
		if normalized(old.GetRaw(f)) != normalized(cur.GetRaw(f)) {
			return true
		}
	}
	return false
}

// normalized compares values across their in-memory and stored forms: a JSON column reads
// back as "null" when empty, numbers as float64.
func normalized(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case []byte:
		return normalizedJSON(string(x))
	case interface{ String() string }:
		return normalizedJSON(x.String())
	case string:
		return x
	}
	return fmt.Sprint(v)
}

func normalizedJSON(s string) string {
	if s == "null" {
		return ""
	}
	return s
}

// weekHasText applies pfmp.WeekHasText to a journal week's texts.
func weekHasText(r *core.Record) bool {
	texts := make([]string, len(journalTexts))
	for i, f := range journalTexts {
		texts[i] = r.GetString(f)
	}
	return pfmp.WeekHasText(texts...)
}
