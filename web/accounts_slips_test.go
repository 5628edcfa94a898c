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
	"livret/print"
)

// A class imported, its slips printed as one PDF: each slip's password opens its account, which
// sees nothing but the password change until its owner chose one that follows the rule; then
// the provisional password is dead and the student lands on his home.
func TestSlipsAndFirstLogin(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	mustImport(t, teacher, studentsCSV("Cœur;Éloïse;Tle MSPC;02/11/2007;", "N'Diaye;Aïcha;Tle MSPC;30/01/2008;", "Petit;Zoé;Tle MSPC;05/05/2008;"))
	class := a.MustFind(t, "classes", "name", "Tle MSPC")

	page := teacher.Get("/comptes/classes/" + class.Id)
	require.Equal(t, http.StatusOK, page.Status)
	assert.Contains(t, page.Body, "3 élève(s), dont 3 en attente de première connexion")
	assert.Contains(t, page.Body, "<code>aicha.ndiaye</code>")

	name, pages := mustPDF(t, teacher.PostForm("/comptes/classes/"+class.Id+"/fiches", url.Values{"format": {"pdf"}}))
	assert.Equal(t, "Identifiants Tle MSPC.pdf", name)
	require.Len(t, pages, 1)
	slips := slipsOf(t, pages)
	require.Len(t, slips, 3)
	assert.Contains(t, pages[0], "Éloïse CŒUR — Tle MSPC")
	assert.Contains(t, pages[0], "Adresse du site : "+a.URL)

	student := a.NewClient(t)
	r := student.PostForm("/connexion", url.Values{"identifiant": {"Eloise.Coeur"}, "mot_de_passe": {slips["eloise.coeur"]}})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	for _, path := range []string{"/mes-periodes", "/", "/comptes"} {
		r = student.Get(path)
		require.Equal(t, http.StatusSeeOther, r.Status, path)
		assert.Equal(t, "/mot-de-passe", r.Header.Get("Location"), path)
	}
	r = student.Get("/mes-periodes", "HX-Request", "true")
	assert.Equal(t, "/mot-de-passe", r.Header.Get("HX-Redirect"))
	form := student.Get("/mot-de-passe")
	require.Equal(t, http.StatusOK, form.Status)
	assert.Contains(t, form.Body, "Choisissez votre mot de passe")
	assert.Contains(t, form.Body, "Au moins 10 caractères")
	assert.NotContains(t, form.Body, `name="actuel"`, "the provisional password was just typed")

	r = student.PostForm("/mot-de-passe", url.Values{"mot_de_passe": {"eloise2026!"}, "confirmation": {"eloise2026!"}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, alertOf(r.Body), "ni votre prénom, ni votre nom, ni votre identifiant")
	r = student.PostForm("/mot-de-passe", url.Values{"mot_de_passe": {slips["eloise.coeur"]}, "confirmation": {slips["eloise.coeur"]}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, alertOf(r.Body), "différent de l&#39;actuel")

	r = student.PostForm("/mot-de-passe", url.Values{"mot_de_passe": {"un vélo bleu 7"}, "confirmation": {"un vélo bleu 7"}})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	assert.Equal(t, "/mes-periodes", r.Header.Get("Location"))
	home := student.Get("/mes-periodes")
	require.Equal(t, http.StatusOK, home.Status, "the new session opens the student's home")
	assert.Contains(t, home.Body, "Mot de passe enregistré")

	again := a.NewClient(t)
	r = again.PostForm("/connexion", url.Values{"identifiant": {"eloise.coeur"}, "mot_de_passe": {slips["eloise.coeur"]}})
	assert.Equal(t, http.StatusUnprocessableEntity, r.Status, "the provisional password is dead")
	a.MustLogin(t, "eloise.coeur", "un vélo bleu 7")

	// Printing the class again covers only those still waiting, with new passwords.
	_, pages = mustPDF(t, teacher.PostForm("/comptes/classes/"+class.Id+"/fiches", url.Values{"format": {"pdf"}}))
	reprinted := slipsOf(t, pages)
	assert.Len(t, reprinted, 2)
	assert.NotContains(t, reprinted, "eloise.coeur")
	assert.NotEqual(t, slips["aicha.ndiaye"], reprinted["aicha.ndiaye"])
	r = a.NewClient(t).PostForm("/connexion", url.Values{"identifiant": {"aicha.ndiaye"}, "mot_de_passe": {slips["aicha.ndiaye"]}})
	assert.Equal(t, http.StatusUnprocessableEntity, r.Status, "a slip printed before is useless")
	a.MustLogin(t, "aicha.ndiaye", reprinted["aicha.ndiaye"])
}

// A teacher resets a student's password: a new slip, the student's sessions end, and he must
// choose a password again.
func TestResetAStudentsPassword(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	manon := a.MustLogin(t, "manon.girard", demo.Password)
	require.Equal(t, http.StatusOK, manon.Get("/mes-periodes").Status)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	class := a.MustFind(t, "classes", "name", "1re MSPC")
	assert.Contains(t, teacher.Get("/comptes/classes/"+class.Id).Body, "Tous les élèves de la classe ont choisi leur mot de passe")
	assert.Equal(t, http.StatusConflict, teacher.PostForm("/comptes/classes/"+class.Id+"/fiches", url.Values{}).Status)

	id := a.MustFind(t, "users", "username", "manon.girard").Id
	name, pages := mustPDF(t, teacher.PostForm("/comptes/eleves/"+id+"/reinitialiser", url.Values{"format": {"pdf"}}))
	assert.Equal(t, "Identifiant Manon GIRARD.pdf", name)
	slips := slipsOf(t, pages)
	require.Len(t, slips, 1)
	assert.Equal(t, http.StatusSeeOther, manon.Get("/mes-periodes").Status, "her session ended")
	fresh := a.MustLogin(t, "manon.girard", slips["manon.girard"])
	r := fresh.Get("/mes-periodes")
	assert.Equal(t, "/mot-de-passe", r.Header.Get("Location"))
	assert.Contains(t, teacher.Get("/comptes/classes/"+class.Id).Body, "1 en attente de première connexion")
}

// Without Chromium the slips are refused before any password changes, and their page for the
// browser's own printing still works.
func TestSlipsWithoutChromium(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t, apptest.WithPrintOptions(print.Options{ChromePath: "/nonexistent/chromium"}))
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	id := a.MustFind(t, "users", "username", "manon.girard").Id
	r := teacher.PostForm("/comptes/eleves/"+id+"/reinitialiser", url.Values{"format": {"pdf"}})
	require.Equal(t, http.StatusServiceUnavailable, r.Status)
	assert.Contains(t, r.Body, "Impression PDF indisponible")
	a.MustLogin(t, "manon.girard", demo.Password) // unchanged

	r = teacher.PostForm("/comptes/eleves/"+id+"/reinitialiser", url.Values{"format": {"html"}})
	require.Equal(t, http.StatusOK, r.Status)
	assert.True(t, strings.HasPrefix(r.Header.Get("Content-Type"), "text/html"))
	m := slipRe.FindStringSubmatch(strings.Join(strings.Fields(stripTags(r.Body)), " "))
	require.NotNil(t, m, r.Body)
	a.MustLogin(t, "manon.girard", m[2])
}
