package pfmp

import (
	"strings"
	"time"
)

// Rules that pages, hooks and queries all apply: each is written here once, so a page can
// never show "open" while a hook says "locked".

// GrantValidity is how long a tutor's access link stays valid after it is sent.
const GrantValidity = 180 * 24 * time.Hour

// GrantValid reports whether a tutor's grant opens its dossier at now: not revoked, and not
// yet expired (the expiry instant itself is already too late).
func GrantValid(expires time.Time, revoked bool, now time.Time) bool {
	return !revoked && !expires.IsZero() && now.Before(expires)
}

// EffectiveReviewDate is the date of a period's bilans entreprise: the one set on the period,
// else its last day (a period created in the dashboard may have none).
func EffectiveReviewDate(review, end time.Time) time.Time {
	if review.IsZero() {
		return end
	}
	return review
}

// CheckpointLocks counts what a checkpoint dated cp holds locked among its student's periods
// (by their effective review dates) and bilans entreprise (by their meeting dates).
func CheckpointLocks(cp time.Time, reviewDates, meetingDates []time.Time) int {
	n := 0
	for _, d := range append(append([]time.Time{}, reviewDates...), meetingDates...) {
		if dayBefore(d, cp) {
			n++
		}
	}
	return n
}

// WeekHasText reports whether a journal week counts as written: any of its texts is not blank.
func WeekHasText(texts ...string) bool {
	for _, t := range texts {
		if strings.TrimSpace(t) != "" {
			return true
		}
	}
	return false
}

// FirstEdit is the stamp of a dossier's first edit: the stored one once set, else now.
func FirstEdit(stored, now time.Time) time.Time {
	if !stored.IsZero() {
		return stored
	}
	return now.UTC()
}

// Placed reports whether a map position is a real one: the schema's 0, 0 is "not placed yet"
// (it lies in the Gulf of Guinea, never a French company's place).
func Placed(lat, lng float64) bool { return lat != 0 || lng != 0 }
