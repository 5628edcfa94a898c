package web_test

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// recordCSPViolations collects, in every page the tab opens, what the Content-Security-Policy
// refused (window.cspViolations). Injected through the browser's protocol, so the policy
// does not apply to it.
func recordCSPViolations() chromedp.Action[chromedp.Void] {
	const js = `window.cspViolations = [];
		document.addEventListener("securitypolicyviolation", e =>
			window.cspViolations.push(e.violatedDirective + " " + e.blockedURI));`
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: js})
		return err
	})
}

// TestBrowserTheMapAndHtmxWorkUnderTheCSP: the student places the company on the map (Leaflet
// loaded on demand, tiles, the address service, an htmx save) and moves between tabs; the
// policy refuses nothing.
func TestBrowserTheMapAndHtmxWorkUnderTheCSP(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, recordCSPViolations(), pfOffline())
	pfLogin(t, ctx, f.a, "lucas.lambert")
	apptest.MustDo(t, ctx, chromedp.Navigate(f.a.URL+"/dossiers/"+f.lucas.Id+"/portfolio/entreprise"))
	apptest.MustWaitText(t, ctx, "#portfolio-tab h2", "Présenter l'entreprise")

	apptest.MustDo(t, ctx, pfTab("carte"))
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.CSS("#company-map.leaflet-container")))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#carte-form [data-geocode]`)))
	apptest.MustWaitText(t, ctx, "#map-status", "Service d'adresses injoignable")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.ID("company-map")))
	apptest.MustWaitText(t, ctx, "#carte-form .saved-indicator", "Position de l'entreprise enregistrée.")
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.CSS("#company-map .leaflet-marker-icon")))

	apptest.MustDo(t, ctx, pfTab("organigramme"))
	apptest.MustWaitText(t, ctx, "#portfolio-tab h2", "organigramme")

	violations := apptest.MustRun(t, ctx, chromedp.Evaluate[[]string](`window.cspViolations`))
	require.Empty(t, violations)
	require.NotZero(t, f.a.MustFind(t, "placements", "id", f.lucas.Id).GetFloat("lat"), "the htmx save went through")
}
