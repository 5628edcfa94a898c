package pfmp

import (
	"strconv"
	"time"
)

// Week is one working week of a period (journal pages, week pickers). Start and End are
// calendar days as UTC midnight, clipped to the period and to Monday–Friday.
type Week struct {
	Index      int // from 1
	Start, End time.Time
}

// Weeks splits a period into Monday-based weeks, each clipped to the period's days and to
// Monday–Friday; a week with no working day in the period (a period starting on a
// Saturday, say) is skipped and takes no index. Bounds are read as calendar days in
// Paris; nil when end is before start.
func Weeks(start, end time.Time) []Week {
	first, last := DateOnly(start), DateOnly(end)
	if first.IsZero() || last.IsZero() || last.Before(first) {
		return nil
	}
	var weeks []Week
	// Monday of first's week: Go's Sunday is 0, so shift to Monday = 0.
	monday := first.AddDate(0, 0, -((int(first.Weekday()) + 6) % 7))
	for ; !monday.After(last); monday = monday.AddDate(0, 0, 7) {
		s, e := laterOf(monday, first), earlierOf(monday.AddDate(0, 0, 4), last)
		if s.After(e) {
			continue // only weekend days of this week fall in the period
		}
		weeks = append(weeks, Week{Index: len(weeks) + 1, Start: s, End: e})
	}
	return weeks
}

func laterOf(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func earlierOf(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Label renders "Semaine 2 — du 10 au 14 mars", naming the first month only when it
// differs ("du 28 février au 4 mars"), years only when they differ, and
// "Semaine 3 — le 17 mars" for a single day.
func (w Week) Label() string {
	prefix := "Semaine " + strconv.Itoa(w.Index) + " — "
	s, e := DateOnly(w.Start), DateOnly(w.End)
	dm := func(t time.Time) string { return dayNumber(t.Day()) + " " + MonthName(t.Month()) }
	switch {
	case s.Equal(e):
		return prefix + "le " + dm(s)
	case s.Year() != e.Year():
		return prefix + "du " + dm(s) + " " + strconv.Itoa(s.Year()) + " au " + dm(e) + " " + strconv.Itoa(e.Year())
	case s.Month() != e.Month():
		return prefix + "du " + dm(s) + " au " + dm(e)
	default:
		return prefix + "du " + dayNumber(s.Day()) + " au " + dm(e)
	}
}

// WeekOf finds the week under way on day (a calendar day in Paris): from the week's first
// day to its Sunday, since a student writes up his week at the weekend too. Days before the
// period, or after its last week's Sunday, belong to no week.
func WeekOf(weeks []Week, day time.Time) (Week, bool) {
	d := DateOnly(day)
	for _, w := range weeks {
		start := DateOnly(w.Start)
		sunday := start.AddDate(0, 0, 6-(int(start.Weekday())+6)%7)
		if !d.Before(start) && !d.After(sunday) {
			return w, true
		}
	}
	return Week{}, false
}
