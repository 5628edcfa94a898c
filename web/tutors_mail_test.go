package web_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/mail/mailtest"
)

// sendLink posts the tutor window's form for a dossier.
func sendLink(t *testing.T, teacher *apptest.Client, periodID, placementID, last, first, email string) *apptest.Response {
	t.Helper()
	return teacher.PostForm("/periodes/"+periodID+"/tuteurs/"+placementID+"/envoyer", tutorForm(last, first, email))
}

// mailRows counts a dossier's emails in the mail log.
func mailRows(t *testing.T, a *apptest.App, placementID string) int {
	t.Helper()
	n, err := a.PB.CountRecords("mail_log", dbx.HashExp{"placement": placementID})
	require.NoError(t, err)
	return int(n)
}

// The email reaches a real SMTP server, in French, HTML and text, with everything the tutor
// needs; « Envoyer » twice sends it once; the window and the period view then say so.
func TestTutorLinkEmailReachesTheTutor(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	srv := mailtest.Start(t)
	a.MustSMTP(t, srv)
	settings, _ := a.PB.Settings().Clone()
	settings.Meta.AppName = "Lycée Gustave-Eiffel"
	require.NoError(t, a.PB.Save(settings))
	period := a.MustFind(t, "periods", "name", demoE31)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	r := sendLink(t, teacher, period.Id, sarah.Id, "Lemaire", "Sophie", "s.lemaire@normandie-emballages.example")
	require.Equal(t, http.StatusSeeOther, r.Status, "the page returns at once")
	again := sendLink(t, teacher, period.Id, sarah.Id, "Lemaire", "Sophie", "s.lemaire@normandie-emballages.example")
	require.Equal(t, http.StatusSeeOther, again.Status)
	require.Contains(t, teacher.Get(again.Header.Get("Location")).Body, "n&#39;a pas été envoyé une seconde fois")
	require.Equal(t, 1, mailRows(t, a, sarah.Id), "« Envoyer » twice: one email")

	m := srv.Wait(t, 1, 10*time.Second)[0]
	require.Equal(t, []string{"s.lemaire@normandie-emballages.example"}, m.To)
	require.Equal(t, "Accès au livret de PFMP de Sarah Bonnet – Lycée Gustave-Eiffel", m.Subject)
	for _, part := range []string{m.Text, m.HTML} {
		for _, want := range []string{"Bonjour Sophie Lemaire", "Sarah Bonnet", "Lycée Gustave-Eiffel", demoE31,
			"Normandie Emballages", "fiche de liaison", "Claire Martin", "prof.martin@demo.livret.fr",
			"lundi 7 septembre 2026"} {
			require.Contains(t, part, want)
		}
	}
	link := linkRe.FindString(m.Text)
	require.NotEmpty(t, link)
	require.Contains(t, m.HTML, link)

	window := teacher.Get(windowPath(period.Id, sarah.Id)).Body
	state := element(t, window, `id="link-state"`)
	require.Contains(t, state, "Lien tuteur valable")
	require.Contains(t, state, "Valable jusqu&#39;au lundi 7 septembre 2026")
	require.Contains(t, state, "Jamais ouvert")
	require.Eventually(t, func() bool {
		return strings.Contains(teacher.Get(windowPath(period.Id, sarah.Id)).Body, "Courriel : envoyé le")
	}, 10*time.Second, 20*time.Millisecond)

	tutor := a.MustOpenLink(t, link)
	require.Contains(t, tutor.Get("/mes-apprenants").Body, "Sarah BONNET")
	state = element(t, teacher.Get(windowPath(period.Id, sarah.Id)).Body, `id="link-state"`)
	require.Contains(t, state, "Dernière ouverture le mercredi 11 mars 2026")
	view := teacher.Get("/periodes?niveau=1re&periode=" + period.Id).Body
	require.Contains(t, textOf(element(t, view, `id="student-list"`)), "Lien tuteur valable")
}

// A refused delivery is tried again after a pause; once every try failed, the window and the
// period view say the email was not delivered, and why.
func TestFailingSMTPIsRetriedAndShown(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	srv := mailtest.Start(t)
	a.MustSMTP(t, srv)
	period := a.MustFind(t, "periods", "name", demoE31)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	manon := a.MustPlacement(t, demoE31, "manon.girard")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	srv.Refuse(1, 451, "Boite pleine, reessayez plus tard")
	require.Equal(t, http.StatusSeeOther, sendLink(t, teacher, period.Id, sarah.Id, "Lemaire", "Sophie", "sophie@usine.example").Status)
	srv.Wait(t, 1, 10*time.Second)
	require.Equal(t, 2, srv.Attempts(), "refused once, delivered on the next try")

	srv.Refuse(len(apptest.MailRetry)+1, 451, "Boite pleine, reessayez plus tard")
	require.Equal(t, http.StatusSeeOther, sendLink(t, teacher, period.Id, manon.Id, "Boisseau", "Julien", "julien@fragrance.example").Status)
	var state string
	require.Eventually(t, func() bool {
		state = element(t, teacher.Get(windowPath(period.Id, manon.Id)).Body, `id="link-state"`)
		return strings.Contains(state, "Courriel : non distribué :")
	}, 10*time.Second, 20*time.Millisecond)
	require.Contains(t, state, "Lien tuteur non distribué")
	require.Contains(t, state, "code 451")
	require.Contains(t, state, "Boite pleine")
	require.Equal(t, 2+len(apptest.MailRetry)+1, srv.Attempts(), "the first try and every retry")
	require.Len(t, srv.Messages(), 1)
	view := teacher.Get("/periodes?niveau=1re&periode=" + period.Id).Body
	require.Contains(t, textOf(element(t, view, `id="student-list"`)), "Lien tuteur non distribué")
}
