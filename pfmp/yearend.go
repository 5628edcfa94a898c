package pfmp

import (
	"strings"
	"time"
)

// The end of the school year (issue 14): classes move up a level, the students of the final
// level leave, and a leaver's personal data is purged once the school's retention has run out.

// DefaultRetentionMonths is how long a leaver's data is kept when the school has not chosen:
// a year covers the appeals against the exam's results and the first months in a new school
// (a leaver asking for his portfolio again), without keeping data longer than it serves.
const DefaultRetentionMonths = 12

// The retention a school may choose, in months.
const (
	MinRetentionMonths = 1
	MaxRetentionMonths = 120
)

// MsgRetentionRange refuses a retention out of range.
const MsgRetentionRange = "Indiquez une durée de conservation entre 1 et 120 mois."

// ValidRetention reports whether months is a retention a school may choose.
func ValidRetention(months int) bool {
	return months >= MinRetentionMonths && months <= MaxRetentionMonths
}

// PurgeDate is the day a leaver's data is purged: his leaving day plus the retention, a
// date-only value (UTC midnight).
func PurgeDate(leftAt time.Time, months int) time.Time {
	return DateOnly(leftAt).AddDate(0, months, 0)
}

// PurgeDue reports whether a leaver's data must be purged at now.
func PurgeDue(leftAt time.Time, months int, now time.Time) bool {
	return !leftAt.IsZero() && !now.Before(PurgeDate(leftAt, months))
}

// NextLevel is the level a class moves up to; false for the final level (its students leave).
func NextLevel(l Level) (Level, bool) {
	switch l {
	case Level2de:
		return Level1re, true
	case Level1re:
		return LevelTle, true
	}
	return "", false
}

// levelPrefixes are the ways a class name starts with its level, and what each becomes one
// level up, in the same style: "2de PMIA" → "1re PMIA", "Seconde B" → "Première B",
// "2MSPC" → "1MSPC", "1re MSPC" → "Tle MSPC". Longest first, so "2de" wins over "2". Every way
// the students' import reads a level (accounts.LevelOf) is here (a test in accounts says so).
var levelPrefixes = map[Level][][2]string{
	Level2de: {{"seconde", "Première"}, {"2ème", "1ère"}, {"2eme", "1ere"}, {"2nde", "1re"}, {"2de", "1re"},
		{"2nd", "1re"}, {"2e", "1re"}, {"2", "1"}},
	Level1re: {{"première", "Terminale"}, {"premiere", "Terminale"}, {"1ère", "Tle"}, {"1ere", "Tle"}, {"1re", "Tle"},
		{"1er", "Tle"}, {"1e", "Tle"}, {"1", "T"}},
}

// MovedUpName is a class's name once it moved up from level l: its level prefix replaced by
// the next level's; a name without a known prefix is kept (the level changes all the same).
func MovedUpName(name string, l Level) string {
	lower := strings.ToLower(name)
	for _, p := range levelPrefixes[l] {
		if strings.HasPrefix(lower, p[0]) && !continuesWord(name[len(p[0]):], p[0]) {
			return p[1] + name[len(p[0]):]
		}
	}
	return name
}

// continuesWord reports whether rest goes on with the word a prefix started: "2de" is no
// prefix of "2debut", but a digit prefix may be glued to the class's letters ("2MSPC").
func continuesWord(rest, prefix string) bool {
	if rest == "" || len(prefix) == 1 {
		return false
	}
	c := rest[0]
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// Fate is what the closing of the year does to one student.
type Fate string

const (
	FateMovesUp Fate = "passe"    // stays in the school, his class moves up a level
	FateRepeats Fate = "redouble" // stays in his level (redoublement)
	FateLeaves  Fate = "depart"   // leaves the school: archived, purged after the retention
)

// Label is the fate in French, as the preview shows it.
func (f Fate) Label() string {
	switch f {
	case FateMovesUp:
		return "Passe au niveau supérieur"
	case FateRepeats:
		return "Redouble"
	case FateLeaves:
		return "Quitte l'établissement"
	}
	return string(f)
}

// MsgFateBoth refuses a student marked both leaving and repeating.
const MsgFateBoth = "Un élève ne peut pas à la fois quitter l'établissement et redoubler : décochez l'une des deux cases."

// FateOf is a student's fate at the closing: leaving and repeating are the administrator's
// marks; without them a student of the final level leaves and the others move up.
func FateOf(l Level, leaving, repeating bool) (Fate, error) {
	switch {
	case leaving && repeating:
		return "", Invalid(MsgFateBoth, nil)
	case leaving:
		return FateLeaves, nil
	case repeating:
		return FateRepeats, nil
	}
	if _, ok := NextLevel(l); ok {
		return FateMovesUp, nil
	}
	return FateLeaves, nil
}
