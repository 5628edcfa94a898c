package web_test

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"livret/apptest"
	"livret/demo"
)

func countOf(t *testing.T, a *apptest.App, col string) int {
	t.Helper()
	n, err := a.PB.CountRecords(col)
	require.NoError(t, err)
	return int(n)
}

// A teacher with the right sends the school's file: the preview lists every line with what
// will be done and every rejected line with its reason, nothing is written until he
// confirms; then the import runs with its progress, and a second import of the same file has
// nothing left to do.
func TestImportPreviewConfirmAndReimport(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.MustLogin(t, "prof.martin", demo.Password)
	file := append([]byte("\xEF\xBB\xBF"), studentsCSV(
		"Cœur;Éloïse;Tle MSPC;02/11/2007;apprentie",  // new, in a new class
		"LAMBERT;Lucas;Tle MSPC;01/09/2008;apprenti", // the demo's Lucas, moved up a class
		"Girard;Manon;1re MSPC;03/04/2009;scolaire",  // the demo's Manon, given her birth date
		"Sansclasse;Jean;;01/01/2009;",
		"Roux;Paul;BTS MS;01/01/2005;",
	)...)
	users, classes := countOf(t, a, "users"), countOf(t, a, "classes")
	page := mustPreviewImport(t, c, "élèves 2026.csv", file)

	r := c.Get(page)
	require.Equal(t, http.StatusOK, r.Status)
	body := r.Body
	assert.Contains(t, body, "Fichier « élèves 2026.csv » : 4 élève(s) lu(s), 1 ligne(s) illisible(s) — encodage UTF-8, séparateur point-virgule.")
	assert.Contains(t, body, "<strong>1</strong> compte(s) à créer")
	assert.Contains(t, body, "<strong>2</strong> compte(s) à mettre à jour, dont 1 changement(s) de classe")
	assert.Contains(t, body, "<strong>2</strong> ligne(s) rejetée(s)")
	assert.Contains(t, body, "Tle MSPC — niveau Terminale Bac Pro, diplôme MSPC")
	assert.Contains(t, body, "<code>eloise.coeur</code>")
	assert.Contains(t, body, "classe : 1re MSPC → Tle MSPC")
	assert.Contains(t, body, "Classe manquante.")
	assert.Contains(t, body, "Classe « BTS MS » inconnue")
	assert.Equal(t, users, countOf(t, a, "users"), "a preview writes nothing")
	assert.Equal(t, classes, countOf(t, a, "classes"))

	r = c.PostForm(page, url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	status := mustImportDone(t, c, page)
	assert.Contains(t, status, "<strong>Import terminé</strong> : 1 compte(s) créé(s), 2 mis à jour (dont 1 changement(s) de classe), 0 inchangé(s), 2 ligne(s) rejetée(s), 1 classe(s) créée(s).")
	tle := a.MustFind(t, "classes", "name", "Tle MSPC")
	assert.Contains(t, status, `<a href="/comptes/classes/`+tle.Id+`">Fiches de connexion — Tle MSPC</a> (1 nouveau(x) compte(s))`)
	assert.Equal(t, users+1, countOf(t, a, "users"))
	assert.Equal(t, tle.Id, a.MustFind(t, "users", "username", "lucas.lambert").GetString("class"))
	r = c.PostForm(page, url.Values{})
	assert.Equal(t, http.StatusConflict, r.Status, "confirmed once only")

	again := mustPreviewImport(t, c, "élèves 2026.csv", file)
	body = c.Get(again).Body
	assert.Contains(t, body, "<strong>3</strong> élève(s) déjà à jour")
	assert.Contains(t, body, "Rien à importer")
	assert.NotContains(t, body, `id="import-confirm"`)
	assert.Equal(t, http.StatusConflict, c.PostForm(again, url.Values{}).Status)
	assert.Equal(t, users+1, countOf(t, a, "users"))

	// The page is its sender's alone: another teacher with the right learns nothing of it.
	_, err := a.PB.DB().NewQuery("UPDATE users SET can_import = TRUE WHERE username = 'prof.benali'").Execute()
	require.NoError(t, err)
	other := a.MustLogin(t, "prof.benali", demo.Password)
	assert.Equal(t, http.StatusNotFound, other.Get(page).Status)
	assert.Equal(t, http.StatusNotFound, other.PostForm(again, url.Values{}).Status)
}

// Files that cannot be imported come back on the form with a French reason, and nothing is
// written.
func TestImportRefusesBadFiles(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.MustLogin(t, "prof.martin", demo.Password)
	users, classes := countOf(t, a, "users"), countOf(t, a, "classes")
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	for _, tc := range []struct {
		name, file string
		data       []byte
		status     int
		reason     string
	}{
		{"empty", "eleves.csv", nil, 422, "Le fichier est vide"},
		{"header only", "eleves.csv", []byte("Nom;Prénom;Classe;Date de naissance\r\n"), 422, "ne contient que la ligne des titres"},
		{"binary", "photo.csv", png, 422, "pas un fichier texte CSV"},
		{"spreadsheet", "eleves.xlsx", []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00"), 422, "Ce fichier est un classeur"},
		{"missing columns", "eleves.csv", []byte("Nom,Prénom,Groupe\r\nDupont,Léa,A\r\n"), 422,
			"Colonne(s) obligatoire(s) absente(s) : Classe, Date de naissance."},
		{"over the limit", "eleves.csv", bytes.Repeat([]byte("Dupont;Léa;1re MSPC;14/03/2009\r\n"), 70000), 413,
			"Fichier trop volumineux : un fichier d'import ne peut pas dépasser 2 Mo."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := uploadImport(t, c.For(t), tc.file, tc.data)
			require.Equal(t, tc.status, r.Status, alertOf(r.Body))
			assert.Contains(t, html.UnescapeString(alertOf(r.Body)), tc.reason)
		})
	}
	onlyBad := c.Get(mustPreviewImport(t, c, "eleves.csv", studentsCSV(";Léa;1re MSPC;14/03/2009;", "Roux;Paul;BTS MS;01/01/2005;")))
	assert.Contains(t, onlyBad.Body, "Aucune ligne importable")
	assert.NotContains(t, onlyBad.Body, `id="import-confirm"`)
	r := c.PostForm("/comptes/import", url.Values{})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, alertOf(r.Body), "Choisissez le fichier CSV des élèves")
	assert.Equal(t, users, countOf(t, a, "users"))
	assert.Equal(t, classes, countOf(t, a, "classes"))
}

// 2,000 lines in Windows-1252 with commas, a few bad ones and two namesakes in one class:
// every good line is imported in one go, each bad one reported with its line.
func TestImportLargeFile(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.MustLogin(t, "prof.martin", demo.Password)
	lines := []string{"Nom,Prénom,Classe,Date de naissance"}
	for i := range 2000 {
		switch i {
		case 100:
			lines = append(lines, "Élève,,2de A,01/09/2010")
		case 1200:
			lines = append(lines, "Élève1200,Zoé,2de A,30/02/2010")
		case 1998, 1999: // namesakes born on different days
			lines = append(lines, fmt.Sprintf("Hérault,Maëlle,Tle C,0%d/09/2008", i-1996))
		default:
			lines = append(lines, fmt.Sprintf("Élève%04d,Zoé,%s,01/09/2009", i, []string{"2de A", "1re B", "Tle C"}[i%3]))
		}
	}
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(strings.Join(lines, "\r\n")))
	require.NoError(t, err)
	users := countOf(t, a, "users")
	page := mustPreviewImport(t, c, "gros.csv", data)
	preview := c.Get(page).Body
	assert.Contains(t, preview, "encodage Windows-1252, séparateur virgule")
	assert.Contains(t, preview, "<strong>1998</strong> compte(s) à créer")
	assert.Contains(t, preview, "Prénom manquant.")
	assert.Contains(t, preview, "Date de naissance « 30/02/2010 » impossible")
	assert.Contains(t, preview, "Homonyme de l&#39;élève de la ligne 2000 dans la même classe")
	require.Equal(t, http.StatusSeeOther, c.PostForm(page, url.Values{}).Status)
	assert.Contains(t, mustImportDone(t, c, page), "1998 compte(s) créé(s)")
	assert.Equal(t, users+1998, countOf(t, a, "users"))
	n, err := a.PB.CountRecords("users", dbx.HashExp{"last_name": "Hérault"})
	require.NoError(t, err)
	assert.EqualValues(t, 2, n)
	a.MustFind(t, "users", "username", "maelle.herault2")
}

// Only the teachers given the right import; the others see the accounts without the button.
func TestImportIsForTeachersGivenTheRight(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	benali := a.MustLogin(t, "prof.benali", demo.Password)
	assert.Equal(t, http.StatusForbidden, benali.Get("/comptes/import").Status)
	assert.Equal(t, http.StatusForbidden, uploadImport(t, benali, "eleves.csv", studentsCSV("Cœur;Éloïse;Tle MSPC;02/11/2007;")).Status)
	r := benali.Get("/comptes")
	require.Equal(t, http.StatusOK, r.Status)
	assert.NotContains(t, r.Body, `href="/comptes/import"`)
	assert.Contains(t, r.Body, "réservé aux enseignants à qui l'administrateur")

	martin := a.MustLogin(t, "prof.martin", demo.Password)
	assert.Contains(t, martin.Get("/comptes").Body, `href="/comptes/import"`)
}
