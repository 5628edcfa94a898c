package pfmp

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// mspcPeriods is the default calendar of the Bac Pro MSPC référentiel.
var mspcPeriods = []RefPeriod{
	{Level: "2PRO", Default: "PERIODE_1"}, {Level: "2PRO", Default: "PERIODE_2"},
	{Level: "1PRO", Default: "PERIODE_2"}, {Level: "1PRO", Default: "PERIODE_2"},
	{Level: "TPRO", Default: "PERIODE_2", Possible: []string{"PERIODE_2", "E31", "E33"}},
	{Level: "TPRO", Default: "PERIODE_2", Possible: []string{"PERIODE_2", "E31", "E33"}},
}

func TestKindsPerLevelFromTheReferentiel(t *testing.T) {
	d := NewDiploma("MSPC", "PMIA", mspcPeriods)
	require.Equal(t, []Kind{KindP1, KindP2, KindAutre}, d.KindsOf(Level2de), "« Période 1 » only in 2de")
	require.Equal(t, []Kind{KindP2, KindAutre}, d.KindsOf(Level1re))
	require.Equal(t, []Kind{KindP2, KindAutre, KindE31, KindE33}, d.KindsOf(LevelTle), "the exams where the référentiel attaches them")
	require.Empty(t, d.KindsOf("3e"))

	require.Equal(t, []Kind{KindP2, KindAutre, KindE31}, d.KindsFor(Level1re, KindE31), "a stored kind stays offered")
	require.Equal(t, []Kind{KindP2, KindAutre}, d.KindsFor(Level1re, KindP2))
	require.Equal(t, []Kind{KindP2, KindAutre}, d.KindsOf(Level1re), "KindsFor leaves the level's list alone")

	require.Equal(t, Kinds(), NewDiploma("", "", nil).KindsOf(Level1re), "no calendar: every kind")
}

func TestLevelNames(t *testing.T) {
	d := NewDiploma("MSPC", "PMIA", mspcPeriods)
	require.Equal(t, "2de Bac Pro famille des métiers PMIA", d.LevelName(Level2de), "as the manual")
	require.Equal(t, "1re Bac Pro MSPC", d.LevelName(Level1re))
	require.Equal(t, "Terminale Bac Pro MSPC", d.LevelName(LevelTle))
	require.Equal(t, "2de Bac Pro", Diploma{}.LevelName(Level2de), "no référentiel")
	require.Equal(t, "3e", d.LevelName("3e"))
}

func TestCheckPeriodRefusesAKindTheFormDidNotOffer(t *testing.T) {
	d := NewDiploma("MSPC", "PMIA", mspcPeriods)
	f := PeriodForm{Name: "PFMP", Level: "1re", Kind: "P1", Start: "2025-03-03", End: "2025-03-21", Kinds: d.KindsOf(Level1re)}
	_, err := CheckPeriod(f)
	require.Equal(t, "Le type « Période 1 » n'est pas proposé en 1re Bac Pro.", FieldsOf(err)["kind"])
	f.Kind = "E31"
	_, err = CheckPeriod(f)
	require.Contains(t, FieldsOf(err), "kind")
	f.Kinds = d.KindsFor(Level1re, KindE31)
	_, err = CheckPeriod(f)
	require.NoError(t, err, "a period created E31 in 1re keeps its kind")
}

// A new period starts as « Période 2 » where its level offers it, else as the level's first kind.
func TestDefaultKind(t *testing.T) {
	d := NewDiploma("MSPC", "PMIA", mspcPeriods)
	require.Equal(t, KindP2, d.DefaultKind(Level2de))
	require.Equal(t, KindP2, d.DefaultKind("3e"), "a level without kinds")
	e31Only := NewDiploma("X", "", []RefPeriod{{Level: "TPRO", Default: "E31", Possible: []string{"E31", "E33"}}})
	require.Equal(t, e31Only.KindsOf(LevelTle)[0], e31Only.DefaultKind(LevelTle))
	require.NotEqual(t, KindP2, e31Only.DefaultKind(LevelTle))
}

// An épreuve's competences come with the diploma; an épreuve it does not list has none.
func TestCompetencesOfAnEpreuve(t *testing.T) {
	d := NewDiploma("MSPC", "PMIA", mspcPeriods).WithEpreuves(map[string][]string{"E31": {"C1.1", "C2.3"}})
	require.Equal(t, []string{"C1.1", "C2.3"}, d.CompetencesOf("E31"))
	require.Empty(t, d.CompetencesOf("E33"))
	require.Empty(t, NewDiploma("MSPC", "PMIA", mspcPeriods).CompetencesOf("E31"))
}
