package web_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/pfmp"
)

// outboxLink sends a link from the window (no SMTP: the window shows it) and returns it.
func outboxLink(t *testing.T, teacher *apptest.Client, periodID, placementID, email string) string {
	t.Helper()
	r := sendLink(t, teacher, periodID, placementID, "Tutrice", "Anne", email)
	require.Equal(t, http.StatusOK, r.Status, alertOf(r.Body))
	link := linkRe.FindString(r.Body)
	require.NotEmpty(t, link)
	return link
}

// requireEnded checks that a request of a session whose link ended lands on the page saying
// why, naming whom to ask.
func requireEnded(t *testing.T, c *apptest.Client, path, why string) {
	t.Helper()
	r := c.Get(path)
	require.Equal(t, http.StatusSeeOther, r.Status, path)
	require.Equal(t, "/acces/fin", r.Header.Get("Location"))
	page := c.Get("/acces/fin")
	require.Contains(t, page.Body, why)
	require.Contains(t, page.Body, "Claire MARTIN", "the referent to ask")
	require.NotContains(t, page.Body, "Sarah BONNET", "nothing of the dossier")
	require.Equal(t, http.StatusSeeOther, c.Get("/mes-apprenants").Status, "the session is over")
}

// Invalidating a link locks out at once the sessions it opened — and only those: the same
// tutor's link to another student goes on, in another browser as in the same one. A new link
// after that opens again; the old one never does.
func TestRevocationLocksOutTheSessionsOfItsLink(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	manon := a.MustPlacement(t, demoE31, "manon.girard")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	toSarah := outboxLink(t, teacher, period.Id, sarah.Id, "anne@usine.example")
	toManon := outboxLink(t, teacher, period.Id, manon.Id, "anne@usine.example")

	onlySarah := a.MustOpenLink(t, toSarah)
	onlyManon := a.MustOpenLink(t, toManon)
	both := a.MustOpenLink(t, toSarah)
	both.MustOpenLink(toManon)
	require.Contains(t, both.Get("/mes-apprenants").Body, "Sarah BONNET")
	require.NotContains(t, onlyManon.Get("/mes-apprenants").Body, "Sarah BONNET", "a session opens what its links open")
	require.Equal(t, http.StatusNotFound, onlyManon.Get("/dossiers/"+sarah.Id).Status)

	r := teacher.PostForm("/periodes/"+period.Id+"/tuteurs/"+sarah.Id+"/invalider", url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Contains(t, element(t, teacher.Get(r.Header.Get("Location")).Body, `id="link-state"`), "Accès invalidé le")

	requireEnded(t, onlySarah, "/dossiers/"+sarah.Id, "invalidé ce lien")
	require.Equal(t, http.StatusNotFound, both.Get("/dossiers/"+sarah.Id).Status, "gone from the session at once")
	home := both.Get("/mes-apprenants").Body
	require.NotContains(t, home, "Sarah BONNET")
	require.Contains(t, home, "Manon GIRARD", "the other student's link goes on")
	require.Equal(t, http.StatusOK, onlyManon.Get("/dossiers/"+manon.Id).Status)

	again := a.NewClient(t)
	require.Equal(t, http.StatusSeeOther, again.Get(toSarah[len(a.URL):]).Status)
	require.Contains(t, again.Get("/acces/fin").Body, "invalidé ce lien")

	renewed := outboxLink(t, teacher, period.Id, sarah.Id, "anne@usine.example")
	require.NotEqual(t, toSarah, renewed, "sending after an invalidation is a new link")
	require.Equal(t, http.StatusOK, a.MustOpenLink(t, renewed).Get("/dossiers/"+sarah.Id).Status)
	old := a.NewClient(t)
	old.Get(toSarah[len(a.URL):])
	require.Contains(t, old.Get("/acces/fin").Body, "n&#39;est pas valable", "the old link is gone for good")
}

// After 180 days the link and the sessions it opened stop at once, whatever the browser holds.
func TestExpiryLocksOutTheTutor(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	link := outboxLink(t, teacher, period.Id, sarah.Id, "anne@usine.example")
	tutor := a.MustOpenLink(t, link)

	a.Clock.Set(apptest.DefaultNow.Add(pfmp.GrantValidity - time.Minute))
	require.Equal(t, http.StatusOK, tutor.Get("/dossiers/"+sarah.Id).Status, "valid until its last minute")
	a.Clock.Set(apptest.DefaultNow.Add(pfmp.GrantValidity))
	requireEnded(t, tutor, "/dossiers/"+sarah.Id+"/portfolio/entreprise", "expiré")

	late := a.NewClient(t)
	require.Equal(t, http.StatusSeeOther, late.Get(link[len(a.URL):]).Status)
	page := late.Get("/acces/fin")
	require.Equal(t, http.StatusGone, page.Status)
	require.Contains(t, page.Body, "Ce lien d&#39;accès a expiré")
	require.Contains(t, element(t, teacher.Get(windowPath(period.Id, sarah.Id)).Body, `id="link-state"`), "Lien tuteur expiré")
}
