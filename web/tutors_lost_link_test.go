package web_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/mail/mailtest"
)

// A tutor who lost his link asks the login page for a new one: mailed for each dossier his
// address still opens, with the same expiry; the answer is the same for an address that opens
// nothing; requests are counted.
func TestLostLinkRequest(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	srv := mailtest.Start(t)
	a.MustSMTP(t, srv)
	period := a.MustFind(t, "periods", "name", demoE31)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	require.Equal(t, http.StatusSeeOther, sendLink(t, teacher, period.Id, sarah.Id, "Lemaire", "Sophie", "sophie@usine.example").Status)
	first := linkRe.FindString(srv.Wait(t, 1, 10*time.Second)[0].Text)
	grant := a.MustFind(t, "tutor_access", "placement", sarah.Id)

	visitor := a.NewClient(t)
	unknown := visitor.PostForm("/connexion/lien", url.Values{"courriel": {"personne@nulle-part.example"}})
	known := visitor.PostForm("/connexion/lien", url.Values{"courriel": {"SOPHIE@usine.example"}})
	require.Equal(t, http.StatusOK, unknown.Status)
	require.Equal(t, http.StatusOK, known.Status)
	require.Equal(t, element(t, unknown.Body, `id="lost-sent"`), element(t, known.Body, `id="lost-sent"`),
		"the same answer: no way to learn who is a tutor")

	msgs := srv.Wait(t, 2, 10*time.Second) // requests are handled in order: the unknown address first
	require.Len(t, msgs, 2, "nothing for the unknown address")
	again := msgs[1]
	require.Equal(t, []string{"sophie@usine.example"}, again.To)
	require.Contains(t, again.Subject, "Votre nouveau lien d'accès au livret de PFMP de Sarah Bonnet")
	link := linkRe.FindString(again.Text)
	require.NotEqual(t, first, link)
	require.Contains(t, a.MustOpenLink(t, link).Get("/mes-apprenants").Body, "Sarah BONNET")
	old := a.NewClient(t)
	old.Get(first[len(a.URL):])
	require.Contains(t, old.Get("/acces/fin").Body, "n&#39;est pas valable", "the new link replaces the old one")
	require.Equal(t, grant.GetDateTime("expires"), a.MustFind(t, "tutor_access", "id", grant.Id).GetDateTime("expires"),
		"a lost link gives a new link, not a longer access")

	bad := visitor.PostForm("/connexion/lien", url.Values{"courriel": {"pas-une-adresse"}})
	require.Equal(t, http.StatusUnprocessableEntity, bad.Status)
	for range 4 { // the fifth request for this address
		visitor.PostForm("/connexion/lien", url.Values{"courriel": {"sophie@usine.example"}})
	}
	limited := visitor.PostForm("/connexion/lien", url.Values{"courriel": {"sophie@usine.example"}})
	require.Equal(t, http.StatusTooManyRequests, limited.Status, "five requests per address and quarter of an hour")
	require.Contains(t, limited.Body, "Trop de demandes")
}
