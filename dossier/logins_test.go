package dossier_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/accounts"
	"livret/apptest"
	"livret/demo"
	"livret/dossier"
	"livret/pfmp"
)

func TestClassLoginsCountPendingAccounts(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	mustImport(t, a, csvOf(t, ";", false, head, "Cœur;Éloïse;1re MSPC;02/11/2008;", "Petit;Zoé;1re MSPC;02/11/2008;"))
	class := a.MustFind(t, "classes", "name", "1re MSPC")
	c, students, err := store(a).ClassLogins(class.Id)
	require.NoError(t, err)
	assert.Equal(t, "1re MSPC", c.Name)
	assert.Equal(t, 8, c.Students)
	assert.Equal(t, 2, c.Pending)
	require.Len(t, students, 8)
	assert.Equal(t, "eloise.coeur", students[1].Username, "by last name: Bonnet, Cœur…")
	assert.True(t, students[1].Pending)

	all, err := store(a).AccountClasses()
	require.NoError(t, err)
	require.Len(t, all, 2)
	assert.Equal(t, dossier.AccountClass{ID: class.Id, Name: "1re MSPC", Level: "1re", Students: 8, Pending: 2}, all[1])

	_, _, err = store(a).ClassLogins("nope")
	assert.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err))
	_, err = store(a).StudentLoginOf(a.MustFind(t, "users", "username", "prof.martin").Id)
	assert.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err), "a teacher is no student")
}

// A slip's password opens the account, which must then change it; a class's slips made
// before a student chose his password are refused as a whole.
func TestInitialPasswordsThenTheChosenOne(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	mustImport(t, a, csvOf(t, ";", false, head, "Cœur;Éloïse;1re MSPC;02/11/2008;"))
	eloise := a.MustFind(t, "users", "username", "eloise.coeur")
	manon := a.MustFind(t, "users", "username", "manon.girard")
	teacher := a.MustFind(t, "users", "username", "prof.martin").Id

	pw := accounts.NewPassword()
	hash, err := accounts.HashInitial(pw)
	require.NoError(t, err)
	require.NoError(t, s.SetInitialPasswords(teacher, []dossier.InitialPassword{{eloise.Id, hash}}, true))
	stored := a.MustFind(t, "users", "username", "eloise.coeur")
	assert.True(t, stored.ValidatePassword(pw))
	assert.True(t, stored.GetBool("must_change_password"))

	err = s.SetInitialPasswords(teacher, []dossier.InitialPassword{{eloise.Id, hash}, {manon.Id, hash}}, true)
	assert.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err), "Manon chose her password: the class's slips are stale")
	assert.True(t, a.MustFind(t, "users", "username", "manon.girard").ValidatePassword(demo.Password), "nothing written")

	// A reset (one student, whatever his state) ends his sessions.
	require.NoError(t, s.SetInitialPasswords(teacher, []dossier.InitialPassword{{manon.Id, hash}}, false))
	reset := a.MustFind(t, "users", "username", "manon.girard")
	assert.True(t, reset.ValidatePassword(pw))
	assert.True(t, reset.GetBool("must_change_password"))
	assert.NotEqual(t, manon.TokenKey(), reset.TokenKey(), "every session of the account ends")
	n, err := a.PB.CountRecords("audit_log", dbx.HashExp{"action": "mot_de_passe_provisoire"})
	require.NoError(t, err)
	assert.EqualValues(t, 2, n, "each slip's passwords are recorded")

	err = s.SetInitialPasswords(teacher, []dossier.InitialPassword{{teacher, hash}}, false)
	assert.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err), "a teacher's password is not reset here")

	// The owner chooses his password: no current one asked while held to the change.
	_, err = s.ChangePassword(eloise.Id, "", pw)
	assert.Equal(t, []string{"mot_de_passe"}, keys(pfmp.FieldsOf(err)), "the provisional password cannot be kept")
	rec, err := s.ChangePassword(eloise.Id, "", "un vélo bleu 7")
	require.NoError(t, err)
	assert.False(t, rec.GetBool("must_change_password"))
	assert.NotEqual(t, stored.TokenKey(), rec.TokenKey())
	chosen := a.MustFind(t, "users", "username", "eloise.coeur")
	assert.True(t, chosen.ValidatePassword("un vélo bleu 7"))
	assert.False(t, chosen.ValidatePassword(pw))

	// Later changes ask for the current password.
	_, err = s.ChangePassword(eloise.Id, "faux", "une autre phrase 8")
	assert.Equal(t, []string{"actuel"}, keys(pfmp.FieldsOf(err)))
	_, err = s.ChangePassword(eloise.Id, "un vélo bleu 7", "une autre phrase 8")
	require.NoError(t, err)
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
