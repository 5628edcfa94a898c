package pfmp

import (
	"fmt"
	"time"
)

// A bilan intermédiaire de compétences (checkpoint) takes effect on its day, in Paris: before
// that it is planned, locks nothing, and its teacher may still change or delete it. Pages,
// hooks and queries all compare a stored checkpoint date with CheckpointCutoff, so a page can
// never show "planned" while a hook says "locked".

// CheckpointCutoff is the exclusive bound of the checkpoints in effect at now: those stored
// before it (UTC midnight of the day after now's Paris day), today's included.
func CheckpointCutoff(now time.Time) time.Time {
	return DateOnly(now).AddDate(0, 0, 1)
}

// CheckpointInEffect reports whether a checkpoint stored at date has taken effect at now.
func CheckpointInEffect(date, now time.Time) bool {
	return !date.IsZero() && date.Before(CheckpointCutoff(now))
}

// CheckpointCorrectable reports whether a teacher may still change or delete a checkpoint: while
// it is planned, or while it locks nothing (one entered by mistake). Past that, only an
// administrator corrects it, from the dashboard, and the correction is recorded.
func CheckpointCorrectable(date, now time.Time, locks int) bool {
	return !CheckpointInEffect(date, now) || locks == 0
}

// CheckpointHeldMessage explains why a teacher can no longer change a checkpoint.
func CheckpointHeldMessage(date time.Time, locks int) string {
	return fmt.Sprintf("Ce bilan intermédiaire a pris effet le %s et verrouille %d période(s) ou bilan(s) entreprise : "+
		"seul un administrateur peut encore le corriger, depuis le tableau de bord (la correction est enregistrée).",
		FormatLong(date), locks)
}
