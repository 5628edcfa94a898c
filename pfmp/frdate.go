package pfmp

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	// Embedded zone database: the binary shows Paris time even on hosts without
	// /usr/share/zoneinfo (minimal containers, Windows).
	_ "time/tzdata"
)

// Paris is the zone every date is shown in: PocketBase stores UTC, users live in France.
var Paris = mustLoadLocation("Europe/Paris")

func mustLoadLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		// Cannot happen with time/tzdata embedded; failing loudly beats silently showing UTC.
		panic("pfmp: " + err.Error())
	}
	return loc
}

// Go has no locale support: one small French table instead of a dependency.
var (
	monthNames   = [...]string{"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"}
	weekdayNames = [...]string{"dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"} // indexed by time.Weekday (Sunday = 0)
)

// MonthName returns the French month name in lower case ("mars"), "" when out of range.
func MonthName(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthNames[m-1]
}

// WeekdayName returns the French weekday name in lower case ("lundi"), "" when out of range.
func WeekdayName(d time.Weekday) string {
	if d < time.Sunday || d > time.Saturday {
		return ""
	}
	return weekdayNames[d]
}

// dayNumber writes a day of month the French way: no leading zero, "1er" for the first.
func dayNumber(d int) string {
	if d == 1 {
		return "1er"
	}
	return strconv.Itoa(d)
}

// FormatLong renders "lundi 3 mars 2025" in Paris time; "" for the zero time so
// templates show nothing rather than "lundi 1er janvier 1".
func FormatLong(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	p := t.In(Paris)
	return WeekdayName(p.Weekday()) + " " + dayNumber(p.Day()) + " " + MonthName(p.Month()) + " " + strconv.Itoa(p.Year())
}

// FormatShort renders "03/03/2025" in Paris time; "" for the zero time.
func FormatShort(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(Paris).Format("02/01/2006")
}

// FormatDateTime renders "lundi 3 mars 2025 à 14 h 05" (see FormatClock); "" for the zero
// time.
func FormatDateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return FormatLong(t) + " " + FormatClock(t)
}

// FormatClock renders "à 14 h 05" in Paris time (French typography: "h" between spaces, hour
// without leading zero). Its spaces are non-breaking: a time never breaks across two lines.
func FormatClock(t time.Time) string {
	p := t.In(Paris)
	return fmt.Sprintf("à\u00a0%d\u00a0h\u00a0%02d", p.Hour(), p.Minute())
}

// dateLayouts: the HTML date input's value first, then what people type ("3/3/2025" too,
// since Go's "2" and "1" accept one or two digits).
var dateLayouts = [...]string{"2006-01-02", "2/1/2006"}

// The dates a school form accepts. Outside them a date is a typo or a probe (0001-01-01,
// 9999-12-31, a year typed with two digits): refused with the other date errors, never
// stored, so every date shown, compared or printed stays plausible.
var (
	FirstSchoolDate = time.Date(2000, time.January, 1, 0, 0, 0, 0, time.UTC)
	LastSchoolDate  = time.Date(2099, time.December, 31, 0, 0, 0, 0, time.UTC)
)

// ParseDate reads a calendar day as UTC midnight, the way date-only fields are stored.
// Impossible days (31/02/2025) and days outside the school range are rejected.
func ParseDate(s string) (time.Time, error) {
	v := strings.TrimSpace(s)
	if v == "" {
		return time.Time{}, errors.New("Date invalide : aucune date saisie.")
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			if err := schoolRange(t, v); err != nil {
				return time.Time{}, err
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("Date invalide : « %s » (format attendu : JJ/MM/AAAA).", v)
}

func schoolRange(t time.Time, typed string) error {
	if t.Before(FirstSchoolDate) || t.After(LastSchoolDate) {
		return fmt.Errorf("Date invalide : « %s » doit être comprise entre le %s et le %s.",
			typed, FormatShort(FirstSchoolDate), FormatShort(LastSchoolDate))
	}
	return nil
}

// DateOnly returns UTC midnight of t's calendar day in Paris: the stored form of a
// date-only field, and the unit every day comparison uses. Idempotent; zero stays zero.
func DateOnly(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	p := t.In(Paris)
	return time.Date(p.Year(), p.Month(), p.Day(), 0, 0, 0, 0, time.UTC)
}

// ISODate renders t's calendar day (in Paris) as "2006-01-02", the value an HTML date
// input expects; "" for the zero time.
func ISODate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return DateOnly(t).Format(time.DateOnly)
}
