package dossier_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

// One account per email address, whatever its case; a school account's address is refused.
func TestTutorAccountIsOnePerAddress(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	first, err := s.TutorAccount(dossier.Tutor{FirstName: "Anne", LastName: "Tutrice", Email: "anne@usine.example"})
	require.NoError(t, err)
	again, err := s.TutorAccount(dossier.Tutor{FirstName: "Anne-Marie", LastName: "Tutrice", Email: "ANNE@usine.example"})
	require.NoError(t, err)
	require.Equal(t, first.Id, again.Id)
	require.Equal(t, "Anne-Marie", a.MustFind(t, "users", "id", first.Id).GetString("first_name"), "the names typed last")
	require.Equal(t, string(pfmp.RoleTutor), again.GetString("role"))
	require.False(t, again.ValidatePassword(""), "a password nobody knows")

	_, err = s.TutorAccount(dossier.Tutor{FirstName: "C", LastName: "M", Email: "prof.martin@demo.livret.fr"})
	require.Equal(t, pfmp.ErrInvalid, pfmp.KindOf(err))
	require.Contains(t, pfmp.FieldsOf(err)["tutor_email"], "Enseignant")
	require.Nil(t, s.TutorByEmail("prof.martin@demo.livret.fr"), "not a tutor")
	require.Equal(t, first.Id, s.TutorByEmail("Anne@Usine.example").Id)
}

// A dossier has one tutor: a grant to another tutor ends the previous one; « Invalider »
// ends what runs; a renewed token keeps its expiry; every use leaves an audit row.
func TestGrantsOfADossier(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "sarah.bonnet")
	anne, err := s.TutorAccount(dossier.Tutor{FirstName: "Anne", LastName: "T", Email: "anne@usine.example"})
	require.NoError(t, err)
	paul, err := s.TutorAccount(dossier.Tutor{FirstName: "Paul", LastName: "T", Email: "paul@usine.example"})
	require.NoError(t, err)

	first, err := s.IssueGrant(anne.Id, p.Id, "h1")
	require.NoError(t, err)
	a.Clock.Set(apptest.DefaultNow.Add(time.Hour))
	second, err := s.IssueGrant(paul.Id, p.Id, "h2")
	require.NoError(t, err)
	gs, err := s.GrantsByIDs([]string{first.Id, second.Id})
	require.NoError(t, err)
	for _, g := range gs {
		require.Equal(t, g.Id == second.Id, g.Valid(a.Clock.Now()), "only the new tutor's grant runs")
	}
	latest, err := s.LatestGrantsOfPeriod(p.GetString("period"))
	require.NoError(t, err)
	require.Equal(t, second.Id, latest[p.Id].ID)
	require.Equal(t, "paul@usine.example", latest[p.Id].TutorEmail)
	require.Equal(t, pfmp.LinkValid, pfmp.LinkStateOf(latest[p.Id].Facts(), a.Clock.Now()))

	renewed, err := s.RenewGrantToken(second.Id, "h3")
	require.NoError(t, err)
	require.Equal(t, second.Expires(), renewed.Expires(), "a new token, not a longer access")
	require.NotEqual(t, second.Fingerprint(), renewed.Fingerprint(), "sessions of the old token end")
	_, err = s.RenewGrantToken(first.Id, "h4")
	require.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err), "an ended grant gets no new token")

	n, err := s.RevokeGrantsOf(p.Id)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	n, _ = s.RevokeGrantsOf(p.Id)
	require.Zero(t, n, "nothing left to invalidate")

	require.NoError(t, s.RecordGrantUse(second.Id, a.Clock.Now(), "192.0.2.7"))
	audit := a.MustFind(t, "audit_log", "record", second.Id)
	require.Equal(t, paul.Id, audit.GetString("actor"))
	require.Contains(t, audit.GetString("detail"), p.Id)
	require.Contains(t, audit.GetString("detail"), "192.0.2.7")
}

// Tokens: 32 random bytes written in 43 URL-safe characters, stored as their SHA-256.
func TestAccessTokens(t *testing.T) {
	tok, hash, err := dossier.NewAccessToken()
	require.NoError(t, err)
	require.Len(t, tok, 43)
	require.True(t, dossier.IsAccessToken(tok))
	require.Equal(t, hash, dossier.AccessTokenHash(tok))
	require.Len(t, hash, 64)
	other, _, _ := dossier.NewAccessToken()
	require.NotEqual(t, tok, other)
	for _, bad := range []string{"", "fin", tok[:42], tok + "A", tok[:42] + "!"} {
		require.False(t, dossier.IsAccessToken(bad), bad)
	}
	require.NotContains(t, dossier.GrantFingerprint(hash), hash[:16], "the fingerprint reveals nothing of the hash")
}

// Referents: the period's author by default, the chosen teachers once set (teachers only).
func TestReferents(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	p := a.MustPlacement(t, e31, "manon.girard")
	benali := a.MustFind(t, "users", "username", "prof.benali")
	lucas := a.MustFind(t, "users", "username", "lucas.lambert")

	byPlacement, err := s.ReferentsOf(p.Id)
	require.NoError(t, err)
	require.Len(t, byPlacement[p.Id], 1)
	require.Equal(t, "Claire MARTIN", byPlacement[p.Id][0].Name())

	err = s.SetReferents(p.Id, []string{lucas.Id})
	require.Equal(t, pfmp.ErrInvalid, pfmp.KindOf(err), "a student is no referent")
	require.NoError(t, s.SetReferents(p.Id, []string{benali.Id, lucas.Id}))
	byPeriod, err := s.ReferentsOfPeriod(p.GetString("period"))
	require.NoError(t, err)
	require.Equal(t, []string{"Karim BENALI"}, []string{byPeriod[p.Id][0].Name()})
	require.Len(t, byPeriod[p.Id], 1)
	require.True(t, dossier.IsReferent(byPeriod[p.Id], benali.Id))
	sarah := a.MustPlacement(t, e31, "sarah.bonnet")
	require.Equal(t, "Claire MARTIN", byPeriod[sarah.Id][0].Name(), "the others keep the default")
}

// A master's home lists every dossier of his apprentices.
func TestPlacementsOfMaster(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	master := a.MustFind(t, "users", "username", "julien.boisseau")
	rows, err := s.PlacementsOfMaster(master.Id)
	require.NoError(t, err)
	require.Len(t, rows, 1)
	require.Equal(t, "Lucas LAMBERT", rows[0].Student)
	require.Equal(t, "Claire MARTIN", rows[0].Referents[0].Name())
	none, err := s.PlacementsOfMaster(a.MustFind(t, "users", "username", "prof.martin").Id)
	require.NoError(t, err)
	require.Empty(t, none)
}
