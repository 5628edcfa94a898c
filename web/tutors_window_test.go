package web_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/mail"
)

// windowPath is the tutor window of a period, a student chosen.
func windowPath(periodID, placementID string) string {
	return "/periodes/" + periodID + "/tuteurs?apprenant=" + placementID
}

// tutorForm is the window's form with the tutor typed.
func tutorForm(last, first, email string) url.Values {
	return url.Values{"tutor_last_name": {last}, "tutor_first_name": {first}, "tutor_email": {email}}
}

var linkRe = regexp.MustCompile(`https?://[^\s"<>]+/acces/[A-Za-z0-9_-]{43}`)

// textOf is markup without its tags, as a reader sees its words.
func textOf(markup string) string { return tagRe.ReplaceAllString(markup, "") }

// The window lists the students sous statut scolaire with their state, the apprentices apart
// with their master, and pre-fills the chosen student's tutor from the fiche.
func TestTutorWindowListsAndPrefills(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	r := teacher.Get("/periodes/" + period.Id + "/tuteurs")
	require.Equal(t, http.StatusOK, r.Status)
	students := element(t, r.Body, `id="tutor-students"`)
	for _, name := range []string{"Manon GIRARD", "Sarah BONNET", "Adam VINCENT"} {
		require.Contains(t, students, name)
	}
	require.NotContains(t, students, "Lucas LAMBERT", "an apprentice gets no tutor link")
	apprentices := element(t, r.Body, `id="tutor-apprentices"`)
	require.Contains(t, apprentices, "Lucas LAMBERT")
	require.Contains(t, apprentices, "Maître d'apprentissage : Julien BOISSEAU")
	require.Contains(t, apprentices, "Théo FONTAINE")
	require.Contains(t, apprentices, "Aucun maître d'apprentissage rattaché")
	require.Contains(t, r.Body, "Choisissez un apprenant")
	require.Contains(t, r.Body, `href="/periodes?niveau=1re`, "« Terminer » goes back to the period")

	r = teacher.Get(windowPath(period.Id, sarah.Id))
	require.Equal(t, http.StatusOK, r.Status)
	require.Contains(t, r.Body, "Sarah BONNET : identité du tuteur")
	require.Contains(t, r.Body, `value="Lemaire"`)
	require.Contains(t, r.Body, `value="Sophie"`)
	require.Contains(t, r.Body, `value="s.lemaire@normandie-emballages.example"`)
	require.Contains(t, r.Body, "Aucun lien d&#39;accès envoyé.")
	require.Contains(t, r.Body, "Envoyer un lien d'accès au tuteur")

	adam := a.MustPlacement(t, demoE31, "adam.vincent")
	r = teacher.Get(windowPath(period.Id, adam.Id))
	require.Contains(t, r.Body, "La fiche de liaison ne nomme pas encore de tuteur")
}

// The three fields are required; what the window saves is what the fiche then shows; an
// apprentice, or a student of another period, is refused.
func TestTutorWindowChecksAndWritesTheFiche(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	adam := a.MustPlacement(t, demoE31, "adam.vincent")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	send := "/periodes/" + period.Id + "/tuteurs/" + adam.Id + "/envoyer"

	r := teacher.PostForm(send, tutorForm("", "Antoine", "pas-une-adresse"))
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "Le champ « Nom » est obligatoire.")
	require.Contains(t, r.Body, "Adresse e-mail invalide.")
	require.Contains(t, r.Body, `value="Antoine"`, "what was typed comes back")
	require.Empty(t, reload(t, a, adam).GetString("tutor_first_name"), "nothing saved")

	r = teacher.PostForm(send, tutorForm("Pillet", "Antoine", "prof.martin@demo.livret.fr"))
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "compte « Enseignant »", "a school account is not a tutor")

	r = teacher.PostForm(send, tutorForm("Pillet", "Antoine", "antoine.pillet@reseau.example"))
	require.Equal(t, http.StatusOK, r.Status, "no SMTP here: the window shows the link")
	fiche := reload(t, a, adam)
	require.Equal(t, "Pillet", fiche.GetString("tutor_last_name"))
	require.Equal(t, "antoine.pillet@reseau.example", fiche.GetString("tutor_email"))
	require.Contains(t, teacher.Get("/dossiers/"+adam.Id+"/liaison").Body, "antoine.pillet@reseau.example")
	tutor := a.MustFind(t, "users", "email", "antoine.pillet@reseau.example")
	require.Equal(t, "tutor", tutor.GetString("role"))

	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")
	r = teacher.PostForm("/periodes/"+period.Id+"/tuteurs/"+lucas.Id+"/envoyer", tutorForm("Boisseau", "Julien", "jb@usine.example"))
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "maître d&#39;apprentissage", "an apprentice has a master, no link")

	other := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	r = teacher.PostForm("/periodes/"+other.Id+"/tuteurs/"+adam.Id+"/envoyer", tutorForm("Pillet", "Antoine", "a@b.example"))
	require.Equal(t, http.StatusNotFound, r.Status, "the dossier is not on that period")
}

// Without SMTP the email goes to the outbox folder, the window shows the link once, and the
// link opens the tutor's home; one account per address, across students.
func TestTutorLinkToTheOutboxIsShownOnce(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	adam := a.MustPlacement(t, demoE31, "adam.vincent")
	camille := a.MustPlacement(t, demoE31, "camille.rousseau")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	r := teacher.PostForm("/periodes/"+period.Id+"/tuteurs/"+adam.Id+"/envoyer", tutorForm("Pillet", "Antoine", "antoine@usine.example"))
	require.Equal(t, http.StatusOK, r.Status)
	require.Equal(t, "no-store", r.Header.Get("Cache-Control"))
	require.Contains(t, r.Body, "Aucun serveur de messagerie n'est configuré")
	link := linkRe.FindString(element(t, r.Body, `id="tutor-link"`))
	require.NotEmpty(t, link, "the link to pass on")
	require.True(t, strings.HasPrefix(link, a.URL+"/acces/"))
	require.NotContains(t, teacher.Get(windowPath(period.Id, adam.Id)).Body, link, "shown once, never stored")

	file := waitOutbox(t, a, 1)[0]
	eml, err := os.ReadFile(file)
	require.NoError(t, err)
	require.Contains(t, string(eml), "antoine@usine.example")

	tutor := a.MustOpenLink(t, link)
	home := tutor.Get("/mes-apprenants")
	require.Contains(t, home.Body, "Adam VINCENT")
	require.Contains(t, home.Body, "Claire MARTIN", "the referent teacher to ask")

	r = teacher.PostForm("/periodes/"+period.Id+"/tuteurs/"+camille.Id+"/envoyer", tutorForm("Pillet", "Antoine", "ANTOINE@usine.example"))
	require.Equal(t, http.StatusOK, r.Status)
	n, err := a.PB.CountRecords("users", nil)
	require.NoError(t, err)
	require.Equal(t, int64(16), n, "one tutor account for both students (the demo's 15 and him)")
	tutor.MustOpenLink(linkRe.FindString(r.Body))
	home = tutor.Get("/mes-apprenants")
	require.Contains(t, home.Body, "Adam VINCENT", "the first link still open in this browser")
	require.Contains(t, home.Body, "Camille ROUSSEAU")
}

// waitOutbox waits for n files in the outbox folder (the mail worker writes them).
func waitOutbox(t *testing.T, a *apptest.App, n int) []string {
	t.Helper()
	var files []string
	require.Eventually(t, func() bool {
		files, _ = filepath.Glob(filepath.Join(mail.OutboxDir(a.PB.DataDir()), "*.eml"))
		return len(files) >= n
	}, 10*time.Second, 20*time.Millisecond)
	return files
}

// element is the part of body from the tag holding marker to the first end tag of its name
// (enough for the lists and notes looked at here, which hold no element of their own name).
func element(t *testing.T, body, marker string) string {
	t.Helper()
	i := strings.Index(body, marker)
	require.GreaterOrEqual(t, i, 0, "no %s in the page", marker)
	start := strings.LastIndex(body[:i], "<")
	tag := strings.Fields(body[start+1 : i])[0]
	end := strings.Index(body[i:], "</"+tag+">")
	require.GreaterOrEqual(t, end, 0)
	return body[start : i+end]
}
