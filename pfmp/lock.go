package pfmp

import "time"

// The dated lock: once a bilan intermédiaire de compétences (checkpoint) has been held,
// the reviews dated before it are part of the record and must not change. Days are
// compared, not instants, because every date here is a date-only field.

// PeriodLocked reports whether a period is locked: its review date (date of the bilans
// entreprise) is strictly before the latest checkpoint of any of its students. Zero
// times (no review date yet, student without checkpoint) never lock.
func PeriodLocked(reviewDate time.Time, latestCheckpoints []time.Time) bool {
	for _, cp := range latestCheckpoints {
		if dayBefore(reviewDate, cp) {
			return true
		}
	}
	return false
}

// ReviewLocked reports whether a bilan entreprise is locked: its meeting date is strictly
// before its student's latest checkpoint. Zero times never lock.
func ReviewLocked(meetingDate, latestCheckpoint time.Time) bool {
	return CountsIn(meetingDate, latestCheckpoint)
}

// CountsIn reports whether an evaluation dated evaluated is taken into account by a
// checkpoint dated checkpoint: made on an earlier day. This is why a bilan entreprise locks.
func CountsIn(evaluated, checkpoint time.Time) bool { return dayBefore(evaluated, checkpoint) }

// dayBefore: a's calendar day is strictly before b's; false when either is zero.
func dayBefore(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	return DateOnly(a).Before(DateOnly(b))
}

// PeriodLockMessage explains a period lock to the user, naming both dates.
func PeriodLockMessage(reviewDate, checkpoint time.Time) string {
	return "Période verrouillée : la date des bilans entreprise (" + FormatLong(reviewDate) +
		") est antérieure au dernier bilan intermédiaire de compétences (" + FormatLong(checkpoint) + ")."
}

// ReviewLockMessage explains a bilan entreprise lock to the user, naming both dates.
func ReviewLockMessage(meetingDate, checkpoint time.Time) string {
	return "Bilan entreprise verrouillé : la date de l'entretien (" + FormatLong(meetingDate) +
		") est antérieure au dernier bilan intermédiaire de compétences (" + FormatLong(checkpoint) + ")."
}
