package pfmp

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func utc(y int, m time.Month, d, h, min int) time.Time {
	return time.Date(y, m, d, h, min, 0, 0, time.UTC)
}

func day(y int, m time.Month, d int) time.Time { return utc(y, m, d, 0, 0) }

func TestFormat(t *testing.T) {
	tests := []struct {
		name               string
		in                 time.Time
		long, short, dtime string
	}{
		{"date-only field", day(2025, 3, 3), "lundi 3 mars 2025", "03/03/2025", "lundi 3 mars 2025 à 1 h 00"},
		{"first of month", day(2025, 3, 1), "samedi 1er mars 2025", "01/03/2025", "samedi 1er mars 2025 à 1 h 00"},
		{"afternoon in winter (UTC+1)", utc(2025, 3, 3, 13, 5), "lundi 3 mars 2025", "03/03/2025", "lundi 3 mars 2025 à 14 h 05"},
		{"late UTC before DST switch: same day", utc(2025, 3, 29, 22, 30), "samedi 29 mars 2025", "29/03/2025", "samedi 29 mars 2025 à 23 h 30"},
		{"late UTC on DST day: next day in Paris", utc(2025, 3, 30, 22, 30), "lundi 31 mars 2025", "31/03/2025", "lundi 31 mars 2025 à 0 h 30"},
		{"just after the spring jump", utc(2025, 3, 30, 1, 30), "dimanche 30 mars 2025", "30/03/2025", "dimanche 30 mars 2025 à 3 h 30"},
		{"late UTC before autumn switch: next day", utc(2025, 10, 25, 22, 30), "dimanche 26 octobre 2025", "26/10/2025", "dimanche 26 octobre 2025 à 0 h 30"},
		{"late UTC on autumn switch day: same day", utc(2025, 10, 26, 22, 30), "dimanche 26 octobre 2025", "26/10/2025", "dimanche 26 octobre 2025 à 23 h 30"},
		{"new year's eve crossing", utc(2025, 12, 31, 23, 15), "jeudi 1er janvier 2026", "01/01/2026", "jeudi 1er janvier 2026 à 0 h 15"},
		{"zero time", time.Time{}, "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.long, FormatLong(tt.in))
			require.Equal(t, tt.short, FormatShort(tt.in))
			require.Equal(t, tt.dtime, strings.ReplaceAll(FormatDateTime(tt.in), "\u00a0", " "))
		})
	}
}

// TestTimesNeverBreak: « à 20 h 19 » holds together on a narrow screen.
func TestTimesNeverBreak(t *testing.T) {
	require.Equal(t, "à\u00a020\u00a0h\u00a019", FormatClock(utc(2026, 3, 11, 19, 19)))
	require.Equal(t, "mercredi 11 mars 2026 à\u00a020\u00a0h\u00a019", FormatDateTime(utc(2026, 3, 11, 19, 19)))
}

func TestNames(t *testing.T) {
	require.Equal(t, "janvier", MonthName(time.January))
	require.Equal(t, "août", MonthName(time.August))
	require.Equal(t, "décembre", MonthName(time.December))
	require.Empty(t, MonthName(0))
	require.Empty(t, MonthName(13))
	require.Equal(t, "dimanche", WeekdayName(time.Sunday))
	require.Equal(t, "lundi", WeekdayName(time.Monday))
	require.Equal(t, "samedi", WeekdayName(time.Saturday))
	require.Empty(t, WeekdayName(7))
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
		ok   bool
	}{
		{"2025-03-03", day(2025, 3, 3), true},
		{"03/03/2025", day(2025, 3, 3), true},
		{"3/3/2025", day(2025, 3, 3), true},
		{" 31/12/2025 ", day(2025, 12, 31), true},
		{"2024-02-29", day(2024, 2, 29), true},
		{"2025-02-29", time.Time{}, false},
		{"31/02/2025", time.Time{}, false},
		{"2025/03/03", time.Time{}, false},
		{"03-03-2025", time.Time{}, false},
		{"2025-3-3", time.Time{}, false},
		{"demain", time.Time{}, false},
		{"", time.Time{}, false},
		// The school range: typos and probes are refused, its bounds accepted.
		{"2000-01-01", day(2000, 1, 1), true},
		{"31/12/2099", day(2099, 12, 31), true},
		{"0001-01-01", time.Time{}, false},
		{"1999-12-31", time.Time{}, false},
		{"2100-01-01", time.Time{}, false},
		{"9999-12-31", time.Time{}, false},
		{"3/3/25", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDate(tt.in)
			if !tt.ok {
				require.Error(t, err)
				require.Contains(t, err.Error(), "Date invalide : ")
				return
			}
			require.NoError(t, err)
			require.Equal(t, tt.want, got)
			require.Equal(t, time.UTC, got.Location())
		})
	}
}

func TestDateOnlyAndISODate(t *testing.T) {
	tests := []struct {
		name string
		in   time.Time
		want time.Time
		iso  string
	}{
		{"UTC midnight is idempotent", day(2025, 3, 3), day(2025, 3, 3), "2025-03-03"},
		{"late UTC instant is the next Paris day", utc(2025, 3, 30, 22, 30), day(2025, 3, 31), "2025-03-31"},
		{"early UTC instant in summer", utc(2025, 7, 14, 21, 59), day(2025, 7, 14), "2025-07-14"},
		{"summer: 22:00 UTC is Paris midnight", utc(2025, 7, 14, 22, 0), day(2025, 7, 15), "2025-07-15"},
		{"Paris local midnight", time.Date(2025, 3, 3, 0, 0, 0, 0, Paris), day(2025, 3, 3), "2025-03-03"},
		{"zero stays zero", time.Time{}, time.Time{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := DateOnly(tt.in)
			require.Equal(t, tt.want, got)
			require.Equal(t, got, DateOnly(got))
			require.Equal(t, tt.iso, ISODate(tt.in))
		})
	}
}

func TestParseDateNamesTheSchoolRange(t *testing.T) {
	_, err := ParseDate("9999-12-31")
	require.EqualError(t, err, "Date invalide : « 9999-12-31 » doit être comprise entre le 01/01/2000 et le 31/12/2099.")
}

func TestParseFormatRoundTrip(t *testing.T) {
	for _, s := range []string{"2025-03-30", "2025-10-26", "2026-01-01", "2024-02-29"} {
		d, err := ParseDate(s)
		require.NoError(t, err)
		require.Equal(t, s, ISODate(d))
		back, err := ParseDate(FormatShort(d))
		require.NoError(t, err)
		require.Equal(t, d, back)
	}
}
