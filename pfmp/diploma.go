package pfmp

import "slices"

// Diploma is what the pages take from the référentiel (pb_migrations/referentiel): the name
// each class level carries, and the period kinds each level offers.
type Diploma struct {
	Short    string // the diploma's acronym: MSPC
	Family   string // the 2de's family of trades (seconde commune): PMIA
	kinds    map[Level][]Kind
	epreuves map[string][]string // competence codes by épreuve (E31, E33)
}

// WithEpreuves is d with the competences each épreuve evaluates (the référentiel's
// unites_professionnelles).
func (d Diploma) WithEpreuves(competences map[string][]string) Diploma {
	d.epreuves = competences
	return d
}

// CompetencesOf are the codes of the competences an épreuve ("E31") evaluates; none when the
// référentiel does not say.
func (d Diploma) CompetencesOf(epreuve string) []string { return d.epreuves[epreuve] }

// RefPeriod is one period of the référentiel's default calendar (pfmp.periodes_par_defaut).
type RefPeriod struct {
	Level    string   `json:"niveau"`            // 2PRO, 1PRO, TPRO
	Default  string   `json:"statut_defaut"`     // PERIODE_1, PERIODE_2, E31…
	Possible []string `json:"statuts_possibles"` // the other statuses it may take
}

// refLevels and refKinds map the référentiel's codes to ours.
var (
	refLevels = map[string]Level{"2PRO": Level2de, "1PRO": Level1re, "TPRO": LevelTle}
	refKinds  = map[string]Kind{"PERIODE_1": KindP1, "PERIODE_2": KindP2, "AUTRE": KindAutre, "E31": KindE31, "E33": KindE33}
)

// NewDiploma reads the levels' kinds from the référentiel's periods: each level offers the
// statuses its periods take, and « Autre » (a period of the school's own, « comme Période
// 2 »). Without any period every kind is offered everywhere: nothing to go by.
func NewDiploma(short, family string, periods []RefPeriod) Diploma {
	d := Diploma{Short: short, Family: family, kinds: map[Level][]Kind{}}
	offered := map[Level]map[Kind]bool{}
	for _, p := range periods {
		l, ok := refLevels[p.Level]
		if !ok {
			continue
		}
		if offered[l] == nil {
			offered[l] = map[Kind]bool{KindAutre: true}
		}
		for _, code := range append([]string{p.Default}, p.Possible...) {
			if k, ok := refKinds[code]; ok {
				offered[l][k] = true
			}
		}
	}
	for _, l := range Levels() {
		for _, k := range Kinds() { // in the forms' order
			if offered[l][k] || len(offered) == 0 {
				d.kinds[l] = append(d.kinds[l], k)
			}
		}
	}
	return d
}

// LevelName is a level's full name, as the manual shows it: « 2de Bac Pro famille des métiers
// PMIA » (the 2de is common to the family), « 1re Bac Pro MSPC ».
func (d Diploma) LevelName(l Level) string {
	switch {
	case !l.Valid():
		return l.Label()
	case l == Level2de && d.Family != "":
		return l.Label() + " famille des métiers " + d.Family
	case d.Short != "":
		return l.Label() + " " + d.Short
	}
	return l.Label()
}

// KindsOf are the kinds a new period of the level may take.
func (d Diploma) KindsOf(l Level) []Kind { return d.kinds[l] }

// DefaultKind is the kind a new period of level l starts with: « Période 2 » where the level
// offers it, else its first kind.
func (d Diploma) DefaultKind(l Level) Kind {
	kinds := d.KindsOf(l)
	if len(kinds) == 0 || slices.Contains(kinds, KindP2) {
		return KindP2
	}
	return kinds[0]
}

// KindsFor are the kinds the form of a period of level l, of kind stored, offers: the level's,
// and the stored one even if the référentiel no longer offers it there, so saving a period's
// other fields never changes its kind behind the teacher's back.
func (d Diploma) KindsFor(l Level, stored Kind) []Kind {
	kinds := d.KindsOf(l)
	if stored.Valid() && !slices.Contains(kinds, stored) {
		kinds = append(slices.Clone(kinds), stored)
	}
	return kinds
}
