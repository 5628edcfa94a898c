package web_test

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// pfTypeInto empties a field, then types into it, as a user does. (chromedp's Clear fails on
// an empty textarea, and SetValue cannot send "".)
func pfTypeInto(id, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.WaitVisible(chromedp.ID(id)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("`+id+`").value = ""`),
		chromedp.SendKeys(chromedp.ID(id), text))
}

// pfControls counts the form controls inside the portfolio's tab section.
const pfControls = `document.querySelectorAll("#portfolio-tab :is(input, textarea, button, select, form)").length`

// pfOffline keeps the test off the Internet: no map tiles, no address service. The map must
// still show its marker, and the address button must say the service cannot be reached.
func pfOffline() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, network.SetBlockedURLs, network.SetBlockedURLsParams{URLPatterns: []*network.BlockPattern{
			{URLPattern: "https://tile.openstreetmap.org/*", Block: true},
			{URLPattern: "https://api-adresse.data.gouv.fr/*", Block: true},
		}})
		return err
	})
}

// pfLogin logs in through the form.
func pfLogin(t *testing.T, ctx context.Context, a *apptest.App, who string) {
	t.Helper()
	a.MustBrowserSession(t, ctx, who, demo.Password)
}

func pfLogout(t *testing.T, ctx context.Context) {
	t.Helper()
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`header .user-box form[action="/deconnexion"] button`)))
	apptest.MustWaitURL(t, ctx, "/connexion after logout", func(u *url.URL) bool { return u.Path == "/connexion" })
}

func pfTab(slug string) chromedp.Action[chromedp.Void] {
	return chromedp.Click(chromedp.CSS(`nav.tabs a[href$="/portfolio/` + slug + `"]`))
}

func TestBrowserPortfolioFilledByTheStudentReadByTheTeacher(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	a, p := f.a, f.adam
	portfolio := a.URL + "/dossiers/" + p.Id + "/portfolio/"
	shots := apptest.ShotsDir()

	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, pfOffline(), apptest.PhoneViewport())

	// The student, on a phone: « Présenter l'entreprise ».
	pfLogin(t, ctx, a, "adam.vincent")
	apptest.MustDo(t, ctx, chromedp.Navigate(portfolio+"entreprise"))
	apptest.MustWaitText(t, ctx, "#portfolio-tab h2", "Présenter l'entreprise")
	apptest.MustDo(t, ctx,
		pfTypeInto("f-company_name", "Usine Vincent & Fils"),
		pfTypeInto("f-company_address", "3, rue des Forges"),
		pfTypeInto("f-company_postal_code", "76000"),
		pfTypeInto("f-company_city", "Rouen"),
		pfTypeInto("f-company_activity", "Usinage de pièces pour l'aéronautique."),
		pfTypeInto("f-employees", "120"),
		pfTypeInto("f-maintenance_staff", "8"),
		pfTypeInto("f-company_history", "Fondée en 1962 à Rouen."),
		chromedp.Click(chromedp.CSS(`#entreprise-form button[type="submit"]`)),
	)
	apptest.MustWaitText(t, ctx, "#entreprise-form .saved-indicator", "Présentation de l'entreprise enregistrée.")
	assert.Equal(t, "Usine Vincent & Fils", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-company_name"))))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-entreprise-eleve-phone.png"))
	require.Equal(t, "Usine Vincent & Fils", f.placement(t, p).GetString("company_name"))
	require.Equal(t, 120, f.placement(t, p).GetInt("employees"))

	// « Géolocaliser l'entreprise »: offline, the address service says so; a click places the marker.
	apptest.MustDo(t, ctx, pfTab("carte"))
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.CSS("#company-map.leaflet-container")))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#carte-form [data-geocode]`)))
	apptest.MustWaitText(t, ctx, "#map-status", "Service d'adresses injoignable : placez le marqueur à la main.")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("company-map")))
	apptest.MustWaitText(t, ctx, "#carte-form .saved-indicator", "Position de l'entreprise enregistrée.")
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.CSS("#company-map .leaflet-marker-icon.leaflet-marker-draggable")))
	apptest.MustWaitText(t, ctx, "#map-coords", "° N")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-carte-eleve-phone.png"))
	placed := f.placement(t, p)
	require.InDelta(t, 46.6, placed.GetFloat("lat"), 2, "near the middle of France, where the map opened")
	require.InDelta(t, 2.4, placed.GetFloat("lng"), 2)

	// « Construire l'organigramme »: a head, then a service under it, by the forms.
	apptest.MustDo(t, ctx, pfTab("organigramme"))
	apptest.MustWaitText(t, ctx, "#orgchart", "L'organigramme est vide")
	apptest.MustDo(t, ctx,
		pfTypeInto("f-add_name", "Direction"),
		pfTypeInto("f-add_role", "M. Vincent"),
		chromedp.Click(chromedp.CSS(`form[data-op="add"] button[type="submit"]`)),
	)
	apptest.MustWaitText(t, ctx, ".orgchart", "Direction")
	apptest.MustDo(t, ctx,
		chromedp.SetValue(chromedp.ID("f-add_parent"), "n1"),
		pfTypeInto("f-add_name", "Service maintenance"),
		chromedp.Click(chromedp.CSS(`form[data-op="add"] button[type="submit"]`)),
	)
	apptest.MustWaitText(t, ctx, ".orgchart li ul", "Service maintenance")
	apptest.MustWaitText(t, ctx, "#orgchart .saved-indicator", "Élément ajouté")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-organigramme-eleve-phone.png"))
	require.NotEmpty(t, f.placement(t, p).GetString("portfolio_edited"))
	pfLogout(t, ctx)

	// The teacher reads it all and finds no edit control; then writes a comment.
	apptest.MustDo(t, ctx, apptest.DesktopViewport())
	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, chromedp.Navigate(portfolio+"entreprise"))
	apptest.MustWaitText(t, ctx, "#portfolio-tab", "Usine Vincent & Fils")
	text := apptest.MustText(t, ctx, "#portfolio-tab")
	for _, want := range []string{"Usinage de pièces pour l'aéronautique.", "120", "Fondée en 1962 à Rouen.", "76000"} {
		assert.Contains(t, text, want)
	}
	assert.Zero(t, apptest.MustRun(t, ctx, chromedp.Evaluate[int](pfControls)), "no edit control on « Présenter l'entreprise »")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-entreprise-enseignant-desktop.png"))

	apptest.MustDo(t, ctx, pfTab("carte"))
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.CSS("#company-map .leaflet-marker-icon")))
	apptest.MustWaitText(t, ctx, "#map-coords", "Position de l'entreprise")
	assert.Zero(t, apptest.MustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#company-map .leaflet-marker-draggable").length`)),
		"the teacher's marker does not move")
	assert.Zero(t, apptest.MustRun(t, ctx, chromedp.Evaluate[int](pfControls)), "no edit control on the map")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-carte-enseignant-desktop.png"))

	apptest.MustDo(t, ctx, pfTab("organigramme"))
	chart := apptest.MustWaitText(t, ctx, ".orgchart", "Service maintenance")
	assert.Contains(t, chart, "Direction")
	assert.Zero(t, apptest.MustRun(t, ctx, chromedp.Evaluate[int](pfControls)), "no edit control on the chart")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-organigramme-enseignant-desktop.png"))
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-organigramme-enseignant-phone.png"))
	apptest.MustDo(t, ctx, apptest.DesktopViewport())

	apptest.MustDo(t, ctx, pfTab("commentaires"))
	apptest.MustWaitText(t, ctx, "#commentaires", "Aucun commentaire")
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.ID("f-body"), "Précisez le rôle du service maintenance dans l'organigramme."),
		chromedp.Click(chromedp.CSS(`#commentaires button[type="submit"]`)),
	)
	apptest.MustWaitText(t, ctx, "#commentaires .comment-list", "Précisez le rôle du service maintenance")
	apptest.MustWaitText(t, ctx, "#commentaires .saved-indicator", "Commentaire publié.")
	assert.Contains(t, apptest.MustText(t, ctx, "#commentaires .comment-meta"), "Claire MARTIN")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-commentaires-enseignant-desktop.png"))
	pfLogout(t, ctx)

	// The student sees the « nouveau » mark, then the comment.
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	pfLogin(t, ctx, a, "adam.vincent")
	apptest.MustDo(t, ctx, chromedp.Navigate(portfolio+"entreprise"))
	apptest.MustWaitText(t, ctx, `nav.tabs a[href$="/commentaires"] .badge`, "nouveau")
	apptest.MustDo(t, ctx, pfTab("commentaires"))
	apptest.MustWaitText(t, ctx, "#commentaires .comment-new", "Précisez le rôle du service maintenance")
	assert.Contains(t, apptest.MustText(t, ctx, "#commentaires .comment-new .badge"), "nouveau commentaire")
	assert.Zero(t, apptest.MustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#commentaires textarea").length`)),
		"the student does not write comments")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "portfolio-commentaires-eleve-phone.png"))
	comments := f.comments(t, p)
	require.Len(t, comments, 1)
	require.NotEmpty(t, comments[0]["read_at"], "read once the student opened the tab")
	require.True(t, strings.HasPrefix(apptest.MustLocation(t, ctx).Path, "/dossiers/"+p.Id+"/portfolio/commentaires"))
}
