package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A period's review_date (date of the bilans entreprise) is stored only when set on purpose:
// empty, it follows the period's last day (pfmp.EffectiveReviewDate), so moving the period moves
// the bilans. Periods created earlier stored their last day: that was the default, not a choice.
// Plain SQL: the effective date does not change, so the dated locks' hooks have nothing to say.
func init() {
	m.Register(reviewDateFollowsEnd, func(app core.App) error {
		_, err := app.DB().NewQuery("UPDATE periods SET review_date = `end` WHERE review_date = ''").Execute()
		return err
	})
}

func reviewDateFollowsEnd(app core.App) error {
	_, err := app.DB().NewQuery("UPDATE periods SET review_date = '' " +
		"WHERE review_date != '' AND substr(review_date, 1, 10) = substr(`end`, 1, 10)").Execute()
	return err
}
