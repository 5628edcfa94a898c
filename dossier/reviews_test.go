package dossier_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

func TestSelfAndAttitudeReviewsKeepTheirVersionAndHistory(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "manon.girard")
	manon := a.MustFind(t, "users", "username", "manon.girard")
	teacher := a.MustFind(t, "users", "username", "prof.martin")

	none, err := s.SelfReview(p.Id)
	require.NoError(t, err)
	require.Nil(t, none)
	self, err := s.SaveSelfReview(p.Id, manon.Id, 0, map[string]string{"strengths": "Rigueur"})
	require.NoError(t, err)
	require.Equal(t, 1, self.Version())
	_, err = s.SaveSelfReview(p.Id, manon.Id, 0, map[string]string{"strengths": "Autre onglet"})
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err), "a form on version 0 came too late")

	att, err := s.SaveAttitudeReview(p.Id, teacher.Id, 0, map[string]string{"ATT01": "4", "ATT02": ""}, "Bien")
	require.NoError(t, err)
	require.Equal(t, map[string]string{"ATT01": "4"}, att.Ratings(), "no level is not stored")
	require.Equal(t, teacher.Id, att.ChangedBy())
	_, err = s.SaveAttitudeReview(p.Id, teacher.Id, 1, map[string]string{"ATT01": "3"}, "Bien")
	require.NoError(t, err)

	h, err := s.History("attitude_reviews", att.Id)
	require.NoError(t, err)
	require.Len(t, h, 2)
	require.Equal(t, "Claire MARTIN", h[0].Actor)
	require.Equal(t, "update", h[0].Action)
	require.Equal(t, []dossier.Change{{Field: "attitude:ATT01", Old: "4", New: "3"}}, h[0].Changes)
	require.Equal(t, "create", h[1].Action)
	require.Equal(t, []dossier.Change{{Field: "attitude:ATT01", Old: "", New: "4"}, {Field: "commentaire", Old: "", New: "Bien"}}, h[1].Changes)

	// A write outside our pages (dashboard, REST API) is kept too, as an administrator's.
	rec := a.MustFind(t, "self_reviews", "placement", p.Id)
	rec.Set("next_goals", "Écrit par l'administrateur")
	require.NoError(t, a.PB.Save(rec))
	h, err = s.History("self_reviews", rec.Id)
	require.NoError(t, err)
	require.Len(t, h, 2)
	require.Equal(t, "Un administrateur", h[0].Actor)
	require.Equal(t, []dossier.Change{{Field: "next_goals", Old: "", New: "Écrit par l'administrateur"}}, h[0].Changes)
	require.Equal(t, "Manon GIRARD", h[1].Actor)
}
