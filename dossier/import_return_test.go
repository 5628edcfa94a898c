package dossier_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/accounts"
	"livret/apptest"
	"livret/dossier"
)

// A student who left at the closing of the year and comes back in a later import is back in
// the school: the preview says so, the import clears his departure, the purge forgets him and
// the next closing counts him among the class's students.
func TestImportBringsBackAStudentWhoLeft(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	admin := a.MustFind(t, "users", "username", "prof.martin").Id
	manon := a.MustFind(t, "users", "username", "manon.girard")
	zip := filepath.Join(t.TempDir(), "manon.zip")
	require.NoError(t, os.WriteFile(zip, []byte("PK archive de Manon"), 0o600))
	_, err := s.CloseYear(admin, dossier.Marks{Leaving: map[string]bool{manon.Id: true}}, map[string]string{manon.Id: zip})
	require.NoError(t, err)
	require.False(t, a.MustFind(t, "users", "username", "manon.girard").GetDateTime("left_at").IsZero())

	data := csvOf(t, ";", false, head, "Girard;Manon;1re MSPC;12/03/2009;scolaire")
	preview, err := s.PreviewImport(mustSheet(t, data))
	require.NoError(t, err)
	require.Len(t, preview.Entries, 1)
	e := preview.Entries[0]
	assert.Equal(t, accounts.Update, e.Action)
	assert.True(t, e.Returns())
	assert.False(t, e.Moved(), "a return is no change of class")
	assert.Equal(t, 1, preview.Returns())
	assert.Zero(t, preview.Moves())
	require.NotEmpty(t, e.Changes)
	assert.Equal(t, "Retour dans l'établissement", e.Changes[0].Label)
	assert.Contains(t, e.Changes[0].From, "parti(e) le ")

	plan := mustImport(t, a, data)
	assert.Equal(t, 1, plan.Returns())
	back := a.MustFind(t, "users", "username", "manon.girard")
	assert.Equal(t, manon.Id, back.Id)
	assert.True(t, back.GetDateTime("left_at").IsZero(), "her departure is cleared")
	assert.Equal(t, a.MustFind(t, "classes", "name", "1re MSPC").Id, back.GetString("class"))

	a.Clock.Set(a.Clock.Now().AddDate(3, 0, 0))
	purge, err := s.PurgePreview()
	require.NoError(t, err)
	for _, st := range purge.Students {
		assert.NotEqual(t, manon.Id, st.ID, "a student in a class is never purged")
	}
	year, err := s.YearPreview()
	require.NoError(t, err)
	var listed bool
	for _, c := range year.Classes {
		for _, st := range c.Students {
			listed = listed || st.ID == manon.Id
		}
	}
	assert.True(t, listed, "the next closing moves her on with her class")

	again, err := s.PreviewImport(mustSheet(t, data))
	require.NoError(t, err)
	assert.Equal(t, accounts.Unchanged, again.Entries[0].Action, "back once, she is no returner any more")
}
