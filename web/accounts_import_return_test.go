package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// A student who left at a closing of the year and is in the new file comes back: the preview
// says « Retour dans l'établissement » with the day she left, not a change of class; the
// import clears her departure.
func TestImportPreviewShowsAStudentComingBack(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	_, err := a.PB.DB().NewQuery(`UPDATE users SET left_at = '2026-07-03 10:00:00.000Z', class = ''
		WHERE username = 'manon.girard'`).Execute() // as the closing leaves her, with her archive
	require.NoError(t, err)
	a.MustRecord(t, "archives", map[string]any{"student": a.MustFind(t, "users", "username", "manon.girard").Id,
		"school_year": 2025, "size": 19, "class_name": "1re MSPC"})
	c := a.MustLogin(t, "prof.martin", demo.Password)
	page := mustPreviewImport(t, c, "eleves.csv", studentsCSV("Girard;Manon;1re MSPC;12/03/2009;scolaire"))
	r := c.Get(page)
	require.Equal(t, http.StatusOK, r.Status)
	text := strings.Join(strings.Fields(stripTags(r.Body)), " ")
	assert.Contains(t, text, "compte(s) à mettre à jour, dont 0 changement(s) de classe et 1 retour(s) dans l'établissement")
	assert.Contains(t, text, "Retour dans l'établissement (parti(e) le vendredi 3 juillet 2026)")
	assert.Contains(t, r.Body, `<td class="num" data-label="Ligne">2</td>`, "the line number is labelled on a phone")

	require.Equal(t, http.StatusSeeOther, c.PostForm(page, url.Values{}).Status)
	assert.Contains(t, mustImportDone(t, c, page), "dont 0 changement(s) de classe et 1 retour(s) dans l'établissement")
	manon := a.MustFind(t, "users", "username", "manon.girard")
	assert.True(t, manon.GetDateTime("left_at").IsZero())
	assert.Equal(t, a.MustFind(t, "classes", "name", "1re MSPC").Id, manon.GetString("class"))

	// Her archive stays hers while she is enrolled again: no day of deletion.
	home := a.MustLogin(t, "manon.girard", demo.Password).Get("/mes-periodes").Body
	assert.Contains(t, strings.Join(strings.Fields(stripTags(home)), " "), "reste disponible tant que vous êtes inscrit(e)")
	assert.Contains(t, strings.Join(strings.Fields(stripTags(c.Get("/annee").Body)), " "), "tant que l'élève est inscrit(e)")
}
