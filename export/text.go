package export

import (
	"net/url"
	"strconv"
	"strings"

	"livret/pfmp"
)

// French wording of values: names, dates, counts, coordinates, links.

// fullName is « Prénom NOM », as the app writes a person.
func fullName(p Person) string {
	return strings.TrimSpace(cleanText(p.FirstName) + " " + strings.ToUpper(cleanText(p.LastName)))
}

// periodDates is « du lundi 3 mars 2025 au vendredi 28 mars 2025 »; "" without dates.
func periodDates(p Period) string {
	if p.Start.IsZero() || p.End.IsZero() {
		return ""
	}
	return "du " + pfmp.FormatLong(p.Start) + " au " + pfmp.FormatLong(p.End)
}

func count(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

// companyAddress is the address on one line: « 12 rue des Forges, 76000 Rouen ».
func companyAddress(c Company) string {
	town := strings.TrimSpace(cleanText(c.PostalCode) + " " + cleanText(c.City))
	street := strings.Join(strings.Fields(c.Address), " ")
	if street == "" || town == "" {
		return street + town
	}
	return street + ", " + town
}

// coordinates is « 49,44310° N, 1,09930° E », as the map tab writes it.
func coordinates(p Position) string {
	return degrees(p.Lat, "N", "S") + ", " + degrees(p.Lng, "E", "O")
}

func degrees(v float64, pos, neg string) string {
	side := pos
	if v < 0 {
		side, v = neg, -v
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', 5, 64), ".", ",", 1) + "° " + side
}

// mapURL shows the position on OpenStreetMap.
func mapURL(p Position) string {
	lat, lng := strconv.FormatFloat(p.Lat, 'f', -1, 64), strconv.FormatFloat(p.Lng, 'f', -1, 64)
	return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lng + "#map=17/" + lat + "/" + lng
}

// linkURL is the address a link may point to: absolute http(s) only, re-encoded so that a
// word processor accepts it (Word refuses a file whose link holds a raw space). "" otherwise:
// the title is then written without a link.
func linkURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return ""
	}
	return u.String()
}

// documentTitle is the file's title property: « Portfolio de Léa DUPONT — PFMP 1 ».
func documentTitle(p *Portfolio) string {
	t := "Portfolio de " + fullName(p.Student)
	if name := cleanText(p.Period.Name); name != "" {
		t += " — " + name
	}
	return t
}

// footerText starts the footer: « Léa DUPONT — PFMP 1 — » before « page 3 sur 12 ».
func footerText(p *Portfolio) string {
	var out string
	for _, s := range []string{fullName(p.Student), cleanText(p.Period.Name)} {
		if s != "" {
			out += s + " — "
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }
