package hooks

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"
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

// stampNow is the stamp's clock (a variable so a test could pin it).
var stampNow = func() time.Time { return time.Now().UTC() }

func registerPortfolio(app core.App) {
	app.OnRecordUpdate("placements").BindFunc(func(e *core.RecordEvent) error {
		old := stored(e.App, e.Record) // Original() is empty for records created in-process
		switch {
		case !old.GetDateTime("portfolio_edited").IsZero():
			e.Record.Set("portfolio_edited", old.GetDateTime("portfolio_edited")) // never reset
		case e.Record.GetDateTime("portfolio_edited").IsZero() && portfolioChanged(old, e.Record):
			e.Record.Set("portfolio_edited", stampNow())
		}
		return e.Next()
	})

	// The portfolio's own collections: stamp once the row is really stored.
	child := func(e *core.RecordEvent) error {
		if e.Record.Collection().Name != "journal_weeks" || hasAnyText(e.Record, journalTexts) {
			if err := stampPortfolio(e.App, e.Record.GetString("placement")); err != nil {
				e.App.Logger().Error("portfolio first-edit stamp", "placement", e.Record.GetString("placement"), "error", err)
			}
		}
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess("journal_weeks", "interventions", "attachments").BindFunc(child)
	app.OnRecordAfterUpdateSuccess("journal_weeks", "interventions").BindFunc(child)
}

// stampPortfolio sets the placement's first-edit stamp unless it is already set.
func stampPortfolio(app core.App, placementID string) error {
	if placementID == "" {
		return nil
	}
	p, err := app.FindRecordById("placements", placementID)
	if err != nil || !p.GetDateTime("portfolio_edited").IsZero() {
		return nil // gone (cascade) or already stamped
	}
	p.Set("portfolio_edited", stampNow())
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

func hasAnyText(r *core.Record, fields []string) bool {
	for _, f := range fields {
		if r.GetString(f) != "" {
			return true
		}
	}
	return false
}
