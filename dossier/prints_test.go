package dossier_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

// sectionTexts are a dossier's printed section texts, keyed by section.
func sectionTexts(t *testing.T, s *dossier.Store, id string) map[string]string {
	t.Helper()
	d, err := s.Load(id)
	require.NoError(t, err)
	out := map[string]string{}
	for _, sec := range d.PreconventionSections() {
		out[sec.Key] = sec.Text
	}
	return out
}

// A dossier prints the period's common sections until a teacher types something else for its
// student; what it did not change keeps following the period.
func TestPreconventionSectionsFollowThePeriodUntilOverridden(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	lucas, manon := a.MustPlacement(t, e31, "lucas.lambert"), a.MustPlacement(t, e31, "manon.girard")
	periodID := lucas.GetString("period")

	require.NoError(t, s.SavePeriodPreconvention(periodID, "", map[string]string{
		"hours": "8 h – 12 h\r\n13 h 30 – 17 h", "concertation": "Une visite à mi-parcours.", "evaluation": "Bilan final."}))
	require.Equal(t, map[string]string{"hours": "8 h – 12 h\n13 h 30 – 17 h", "concertation": "Une visite à mi-parcours.",
		"derogation": "", "evaluation": "Bilan final."}, sectionTexts(t, s, lucas.Id))

	// Lucas's form comes back with the hours unchanged, other concertation, the evaluation
	// emptied (lines for the pen) and a derogation of his own.
	require.NoError(t, s.SavePreconvention(lucas.Id, "", map[string]string{
		"hours": "8 h – 12 h\r\n13 h 30 – 17 h\r\n", "concertation": "Appel chaque vendredi.",
		"derogation": "Perceuse à colonne.", "evaluation": ""}))
	d, err := s.Load(lucas.Id)
	require.NoError(t, err)
	own := map[string]bool{}
	for _, sec := range d.PreconventionSections() {
		own[sec.Key] = sec.Own
	}
	require.Equal(t, map[string]bool{"hours": false, "concertation": true, "derogation": true, "evaluation": true}, own)

	// The period changes: Lucas follows it where he did not diverge, Manon everywhere.
	require.NoError(t, s.SavePeriodPreconvention(periodID, "", map[string]string{
		"hours": "7 h 30 – 16 h", "concertation": "Deux visites.", "derogation": "Aucun.", "evaluation": "Grille E31."}))
	require.Equal(t, map[string]string{"hours": "7 h 30 – 16 h", "concertation": "Appel chaque vendredi.",
		"derogation": "Perceuse à colonne.", "evaluation": ""}, sectionTexts(t, s, lucas.Id))
	require.Equal(t, map[string]string{"hours": "7 h 30 – 16 h", "concertation": "Deux visites.",
		"derogation": "Aucun.", "evaluation": "Grille E31."}, sectionTexts(t, s, manon.Id))

	require.NoError(t, s.ResetPreconvention(lucas.Id))
	require.Equal(t, sectionTexts(t, s, manon.Id), sectionTexts(t, s, lucas.Id))
}

// A form saved over a newer version — of the dossier's texts or of the period's it showed
// pre-filled — is refused and changes nothing.
func TestPreconventionSaveChecksTheVersionItShowed(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	period := a.MustFind(t, "periods", "name", e31)
	seen := dossier.PreconventionVersion(p, period)
	periodSeen := dossier.PeriodPreconventionVersion(period)

	require.NoError(t, s.SavePeriodPreconvention(period.Id, periodSeen, map[string]string{"hours": "8 h – 17 h"}))
	err := s.SavePeriodPreconvention(period.Id, periodSeen, map[string]string{"hours": "9 h – 16 h"})
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err))

	err = s.SavePreconvention(p.Id, seen, map[string]string{"hours": "10 h – 15 h"})
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err), "the period's text it showed has changed")
	require.Equal(t, "8 h – 17 h", sectionTexts(t, s, p.Id)["hours"])

	period = a.MustFind(t, "periods", "name", e31)
	require.NoError(t, s.SavePreconvention(p.Id, dossier.PreconventionVersion(p, period), map[string]string{"hours": "10 h – 15 h"}))
	require.Equal(t, "10 h – 15 h", sectionTexts(t, s, p.Id)["hours"])
}

// The attestation's save writes its six fields only, and checks their version.
func TestSaveAttestationWritesOnlyItsFields(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "lucas.lambert")
	d, err := s.Load(p.Id)
	require.NoError(t, err)
	seen := dossier.AttestationVersion(d.Placement)
	company := p.GetString("company_name")
	require.NotEmpty(t, company)

	values := map[string]string{"representative": "Mme Durand", "head_office": "", "student_address": "3 rue Verte, 76000 Rouen",
		"hours": "140", "gratification": "Aucune", "place": "Rouen"}
	require.NoError(t, s.SaveAttestation(p.Id, seen, values))
	d, err = s.Load(p.Id)
	require.NoError(t, err)
	require.Equal(t, values, d.Placement.Attestation())
	require.Equal(t, company, d.Placement.GetString("company_name"))

	err = s.SaveAttestation(p.Id, seen, map[string]string{"hours": "70"})
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err))
}

// A period's print sheets come by student name, each with its class, the referent (the
// period's author), its objectives, tasks and the competences those tasks mobilise.
func TestPrintSheetsOfPeriod(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	period := a.MustFind(t, "periods", "name", e31)
	a.PB.Settings().Meta.AppName = "Lycée Gustave-Eiffel"
	require.Equal(t, "Lycée Gustave-Eiffel", s.SchoolName())

	sheets, err := s.PrintSheetsOfPeriod(period.Id)
	require.NoError(t, err)
	rows, err := s.StudentsOfPeriod(period.Id)
	require.NoError(t, err)
	require.Len(t, sheets, len(rows))
	for i, sh := range sheets {
		require.Equal(t, rows[i].PlacementID, sh.ID(), "same order as the period's list")
		require.Equal(t, "1re MSPC", sh.ClassName)
		require.Equal(t, []string{"Claire MARTIN"}, sh.Referents)
	}
	first := sheets[0]
	require.Equal(t, period.GetString("objectives"), first.Objectives)
	var codes []string
	for _, t := range first.Tasks {
		codes = append(codes, t.Code)
	}
	require.Equal(t, []string{"A1T1", "A1T3", "A1T4", "A2T2", "A2T3", "A2T4", "A3T1", "A3T2", "A3T4"}, codes)
	require.NotEmpty(t, first.Competences)
	require.Equal(t, "C1.1", first.Competences[0].Code, "A1T1 mobilises C1.1, first in the référentiel")

	// One dossier personalised by a teacher prints its own tasks.
	lucas := a.MustPlacement(t, e31, "lucas.lambert")
	a2t2 := a.MustFind(t, "tasks", "code", "A2T2")
	lucas.Set("custom_objectives", true)
	lucas.Set("objectives", "Changer des roulements.")
	lucas.Set("tasks", []string{a2t2.Id})
	require.NoError(t, a.PB.Save(lucas))
	d, err := s.Load(lucas.Id)
	require.NoError(t, err)
	sh, err := s.PrintSheet(d)
	require.NoError(t, err)
	require.Equal(t, "Changer des roulements.", sh.Objectives)
	require.Equal(t, []dossier.RefItem{{Code: "A2T2", Label: a2t2.GetString("label")}}, sh.Tasks)
	require.Equal(t, "C2.2", sh.Competences[0].Code)
	require.Len(t, sh.Competences, 1)
}
