package dossier_test

import (
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

const p2 = "PFMP 2 — 2de PMIA"

// companyFixture is a student's dossier on the demo's P2 period, opened for its bilan
// entreprise, on a fresh app; teacher is prof.martin's id.
type companyFixture struct {
	a       *apptest.App
	s       *dossier.Store
	p       *core.Record
	d       *dossier.Dossier
	sc      *dossier.CompanyScope
	teacher string
}

func mustCompany(t *testing.T, username string) companyFixture {
	t.Helper()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, p2, username)
	d, err := s.Load(p.Id)
	require.NoError(t, err)
	sc, err := s.CompanyScope(d)
	require.NoError(t, err)
	return companyFixture{a, s, p, d, sc, a.MustFind(t, "users", "username", "prof.martin").Id}
}

func TestCompanyChoicesAreVersionedOneByOne(t *testing.T) {
	t.Parallel()
	f := mustCompany(t, "lea.dupont")
	a, s, d, sc, martin := f.a, f.s, f.d, f.sc, f.teacher
	benali := a.MustFind(t, "users", "username", "prof.benali").Id

	res, err := s.SaveCompanyChoices(d, sc, martin, []dossier.Choice{{Key: "niveau:C1.2", Value: "3"}, {Key: "tache:A1T1", Value: "1"}}, false)
	require.NoError(t, err)
	require.Equal(t, []string{"niveau:C1.2", "tache:A1T1"}, res.Changed)
	require.Equal(t, d.Period.ReviewDate(), res.State.Review.MeetingDate(), "created at the period's date of the bilans")
	require.False(t, res.State.Review.Saved())

	// A form still at version 0: its C1.2 is refused, its other choice written.
	res, err = s.SaveCompanyChoices(d, sc, benali, []dossier.Choice{{Key: "niveau:C1.2", Value: "1"}, {Key: "niveau:C1.3", Value: "2"}}, true)
	require.NoError(t, err)
	require.Equal(t, []string{"niveau:C1.3"}, res.Changed)
	require.Equal(t, []dossier.Conflict{{Key: "niveau:C1.2", Mine: "1", Theirs: "3", By: martin, Version: 1}}, res.Conflicts)
	require.False(t, res.State.Review.Saved(), "a refused choice keeps it from the student")
	// The same value as stored is no conflict, whatever version the form showed.
	res, err = s.SaveCompanyChoices(d, sc, benali, []dossier.Choice{{Key: "niveau:C1.2", Value: "3"}}, true)
	require.NoError(t, err)
	require.Empty(t, res.Conflicts)
	require.Empty(t, res.Changed)
	require.True(t, res.State.Review.Saved())
	require.Equal(t, 2, res.State.Version, "a save that changes nothing takes no version")
	require.Equal(t, dossier.FieldVersion{V: 2, By: benali}, res.State.Versions["niveau:C1.3"])

	// One invalid choice refuses them all.
	_, err = s.SaveCompanyChoices(d, sc, martin, []dossier.Choice{{Key: "niveau:C1.4", Value: "2"}, {Key: "niveau:C1.2", Value: "9", Seen: 1}}, false)
	require.Equal(t, pfmp.ErrInvalid, pfmp.KindOf(err))
	require.Equal(t, map[string]string{"niveau:C1.2": "Niveau inconnu : choisissez 4, 3, 2, 1, 0, NE ou aucun niveau."}, pfmp.FieldsOf(err))
	st, err := s.CompanyState(d, sc)
	require.NoError(t, err)
	require.Empty(t, st.Values["niveau:C1.4"])

	// Detailed mode: the level comes from the sub-competences.
	_, err = s.SaveCompanyChoices(d, sc, martin, []dossier.Choice{{Key: "mode:C1.1", Value: "detaille"},
		{Key: "niveau:C1.1", Value: "0"}, {Key: "niveau:C1.1.a", Value: "2"}, {Key: "niveau:C1.1.b", Value: "NE"}, {Key: "niveau:C1.1.c", Value: "1"}}, false)
	require.NoError(t, err)
	st, err = s.CompanyState(d, sc)
	require.NoError(t, err)
	c11 := sc.Competences[0]
	require.Equal(t, "C1.1", c11.Code)
	level, computed := st.Level(c11)
	require.Equal(t, "2", level, "(2 + 1) / 2 rounds half up; NE left out; the global 0 ignored")
	require.True(t, computed)
}

// The page shows a bilan locked exactly when the hook refuses to change it.
func TestCompanyReviewLockAgreesWithTheHook(t *testing.T) {
	t.Parallel()
	f := mustCompany(t, "hugo.bernard")
	a, s, p, d, sc, teacher := f.a, f.s, f.p, f.d, f.sc, f.teacher
	res, err := s.SaveCompanyChoices(d, sc, teacher, []dossier.Choice{{Key: "engagement", Value: "2"}}, false)
	require.NoError(t, err)
	meeting := res.State.Review.MeetingDate()

	cases := []struct {
		name       string
		checkpoint time.Time
		locked     bool
	}{
		{"checkpoint the day before", meeting.AddDate(0, 0, -1), false},
		{"checkpoint the same day", meeting.Add(20 * time.Hour), false},
		{"checkpoint the day after", meeting.AddDate(0, 0, 1), true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// Each case on a fresh checkpoint, in effect (its day is past): later ones only lock more.
			a.Clock.Set(tc.checkpoint.AddDate(0, 0, 1))
			a.MustRecord(t, "checkpoints", map[string]any{"student": d.Student.Id, "date": tc.checkpoint})
			r, err := s.CompanyReview(p.Id)
			require.NoError(t, err)
			lock, err := s.CompanyReviewLock(d, r)
			require.NoError(t, err)
			require.Equal(t, tc.locked, lock.Locked)
			_, err = s.SaveCompanyChoices(d, sc, teacher, []dossier.Choice{{Key: "engagement", Value: "3", Seen: r.Versions()["engagement"].V}}, false)
			require.Equal(t, tc.locked, err != nil, "the hook refuses exactly then: %v", err)
			if tc.locked {
				require.Contains(t, lock.Message, "Bilan entreprise verrouillé")
			} else {
				_, err = s.SaveCompanyChoices(d, sc, teacher, []dossier.Choice{{Key: "engagement", Value: "2", Seen: r.Versions()["engagement"].V + 1}}, false)
				require.NoError(t, err)
			}
		})
	}
}
