package web_test

import (
	"bytes"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"livret/apptest"
	"livret/demo"
	"livret/mail"
	"livret/mail/mailtest"
)

// The administrator imports the teachers' file: the preview says what will be done and why
// lines are rejected, the import invites each new teacher by email; the link lets the teacher
// choose a password once and lands on his home; the list then says so. No token is left in the
// mail queue or the logs.
func TestTeacherImportAndInvitation(t *testing.T) {
	t.Parallel()
	a, srv, admin := mustSchoolWithSMTP(t)
	require.Contains(t, admin.Get("/comptes").Body, `href="/comptes/enseignants"`)
	file := append([]byte("\xEF\xBB\xBF"), teachersCSV(
		"Lefèvre;Éloïse;eloise.lefevre@lycee.example;",
		"N'Diaye;Aïcha;a.ndiaye@lycee.example;A.NDiaye",
		"BENALI;Karim;PROF.BENALI@demo.livret.fr;",             // the demo's Karim, by email: unchanged
		"Girard;Manon;manon.girard@lycee.example;manon.girard", // a student's username
		"Sansmail;Paul;;",
	)...)
	users := countOf(t, a, "users")

	page := mustPreviewAt(t, admin, teachersImportURL, "enseignants.csv", file)
	body := admin.Get(page).Body
	for _, want := range []string{
		"Fichier « enseignants.csv » : 4 enseignant(s) lu(s), 1 ligne(s) illisible(s) — encodage UTF-8, séparateur point-virgule.",
		"<strong>2</strong> compte(s) à créer", "<strong>0</strong> compte(s) à mettre à jour</li>",
		"<strong>1</strong> enseignant(s) déjà à jour", "<strong>2</strong> ligne(s) rejetée(s)",
		"<code>eloise.lefevre</code>", "<code>a.ndiaye</code>", "eloise.lefevre@lycee.example",
		"Adresse électronique manquante (l&#39;invitation y est envoyée).",
		"Identifiant déjà utilisé par le compte d&#39;un élève : il ne devient pas un compte d&#39;enseignant.",
	} {
		assert.Contains(t, body, want)
	}
	assert.NotContains(t, body, "classe(s)", "teachers have no class")
	assert.Equal(t, users, countOf(t, a, "users"), "a preview writes nothing")
	assert.Zero(t, countOf(t, a, "mail_log"))

	r := admin.PostForm(page, url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	status := mustPollDone(t, admin, page, 2*time.Minute, "the import")
	assert.Contains(t, status, "<strong>Import terminé</strong> : 2 compte(s) créé(s), 0 mis à jour, 1 inchangé(s), 2 ligne(s) rejetée(s).")
	assert.Contains(t, status, "2 invitation(s) envoyée(s) : chaque nouvel enseignant reçoit un lien")
	assert.Equal(t, users+2, countOf(t, a, "users"))
	assert.Equal(t, "student", a.MustFind(t, "users", "username", "manon.girard").GetString("role"))

	srv.Wait(t, 2, 10*time.Second)
	var m mailtest.Message
	for _, got := range srv.Messages() {
		if got.To[0] == "eloise.lefevre@lycee.example" {
			m = got
		}
	}
	require.Equal(t, "Votre compte sur le livret de PFMP – Lycée professionnel Jean-Moulin (démonstration)", m.Subject)
	for _, part := range []string{m.Text, html.UnescapeString(m.HTML)} {
		for _, want := range []string{"Bonjour Éloïse Lefèvre", "Claire Martin vous a ouvert un compte d'enseignant",
			"eloise.lefevre", "choisissez votre mot de passe", "mercredi 18 mars 2026", "prof.martin@demo.livret.fr"} {
			assert.Contains(t, part, want)
		}
	}
	assert.Contains(t, m.HTML, "Choisir mon mot de passe</a>")
	link := invitationRe.FindString(m.Text)
	require.NotEmpty(t, link)
	require.Contains(t, m.HTML, link)
	token := link[strings.LastIndex(link, "/")+1:]
	require.Eventually(t, func() bool {
		return strings.Contains(element(t, admin.Get("/comptes/enseignants").Body, `id="teacher-`+mustUserID(t, a, "eloise.lefevre")+`"`), "Invitation envoyée")
	}, 10*time.Second, 20*time.Millisecond)

	for _, pw := range []string{"", "!", demo.Password} {
		r = a.NewClient(t).PostForm("/connexion", url.Values{"identifiant": {"eloise.lefevre"}, "mot_de_passe": {pw}})
		assert.Equal(t, http.StatusUnprocessableEntity, r.Status, "no password opens an invited account: %q", pw)
	}

	teacher := a.NewClient(t)
	r = teacher.Get(pathOf(t, link))
	require.Equal(t, http.StatusSeeOther, r.Status)
	assert.Equal(t, "/invitation", r.Header.Get("Location"), "the token leaves the address at once")
	assert.Equal(t, "no-referrer", r.Header.Get("Referrer-Policy"))
	assert.Equal(t, "no-store", r.Header.Get("Cache-Control"))
	form := teacher.Get("/invitation")
	require.Equal(t, http.StatusOK, form.Status)
	assert.Contains(t, form.Body, "Bienvenue, Éloïse Lefèvre")
	assert.Contains(t, form.Body, "<code>eloise.lefevre</code>")
	assert.Contains(t, form.Body, "Au moins 10 caractères")
	assert.NotContains(t, form.Body, token)
	for pw, why := range map[string]string{"court7": "trop court", "eloise2026!": "ni votre prénom", "Lefevre-2026": "ni votre prénom"} {
		r = teacher.PostForm("/invitation", url.Values{"mot_de_passe": {pw}, "confirmation": {pw}})
		require.Equal(t, http.StatusUnprocessableEntity, r.Status, pw)
		assert.Contains(t, alertOf(r.Body), why)
	}
	r = teacher.PostForm("/invitation", url.Values{"mot_de_passe": {"la craie verte 42"}, "confirmation": {"la craie verte 4"}})
	assert.Contains(t, alertOf(r.Body), "Les deux saisies du mot de passe sont différentes.")
	r = teacher.PostForm("/invitation", url.Values{"mot_de_passe": {"la craie verte 42"}, "confirmation": {"la craie verte 42"}})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	assert.Equal(t, "/periodes", r.Header.Get("Location"), "the teacher's home")
	home := teacher.Get("/periodes")
	require.Equal(t, http.StatusOK, home.Status)
	assert.Contains(t, home.Body, "Mot de passe enregistré")

	again := a.NewClient(t).Get(pathOf(t, link))
	assert.Equal(t, http.StatusGone, again.Status, "single use")
	assert.Contains(t, again.Body, "Lien d&#39;invitation déjà utilisé")
	assert.Contains(t, again.Body, "adressez-vous à l&#39;administrateur")

	require.Equal(t, http.StatusSeeOther, teacher.PostForm("/deconnexion", url.Values{}).Status)
	a.MustLogin(t, "Eloise.Lefevre@lycee.example", "la craie verte 42")
	row := element(t, admin.Get("/comptes/enseignants").Body, `id="teacher-`+mustUserID(t, a, "eloise.lefevre")+`"`)
	assert.Contains(t, row, "Compte activé")
	assert.NotContains(t, row, "inviter", "nothing to send any more")

	var bodies []struct {
		Body string `db:"body"`
		HTML string `db:"html"`
	}
	require.NoError(t, a.PB.DB().NewQuery("SELECT body, html FROM mail_log").All(&bodies))
	require.Len(t, bodies, 2)
	for _, b := range bodies {
		assert.Contains(t, b.Body, mail.LinkMark)
		assert.NotContains(t, b.Body+b.HTML, token, "no token in the mail queue")
	}
	a.NewClient(t).Get("/invitation/" + strings.Repeat("B", 43))
	logs := mustLogs(t, a, "Invitation d'un enseignant acceptée", "Tentative d'ouverture d'un lien d'invitation inconnu")
	assert.NotContains(t, logs, token)
	assert.NotContains(t, logs, strings.Repeat("B", 43))
	assert.NotContains(t, logs, "/invitation/")
}

func mustUserID(t *testing.T, a *apptest.App, username string) string {
	t.Helper()
	return a.MustFind(t, "users", "username", username).Id
}

// Without SMTP the import still creates the accounts and says so; the administrator prints
// the slips; a slip's password opens the account, which must first choose its own. The same
// file again (Windows-1252, commas) changes nothing.
func TestTeachersWithoutSMTP(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	file, err := charmap.Windows1252.NewEncoder().Bytes([]byte("NOM,PRÉNOM,MÉL\r\nLefèvre,Éloïse,eloise@lycee.example\r\nCœur,Noël,noel.coeur@lycee.example\r\n"))
	require.NoError(t, err)
	status := mustImportTeachers(t, admin, file)
	assert.Contains(t, status, "2 compte(s) créé(s)")
	assert.Contains(t, status, "<strong>Aucune invitation envoyée</strong> : la messagerie de l'application n'est pas configurée")
	assert.Contains(t, status, `href="/comptes/enseignants#fiches"`)
	assert.Zero(t, countOf(t, a, "mail_log"))

	again := mustPreviewAt(t, admin, teachersImportURL, "enseignants.csv", file)
	body := admin.Get(again).Body
	assert.Contains(t, body, "encodage Windows-1252, séparateur virgule")
	assert.Contains(t, body, "<strong>2</strong> enseignant(s) déjà à jour")
	assert.Contains(t, body, "Rien à importer")
	assert.Equal(t, http.StatusConflict, admin.PostForm(again, url.Values{}).Status)

	list := admin.Get("/comptes/enseignants").Body
	assert.Contains(t, list, `id="mail-off"`)
	assert.Contains(t, list, "menu « Settings » puis « Mail settings », c'est-à-dire Paramètres → Messagerie", "named as the English dashboard shows it")
	assert.Contains(t, list, "En attente d&#39;invitation")
	assert.Contains(t, list, "ni les invitations déjà envoyées (la fiche les remplace)")
	assert.NotContains(t, list, "/inviter", "no invitation can leave")
	r := admin.PostForm("/comptes/enseignants/"+mustUserID(t, a, "eloise.lefevre")+"/inviter", url.Values{})
	assert.Equal(t, http.StatusConflict, r.Status)
	assert.Contains(t, r.Body, "messagerie de l&#39;application n&#39;est pas configurée (tableau de bord /_/, menu « Settings » puis « Mail settings »")

	name, pages := mustPDF(t, admin.PostForm("/comptes/enseignants/fiches", url.Values{"format": {"pdf"}}))
	assert.Equal(t, "Identifiants enseignants.pdf", name)
	slips := slipsOf(t, pages)
	assert.Len(t, slips, 2, "the two new teachers; the others chose their password")
	assert.Contains(t, pages[0], "Noël CŒUR")

	teacher := a.NewClient(t)
	r = teacher.PostForm("/connexion", url.Values{"identifiant": {"noel.coeur@lycee.example"}, "mot_de_passe": {slips["noel.coeur"]}})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	assert.Equal(t, "/mot-de-passe", r.Header.Get("Location"), "a slip's password is provisional")
	teacher.Get("/mot-de-passe")
	r = teacher.PostForm("/mot-de-passe", url.Values{"mot_de_passe": {"un tableau noir 9"}, "confirmation": {"un tableau noir 9"}})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	assert.Equal(t, "/periodes", r.Header.Get("Location"))
	assert.Contains(t, element(t, admin.Get("/comptes/enseignants").Body, `id="teacher-`+mustUserID(t, a, "noel.coeur")+`"`), "Compte activé")
	_, pages = mustPDF(t, admin.PostForm("/comptes/enseignants/fiches", url.Values{"format": {"pdf"}}))
	assert.Len(t, slipsOf(t, pages), 1, "Noël chose his password")
}

// Files that cannot be imported come back on the form with a French reason; nothing is written.
func TestTeacherImportRefusesBadFiles(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	c := a.MustLogin(t, "prof.martin", demo.Password)
	users := countOf(t, a, "users")
	for _, tc := range []struct {
		name, file string
		data       []byte
		status     int
		reason     string
	}{
		{"empty", "enseignants.csv", nil, 422, "Le fichier est vide"},
		{"header only", "enseignants.csv", []byte("Nom;Prénom;Email\r\n"), 422, "aucun enseignant à importer"},
		{"binary", "photo.csv", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 422, "pas un fichier texte CSV"},
		{"spreadsheet", "enseignants.xlsx", []byte("PK\x03\x04\x14\x00\x06\x00"), 422, "Ce fichier est un classeur"},
		{"missing columns", "enseignants.csv", []byte("Nom,Prénom,Discipline\r\nMartin,Claire,Maths\r\n"), 422,
			"Colonne(s) obligatoire(s) absente(s) : Adresse électronique. La première ligne du fichier doit nommer les colonnes Nom, Prénom et Adresse électronique"},
		{"a students' list", "eleves.csv", []byte("Nom;Prénom;Classe;Date de naissance;Email\r\nGirard;Manon;1re MSPC;12/03/2009;manon@lycee.example\r\n"), 422,
			"Ce fichier ressemble à une liste d'élèves (colonne « Date de naissance ») : importez-le dans « Comptes des élèves »"},
		{"over the limit", "enseignants.csv", bytes.Repeat([]byte("Martin;Claire;claire.martin@lycee.example\r\n"), 60000), 413,
			"Fichier trop volumineux"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := uploadTo(t, c.For(t), teachersImportURL, tc.file, tc.data)
			require.Equal(t, tc.status, r.Status, alertOf(r.Body))
			assert.Contains(t, html.UnescapeString(alertOf(r.Body)), tc.reason)
		})
	}
	r := c.PostForm(teachersImportURL, url.Values{})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, alertOf(r.Body), "Choisissez le fichier CSV des enseignants")

	dup := c.Get(mustPreviewAt(t, c, teachersImportURL, "enseignants.csv", teachersCSV(
		"Roux;Paul;paul@lycee.example;", "Roux;Paul;PAUL@lycee.example;", "Roux;Pauline;pauline@lycee.example;paul.roux"))).Body
	assert.Contains(t, dup, "Même adresse électronique qu&#39;à la ligne 2.")
	assert.Contains(t, dup, "Identifiant « paul.roux » déjà utilisé par un autre compte")
	assert.Contains(t, dup, "<strong>1</strong> compte(s) à créer")
	assert.Equal(t, users, countOf(t, a, "users"))
}

// Teachers' accounts are the administrator's: another teacher gets 403 on every route, and no
// link from « Comptes ».
func TestTeacherAccountsAreTheAdministrators(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	job := mustPreviewAt(t, admin, teachersImportURL, "enseignants.csv", teachersCSV("Roux;Paul;paul@lycee.example;"))
	benali := a.MustLogin(t, "prof.benali", demo.Password)
	assert.NotContains(t, benali.Get("/comptes").Body, `href="/comptes/enseignants"`)
	martin := mustUserID(t, a, "prof.martin")
	for _, path := range []string{"/comptes/enseignants", teachersImportURL, job} {
		assert.Equal(t, http.StatusForbidden, benali.Get(path).Status, path)
	}
	for _, path := range []string{"/comptes/enseignants/fiches", "/comptes/enseignants/" + martin + "/inviter", teachersImportURL, job} {
		assert.Equal(t, http.StatusForbidden, benali.PostForm(path, url.Values{"format": {"html"}}).Status, path)
	}
	assert.Equal(t, http.StatusForbidden, uploadTo(t, benali, teachersImportURL, "enseignants.csv", teachersCSV("Roux;Paul;paul@lycee.example;")).Status)
	assert.Equal(t, http.StatusNotFound, admin.Get("/comptes/import/"+job[strings.LastIndex(job, "/")+1:]).Status,
		"a teachers' file is not at the students' address")
}

// An invitation expires after 7 days and says so; sending a new one replaces it; once the
// password is chosen, no more invitations.
func TestInvitationExpiresAndIsReplaced(t *testing.T) {
	t.Parallel()
	a, srv, admin := mustSchoolWithSMTP(t)
	mustImportTeachers(t, admin, teachersCSV("Roux;Paul;paul@lycee.example;"))
	first := mustInvitationTo(t, srv, 1, "paul@lycee.example")
	paul := mustUserID(t, a, "paul.roux")
	invite := "/comptes/enseignants/" + paul + "/inviter"

	r := admin.PostForm(invite, url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	assert.Contains(t, admin.Get(r.Header.Get("Location")).Body, "n&#39;a pas été envoyée une seconde fois", "a double click sends one email")
	require.Eventually(t, func() bool {
		return strings.Contains(element(t, admin.Get("/comptes/enseignants").Body, `id="teacher-`+paul+`"`), "Invitation envoyée")
	}, 10*time.Second, 20*time.Millisecond)

	a.Clock.Set(apptest.DefaultNow.Add(7 * 24 * time.Hour))
	r = a.NewClient(t).Get(pathOf(t, first))
	assert.Equal(t, http.StatusGone, r.Status)
	assert.Contains(t, r.Body, "Lien d&#39;invitation expiré")
	assert.Contains(t, r.Body, "Demandez une nouvelle invitation à l&#39;administrateur")
	row := element(t, admin.Get("/comptes/enseignants").Body, `id="teacher-`+paul+`"`)
	assert.Contains(t, row, "Invitation expirée")
	assert.Contains(t, row, "Renvoyer l'invitation")

	r = admin.PostForm(invite, url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	assert.Contains(t, admin.Get(r.Header.Get("Location")).Body, "Invitation envoyée à paul@lycee.example")
	second := mustInvitationTo(t, srv, 2, "paul@lycee.example")
	require.NotEqual(t, first, second)
	assert.Equal(t, http.StatusNotFound, a.NewClient(t).Get(pathOf(t, first)).Status, "replaced")
	mustAcceptInvitation(t, a, second, "le stylo rouge 17")
	r = admin.PostForm(invite, url.Values{})
	assert.Equal(t, http.StatusConflict, r.Status)
	assert.Contains(t, r.Body, "a déjà choisi son mot de passe")
}

// Guessed invitation links are counted by address, with the tutors' links: past five, even a
// real link waits. A cut link (not a token's shape) is not a guess.
func TestGuessedInvitationLinksAreSlowedDown(t *testing.T) {
	t.Parallel()
	a, srv, admin := mustSchoolWithSMTP(t)
	mustImportTeachers(t, admin, teachersCSV("Roux;Paul;paul@lycee.example;"))
	link := mustInvitationTo(t, srv, 1, "paul@lycee.example")
	c := a.NewClient(t)
	for range 6 {
		assert.Equal(t, http.StatusNotFound, c.Get(pathOf(t, link)[:30]).Status)
	}
	for i := range 5 {
		r := c.Get("/invitation/" + strings.Repeat(string(rune('a'+i)), 43))
		assert.Equal(t, http.StatusNotFound, r.Status)
		assert.Contains(t, r.Body, "Lien d&#39;invitation non valable")
	}
	r := c.Get(pathOf(t, link))
	assert.Equal(t, http.StatusTooManyRequests, r.Status, "refused without a look")
	assert.Contains(t, r.Body, "Trop de liens non valables")

	a.Clock.Set(apptest.DefaultNow.Add(16 * time.Minute))
	mustAcceptInvitation(t, a, link, "le stylo rouge 17")
}

// A queued invitation whose link a restart lost gets a fresh one from the mail queue
// (mail.Config.Relink): a new invitation that opens; an address that is not a teacher's gets none.
func TestInvitationRelinkedAfterRestart(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	mustImportTeachers(t, a.MustLogin(t, "prof.martin", demo.Password), teachersCSV("Roux;Paul;paul@lycee.example;"))
	link, err := a.Web.Relink(mail.KindInvitation, "Paul@lycee.example", "")
	require.NoError(t, err)
	require.Regexp(t, invitationRe, link)
	mustAcceptInvitation(t, a, link, "le stylo rouge 17")
	_, err = a.Web.Relink(mail.KindInvitation, "Paul@lycee.example", "")
	assert.Error(t, err, "his password is chosen: no more invitations")
	_, err = a.Web.Relink(mail.KindInvitation, "julien.boisseau@demo.livret.fr", "")
	assert.Error(t, err, "a master is no teacher")
}

// A disabled teacher is not invited, even by a forged post: the page offers no button, the
// post is refused with the reason, and no email leaves.
func TestADisabledTeacherIsNotInvited(t *testing.T) {
	t.Parallel()
	a, _, admin := mustSchoolWithSMTP(t)
	mustImportTeachers(t, admin, teachersCSV("Lefèvre;Éloïse;Eloise.Lefevre@lycee.example;"))
	id := mustUserID(t, a, "eloise.lefevre")
	user := a.MustFind(t, "users", "id", id)
	user.Set("disabled", true)
	require.NoError(t, a.PB.Save(user))
	before, err := a.PB.CountRecords("mail_log")
	require.NoError(t, err)

	row := element(t, admin.Get("/comptes/enseignants").Body, `id="teacher-`+id+`"`)
	assert.NotContains(t, row, "/inviter")
	r := admin.PostForm("/comptes/enseignants/"+id+"/inviter", url.Values{})
	require.Equal(t, http.StatusConflict, r.Status)
	assert.Contains(t, alertOf(r.Body), "Ce compte est désactivé")
	after, err := a.PB.CountRecords("mail_log")
	require.NoError(t, err)
	assert.Equal(t, before, after, "no email queued")
}
