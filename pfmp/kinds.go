package pfmp

// Kind is a period's status (référentiel pfmp.statuts_periode): it decides which
// reviews the period collects.
type Kind string

const (
	KindP1    Kind = "P1"    // 2de first period: attitudes only
	KindP2    Kind = "P2"    // bilan entreprise
	KindAutre Kind = "autre" // like P2
	KindE31   Kind = "E31"   // attached to exam unit E31: certification grid
	KindE33   Kind = "E33"   // attached to exam unit E33: certification grid
)

// Kinds lists the kinds in the order forms offer them.
func Kinds() []Kind { return []Kind{KindP1, KindP2, KindAutre, KindE31, KindE33} }

var kindLabels = map[Kind]string{
	KindP1:    "Période 1",
	KindP2:    "Période 2",
	KindAutre: "Autre",
	KindE31:   "Épreuve E31",
	KindE33:   "Épreuve E33",
}

// Label is the French name shown to users; the raw value for an unknown kind so bad
// data stays visible instead of blank.
func (k Kind) Label() string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return string(k)
}

// Valid reports whether k is one of the five kinds.
func (k Kind) Valid() bool { _, ok := kindLabels[k]; return ok }

// HasCompanyReview: only P2 and autre get a bilan entreprise (tasks, competence ratings,
// engagement). P1 collects attitudes only; E31/E33 use the certification grid instead.
func (k Kind) HasCompanyReview() bool { return k == KindP2 || k == KindAutre }

// HasAttitudeReview: the tutor's attitudes grid applies to every kind.
func (k Kind) HasAttitudeReview() bool { return k.Valid() }

// Certificative: the period counts towards an exam unit (E31, E33).
func (k Kind) Certificative() bool { return k == KindE31 || k == KindE33 }

// Level is a class level of the Bac Pro (stored on classes, periods and annexes).
type Level string

const (
	Level2de Level = "2de"
	Level1re Level = "1re"
	LevelTle Level = "Tle"
)

// Levels lists the levels in school order.
func Levels() []Level { return []Level{Level2de, Level1re, LevelTle} }

var levelLabels = map[Level]string{
	Level2de: "2de Bac Pro",
	Level1re: "1re Bac Pro",
	LevelTle: "Terminale Bac Pro",
}

// Label is the French name shown to users; the raw value for an unknown level.
func (l Level) Label() string {
	if s, ok := levelLabels[l]; ok {
		return s
	}
	return string(l)
}

// Valid reports whether l is one of the three levels.
func (l Level) Valid() bool { _, ok := levelLabels[l]; return ok }
