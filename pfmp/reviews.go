package pfmp

// The evaluations of a period (manual, « Évaluer la période en entreprise d'un apprenant »):
// which ones a period collects, how a competence's level is read from a bilan, and the
// attitudes' scale.

// Review is one kind of evaluation a dossier may hold.
type Review string

const (
	ReviewSelf          Review = "personnel"     // the student's bilan personnel
	ReviewAttitudes     Review = "attitudes"     // the tutor's attitudes professionnelles
	ReviewCompany       Review = "entreprise"    // bilan entreprise: tasks, competences, engagement
	ReviewCertificative Review = "certificative" // the exam grid of E31/E33 periods
)

// Reviews lists the evaluations a period of kind k collects, in the dossier's order: every
// kind has the bilan personnel and the attitudes; P2 and autre add the bilan entreprise,
// E31 and E33 the certification grid instead (P1 collects attitudes only). None for an
// unknown kind.
func (k Kind) Reviews() []Review {
	if !k.Valid() {
		return nil
	}
	out := []Review{ReviewSelf, ReviewAttitudes}
	switch {
	case k.HasCompanyReview():
		out = append(out, ReviewCompany)
	case k.Certificative():
		out = append(out, ReviewCertificative)
	}
	return out
}

// Has reports whether a period of kind k collects review r.
func (k Kind) Has(r Review) bool {
	for _, x := range k.Reviews() {
		if x == r {
			return true
		}
	}
	return false
}

// How a competence of a bilan entreprise is rated: as a whole, or through its
// sub-competences.
const (
	ModeGlobal   = "global"
	ModeDetailed = "detaille"
)

// ValidMode reports whether m is one of the two modes.
func ValidMode(m string) bool { return m == ModeGlobal || m == ModeDetailed }

// DetailedLevel is a competence's level computed from its sub-competences' ratings: their
// rounded mean (MeanRating, NE excluded); "NE" when every rated one is NE; "" when none is rated.
func DetailedLevel(subs []string) string {
	if mean, ok := MeanRating(subs); ok {
		return mean
	}
	for _, s := range subs {
		if s == RatingNE {
			return RatingNE
		}
	}
	return ""
}

// CompetenceLevel is the level a bilan gives a competence: its own rating in global mode (or
// any unknown mode), the level computed from its sub-competences in detailed mode (computed
// is then true, and own is ignored).
func CompetenceLevel(mode, own string, subs []string) (level string, computed bool) {
	if mode == ModeDetailed {
		return DetailedLevel(subs), true
	}
	if !ValidRating(own) {
		return "", false
	}
	return own, false
}

// LatestLevel is a competence's current level from its evaluations in time order: the last
// counted one (NE says nothing about the level); "NE" when all are NE; "" when none.
func LatestLevel(levels []string) string {
	out := ""
	for _, l := range levels {
		r, ok := RatingOf(l)
		switch {
		case ok && r.Counted:
			out = l
		case ok && out == "":
			out = l
		}
	}
	return out
}

// AttitudeLevel is one value of the attitudes' scale (référentiel
// echelles.attitudes_4_niveaux, app-defined).
type AttitudeLevel struct {
	Code, Label, Color, Hex string
}

// AttitudeNO is "non observé".
const AttitudeNO = "NO"

var attitudeLevels = []AttitudeLevel{
	{"4", "Très satisfaisant", "vert", "#2E7D32"},
	{"3", "Satisfaisant", "jaune", "#F9A825"},
	{"2", "À améliorer", "orange", "#EF6C00"},
	{"1", "Insuffisant", "rouge", "#C62828"},
	{AttitudeNO, "Non observé", "bleu", "#1565C0"},
}

// AttitudeLevels lists the attitudes' scale, best first (a copy).
func AttitudeLevels() []AttitudeLevel { return append([]AttitudeLevel(nil), attitudeLevels...) }

// AttitudeLevelOf looks a code up.
func AttitudeLevelOf(code string) (AttitudeLevel, bool) {
	for _, l := range attitudeLevels {
		if l.Code == code {
			return l, true
		}
	}
	return AttitudeLevel{}, false
}
