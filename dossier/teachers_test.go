package dossier_test

import (
	"errors"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/accounts"
	"livret/apptest"
	"livret/demo"
	"livret/dossier"
	"livret/pfmp"
)

const teachersHead = "Nom;Prénom;Courriel;Identifiant"

// teachersSheet is a teachers' file of these lines, read.
func teachersSheet(t testing.TB, lines ...string) *accounts.Sheet {
	t.Helper()
	return mustSheetOf(t, accounts.Teachers, csvOf(t, ";", false, append([]string{teachersHead}, lines...)...))
}

// mustInvitedTeacher imports a teacher's line and invites him: his account, and the hash of
// his invitation's token.
func mustInvitedTeacher(t testing.TB, a *apptest.App, line, username string) (*core.Record, string) {
	t.Helper()
	s := store(a)
	_, err := s.ApplyTeacherImport(teachersSheet(t, line), "", nil)
	require.NoError(t, err)
	user := a.MustFind(t, "users", "username", username)
	_, hash, err := dossier.NewAccessToken()
	require.NoError(t, err)
	require.NoError(t, s.IssueInvitation(user.Id, user.Email(), hash))
	return user, hash
}

// A teachers' file is imported in one transaction: new teachers get an account that no
// password opens, an existing one is updated without his password being touched, a student's
// email is rejected; importing it again changes nothing.
func TestTeacherImport(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	file := csvOf(t, ",", true, teachersHead,
		"Lefèvre;Éloïse;eloise.lefevre@lycee.fr;",
		"BENALI;Karïm;PROF.BENALI@demo.livret.fr;",    // the demo's Karim, by email: respelt
		"Girard;Manon;manon@lycee.fr;manon.girard",    // a student's username: rejected
		"Martin;Claire;c.martin@lycee.fr;prof.martin", // the demo's Claire, by username: new email
	)
	preview, err := s.PreviewTeacherImport(mustSheetOf(t, accounts.Teachers, file))
	require.NoError(t, err)
	assert.Equal(t, 3, preview.Writes())
	teachers := countUsers(t, a, "role = 'teacher'")

	var progress []int
	out, err := s.ApplyTeacherImport(mustSheetOf(t, accounts.Teachers, file), "", func(done, total int) { progress = append(progress, done*10+total) })
	require.NoError(t, err)
	assert.Equal(t, []int{13, 23, 33}, progress)
	assert.Equal(t, teachers+1, countUsers(t, a, "role = 'teacher'"))
	eloise := a.MustFind(t, "users", "username", "eloise.lefevre")
	assert.Equal(t, []string{eloise.Id}, out.Created)
	assert.Empty(t, out.NewLogins, "teachers have no class")
	assert.Equal(t, "teacher", eloise.GetString("role"))
	assert.Equal(t, "eloise.lefevre@lycee.fr", eloise.Email())
	assert.True(t, eloise.GetBool("must_change_password"))
	for _, pw := range []string{"", "!", demo.Password, "eloise.lefevre"} {
		assert.False(t, eloise.ValidatePassword(pw), "no password opens a new account: %q", pw)
	}
	karim := a.MustFind(t, "users", "username", "prof.benali")
	assert.Equal(t, "Karïm", karim.GetString("first_name"))
	assert.True(t, karim.ValidatePassword(demo.Password), "an existing account's password is never touched")
	assert.Equal(t, "c.martin@lycee.fr", a.MustFind(t, "users", "username", "prof.martin").Email())
	manon := a.MustFind(t, "users", "username", "manon.girard")
	assert.Equal(t, "student", manon.GetString("role"), "a student's account never becomes a teacher's")
	require.Len(t, out.Plan.Rejected, 1)
	assert.Contains(t, out.Plan.Rejected[0].Reason, "compte d'un élève")
	n, err := a.PB.CountRecords("audit_log", dbx.HashExp{"action": "import_enseignants"})
	require.NoError(t, err)
	assert.EqualValues(t, 1, n)

	again, err := s.ApplyTeacherImport(mustSheetOf(t, accounts.Teachers, file), "", nil)
	require.NoError(t, err)
	assert.Equal(t, 0, again.Plan.Writes(), "the same file again changes nothing")
	assert.Equal(t, 3, again.Plan.Count(accounts.Unchanged))
}

// A failure in the middle of an import leaves every account as it was, the updates made
// before it included.
func TestTeacherImportIsAllOrNothing(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	a.PB.OnRecordCreate("users").BindFunc(func(e *core.RecordEvent) error {
		if e.Record.GetString("username") == "paul.roux" {
			return errors.New("disque plein")
		}
		return e.Next()
	})
	users := countUsers(t, a, "1=1")
	_, err := store(a).ApplyTeacherImport(teachersSheet(t,
		"Martin;Claire;claire@lycee.fr;prof.martin", "Lefèvre;Éloïse;eloise@lycee.fr;", "Roux;Paul;paul@lycee.fr;"), "", nil)
	require.ErrorContains(t, err, "disque plein")
	assert.Equal(t, users, countUsers(t, a, "1=1"))
	assert.Equal(t, "prof.martin@demo.livret.fr", a.MustFind(t, "users", "username", "prof.martin").Email())
	assert.Zero(t, mustCount(t, a, "audit_log"))
}

// An invitation opens once, for a week; a new one replaces it; using it sets the chosen
// password, which then opens the account.
func TestInvitationLifecycle(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	eloise, hash1 := mustInvitedTeacher(t, a, "Lefèvre;Éloïse;eloise@lycee.fr;", "eloise.lefevre")
	inv, err := s.InvitationByTokenHash(hash1)
	require.NoError(t, err)
	require.NotNil(t, inv)
	assert.Equal(t, eloise.Id, inv.UserID)
	assert.Equal(t, apptest.DefaultNow.Add(7*24*time.Hour), inv.Expires.Time())
	assert.True(t, inv.Opens(apptest.DefaultNow))
	assert.False(t, inv.Opens(apptest.DefaultNow.Add(7*24*time.Hour)))

	list, err := s.TeacherLogins()
	require.NoError(t, err)
	require.Len(t, list, 3)
	assert.Equal(t, "eloise.lefevre", list[1].Username, "by last name: Benali, Lefèvre, Martin")
	assert.Equal(t, pfmp.InvitationSending, pfmp.InvitationStateOf(list[1].Facts(), apptest.DefaultNow))
	assert.Equal(t, pfmp.InvitationAccepted, pfmp.InvitationStateOf(list[2].Facts(), apptest.DefaultNow))
	assert.True(t, list[2].SchoolAdmin)

	_, hash2, err := dossier.NewAccessToken()
	require.NoError(t, err)
	require.NoError(t, s.IssueInvitation(eloise.Id, eloise.Email(), hash2))
	old, err := s.InvitationByTokenHash(hash1)
	require.NoError(t, err)
	assert.Nil(t, old, "a new invitation replaces the previous one")
	n, err := a.PB.CountRecords("invitations")
	require.NoError(t, err)
	assert.EqualValues(t, 1, n)

	inv, err = s.InvitationByTokenHash(hash2)
	require.NoError(t, err)
	rec, err := s.AcceptInvitation(inv.ID, "une phrase de 2026")
	require.NoError(t, err)
	assert.False(t, rec.GetBool("must_change_password"))
	assert.True(t, a.MustFind(t, "users", "username", "eloise.lefevre").ValidatePassword("une phrase de 2026"))
	_, err = s.AcceptInvitation(inv.ID, "une autre phrase 7")
	assert.ErrorIs(t, err, dossier.ErrInvitationClosed, "single use")
	used, err := s.InvitationByTokenHash(hash2)
	require.NoError(t, err)
	assert.True(t, used.Used())
	assert.Equal(t, pfmp.ErrConflict, pfmp.KindOf(s.IssueInvitation(eloise.Id, eloise.Email(), hash1)), "a password chosen: no more invitations")
	assert.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(s.IssueInvitation(a.MustFind(t, "users", "username", "manon.girard").Id, "", hash1)),
		"only teachers are invited")
}

// An invitation expired between the form and its sending sets no password.
func TestExpiredInvitationSetsNothing(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	_, hash := mustInvitedTeacher(t, a, "Roux;Paul;paul@lycee.fr;", "paul.roux")
	inv, err := s.InvitationByTokenHash(hash)
	require.NoError(t, err)
	a.Clock.Set(apptest.DefaultNow.Add(pfmp.InvitationValidity))
	_, err = s.AcceptInvitation(inv.ID, "une phrase de 2026")
	assert.ErrorIs(t, err, dossier.ErrInvitationClosed)
	assert.False(t, a.MustFind(t, "users", "username", "paul.roux").ValidatePassword("une phrase de 2026"))
}

// Teachers' slips: only teachers still waiting for their password; a teacher who chose his
// meanwhile refuses the lot.
func TestTeacherInitialPasswords(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	_, err := s.ApplyTeacherImport(teachersSheet(t, "Roux;Paul;paul@lycee.fr;"), "", nil)
	require.NoError(t, err)
	paul := a.MustFind(t, "users", "username", "paul.roux")
	hash, err := accounts.HashInitial("kq7Tr-m4Hxa")
	require.NoError(t, err)
	require.NoError(t, s.SetTeacherInitialPasswords("", []dossier.InitialPassword{{AccountID: paul.Id, Hash: hash}}))
	assert.True(t, a.MustFind(t, "users", "username", "paul.roux").ValidatePassword("kq7Tr-m4Hxa"))
	martin := a.MustFind(t, "users", "username", "prof.martin")
	err = s.SetTeacherInitialPasswords("", []dossier.InitialPassword{{AccountID: paul.Id, Hash: hash}, {AccountID: martin.Id, Hash: hash}})
	assert.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err))
	assert.True(t, a.MustFind(t, "users", "username", "prof.martin").ValidatePassword(demo.Password))
	err = s.SetTeacherInitialPasswords("", []dossier.InitialPassword{{AccountID: a.MustFind(t, "users", "username", "manon.girard").Id, Hash: hash}})
	assert.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err), "a student is no teacher")
}
