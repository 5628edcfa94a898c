package pfmp

import (
	"strconv"
	"time"
)

// SchoolYear is a school year, named by the calendar year it starts in: 2025 is 2025-2026,
// from 1 August to 31 July (periods of late summer belong to the coming year).
type SchoolYear int

// SchoolYearOf is the school year a day belongs to.
func SchoolYearOf(t time.Time) SchoolYear {
	t = t.In(Paris)
	if t.Month() >= time.August {
		return SchoolYear(t.Year())
	}
	return SchoolYear(t.Year() - 1)
}

// Start is the school year's first day (UTC midnight).
func (y SchoolYear) Start() time.Time { return time.Date(int(y), time.August, 1, 0, 0, 0, 0, time.UTC) }

// End is the day after the school year's last day (UTC midnight), an exclusive bound.
func (y SchoolYear) End() time.Time { return (y + 1).Start() }

// Label is "2025-2026".
func (y SchoolYear) Label() string { return strconv.Itoa(int(y)) + "-" + strconv.Itoa(int(y)+1) }
