package dossier_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/accounts"
	"livret/apptest"
	"livret/dossier"
)

// mustInvite issues a teacher a new invitation to his address; its token's hash comes back.
func mustInvite(t *testing.T, s *dossier.Store, a *apptest.App, username string) string {
	t.Helper()
	user := a.MustFind(t, "users", "username", username)
	_, hash, err := dossier.NewAccessToken()
	require.NoError(t, err)
	require.NoError(t, s.IssueInvitation(user.Id, user.Email(), hash))
	return hash
}

// requireClosed checks that an invitation's link opens nothing: gone, or used.
func requireClosed(t *testing.T, s *dossier.Store, hash, why string) {
	t.Helper()
	inv, err := s.InvitationByTokenHash(hash)
	require.NoError(t, err)
	if inv != nil {
		assert.True(t, inv.Used(), why)
		_, err = s.AcceptInvitation(inv.ID, "quelqu'un d'autre 9")
		assert.ErrorIs(t, err, dossier.ErrInvitationClosed, why)
	}
}

// An invitation ends once it may no longer open the account: its email corrected (the link
// went to someone else), a slip's password given, the password chosen. An email queued to
// the old address mints no new link.
func TestInvitationEndsWhenTheAccountMovesOn(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	wrong, _ := mustInvitedTeacher(t, a, "Lefèvre;Éloïse;wrong.person@elsewhere.example;eloise.lefevre", "eloise.lefevre")
	first := mustInvite(t, s, a, "eloise.lefevre")
	_, err := s.ApplyTeacherImport(teachersSheet(t, "Lefèvre;Éloïse;eloise.lefevre@lycee.fr;eloise.lefevre"), "", nil)
	require.NoError(t, err)
	inv, err := s.InvitationByTokenHash(first)
	require.NoError(t, err)
	assert.Nil(t, inv, "the invitation to the wrong address is withdrawn")
	_, hash, err := dossier.NewAccessToken()
	require.NoError(t, err)
	assert.ErrorIs(t, s.IssueInvitation(wrong.Id, "wrong.person@elsewhere.example", hash), dossier.ErrInvitationReaddressed,
		"an email queued to the old address gets no link")

	second := mustInvite(t, s, a, "eloise.lefevre")
	slip, err := accounts.HashInitial("kq7Tr-m4Hxa")
	require.NoError(t, err)
	require.NoError(t, s.SetTeacherInitialPasswords("", []dossier.InitialPassword{{AccountID: wrong.Id, Hash: slip}}))
	requireClosed(t, s, second, "a slip's password ends the invitation")

	third := mustInvite(t, s, a, "eloise.lefevre")
	_, err = s.ChangePassword(wrong.Id, "", "ma phrase à moi 2026")
	require.NoError(t, err)
	requireClosed(t, s, third, "the password chosen ends the invitation")
	assert.True(t, a.MustFind(t, "users", "username", "eloise.lefevre").ValidatePassword("ma phrase à moi 2026"))
}

// Whatever the invitation's row says, it opens no account whose owner chose his password.
func TestInvitationOpensNoAccountWithAChosenPassword(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	user, hash := mustInvitedTeacher(t, a, "Roux;Paul;paul@lycee.fr;", "paul.roux")
	_, err := a.PB.DB().NewQuery("UPDATE users SET must_change_password = FALSE WHERE id = {:id}").
		Bind(map[string]any{"id": user.Id}).Execute() // no hook on this path
	require.NoError(t, err)
	inv, err := s.InvitationByTokenHash(hash)
	require.NoError(t, err)
	require.NotNil(t, inv)
	_, err = s.AcceptInvitation(inv.ID, "une phrase de 2026")
	assert.ErrorIs(t, err, dossier.ErrInvitationClosed)
	assert.False(t, a.MustFind(t, "users", "username", "paul.roux").ValidatePassword("une phrase de 2026"))
}

// A password set since the invitation (here a slip's) closes its link even if someone clears
// the invitation's « used » mark in the dashboard: the account's token key has changed.
func TestInvitationClearedInTheDashboardStaysClosed(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	user, hash := mustInvitedTeacher(t, a, "Roux;Paul;paul@lycee.fr;", "paul.roux")
	slip, err := accounts.HashInitial("kq7Tr-m4Hxa")
	require.NoError(t, err)
	require.NoError(t, s.SetTeacherInitialPasswords("", []dossier.InitialPassword{{AccountID: user.Id, Hash: slip}}))
	row := a.MustFind(t, "invitations", "user", user.Id)
	row.Set("used_at", "") // what a superuser may do in the dashboard
	require.NoError(t, a.PB.Save(row))
	inv, err := s.InvitationByTokenHash(hash)
	require.NoError(t, err)
	require.NotNil(t, inv)
	_, err = s.AcceptInvitation(inv.ID, "une phrase de 2026")
	assert.ErrorIs(t, err, dossier.ErrInvitationClosed)
	assert.False(t, a.MustFind(t, "users", "username", "paul.roux").ValidatePassword("une phrase de 2026"))
}
