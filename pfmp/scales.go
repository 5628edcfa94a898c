package pfmp

import (
	"math"
	"strconv"
)

// Rating is one value of the competence scale (référentiel
// echelles.niveau_reussite_competence), hard-coded so the rules need no database:
// the codes are stored on reviews and must never change.
type Rating struct {
	Code    string // "4" … "0", "NE"
	Label   string // French label (app-defined, not official)
	Color   string // French colour name, as in the référentiel
	Hex     string // CSS colour
	Counted bool   // counts in means (false for NE)
}

// RatingNE is "non évaluable": stored, but excluded from means.
const RatingNE = "NE"

var ratings = []Rating{
	{Code: "4", Label: "Très bonne maîtrise", Color: "vert", Hex: "#2E7D32", Counted: true},
	{Code: "3", Label: "Maîtrise satisfaisante", Color: "jaune", Hex: "#F9A825", Counted: true},
	{Code: "2", Label: "Maîtrise fragile", Color: "orange", Hex: "#EF6C00", Counted: true},
	{Code: "1", Label: "Maîtrise insuffisante", Color: "rouge", Hex: "#C62828", Counted: true},
	{Code: "0", Label: "Non maîtrisé", Color: "gris", Hex: "#9E9E9E", Counted: true},
	{Code: RatingNE, Label: "Non évaluable", Color: "bleu", Hex: "#1565C0", Counted: false},
}

// Ratings lists the six values, best first, as rating widgets show them. A copy, so
// callers cannot alter the scale.
func Ratings() []Rating { return append([]Rating(nil), ratings...) }

// RatingOf looks a code up (for labels and colours in templates).
func RatingOf(code string) (Rating, bool) {
	for _, r := range ratings {
		if r.Code == code {
			return r, true
		}
	}
	return Rating{}, false
}

// ValidRating reports whether code is on the scale ("" — not rated — is not).
func ValidRating(code string) bool { _, ok := RatingOf(code); return ok }

// MeanRating is the detailed mode's competence level: the mean of the rated
// sub-competences rounded half up (2.5 → "3"), NE, empty and unknown codes excluded.
// False when nothing is rated, so the caller leaves the competence unrated.
func MeanRating(codes []string) (string, bool) {
	sum, n := 0, 0
	for _, c := range codes {
		r, ok := RatingOf(c)
		if !ok || !r.Counted {
			continue
		}
		v, _ := strconv.Atoi(r.Code) // counted codes are digits
		sum += v
		n++
	}
	if n == 0 {
		return "", false
	}
	return strconv.Itoa(int(math.Round(float64(sum) / float64(n)))), true
}

// Engagement is rated 1 to 4 stars at the bottom of the bilan entreprise.
const (
	EngagementMin = 1
	EngagementMax = 4
)

var engagementLabels = [...]string{"Engagement faible", "Engagement irrégulier", "Engagement régulier", "Engagement fort"}

// ValidEngagement reports whether n is a star count of the engagement scale.
func ValidEngagement(n int) bool { return n >= EngagementMin && n <= EngagementMax }

// Engagement is one step of the engagement scale: its stars, as a form value, and its label.
type Engagement struct {
	N     int
	Code  string
	Label string
}

// Engagements is the engagement scale, from one star to four.
func Engagements() []Engagement {
	out := make([]Engagement, 0, EngagementMax)
	for n := EngagementMin; n <= EngagementMax; n++ {
		out = append(out, Engagement{N: n, Code: strconv.Itoa(n), Label: EngagementLabel(n)})
	}
	return out
}

// EngagementLabel is the app-defined label of n stars, "" when out of range.
func EngagementLabel(n int) string {
	if !ValidEngagement(n) {
		return ""
	}
	return engagementLabels[n-EngagementMin]
}
