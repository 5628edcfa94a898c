package web_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// zipEntries reads a downloaded ZIP: each entry's text, by name.
func zipEntries(t *testing.T, body string) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader([]byte(body)), int64(len(body)))
	require.NoError(t, err)
	out := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(r)
		require.NoError(t, err)
		r.Close()
		out[f.Name] = string(b)
	}
	return out
}

// A student downloads the archive of his own data from his home, built on demand: his
// dossiers, his tableau de bord, nobody else's.
func TestStudentDownloadsHisData(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	lucas := a.MustLogin(t, "lucas.lambert", demo.Password)
	home := lucas.Get("/mes-periodes")
	require.Equal(t, 200, home.Status)
	require.Contains(t, home.Body, `href="/mes-donnees"`)
	require.NotContains(t, home.Body, `id="my-archive"`, "no year-end archive yet")

	r := lucas.Get("/mes-donnees")
	require.Equal(t, 200, r.Status)
	require.Equal(t, "application/zip", r.Header.Get("Content-Type"))
	require.Contains(t, r.Header.Get("Content-Disposition"), "filename*=UTF-8''Archive%20Lucas%20Lambert.zip")
	files := zipEntries(t, r.Body)
	require.Contains(t, files["Tableau de bord.html"], "Lucas LAMBERT")
	require.Contains(t, files["Tableau de bord.html"], "<style>", "readable offline: its stylesheet inlined")
	require.NotContains(t, files["Tableau de bord.html"], `href="/dossiers/`, "no link into the site")
	require.Contains(t, files["LISEZMOI.txt"], "Lucas LAMBERT (1re MSPC)")
	require.Contains(t, files, "01 PFMP 1re MSPC — E31/Portfolio PFMP 1re MSPC — E31 Lucas Lambert.docx")
	for name, text := range files {
		require.NotContains(t, name+text, "Girard", "another student's data in %s", name)
	}

	require.Equal(t, 404, lucas.Get("/mes-donnees/archive").Status, "no archive stored before the year's closing")
	require.Equal(t, 403, a.MustLogin(t, "prof.martin", demo.Password).Get("/mes-donnees").Status)
	require.Equal(t, 403, a.MustLogin(t, "julien.boisseau", demo.Password).Get("/mes-donnees").Status)
	require.True(t, strings.HasPrefix(a.NewClient(t).Get("/mes-donnees").Header.Get("Location"), "/connexion"))
}
