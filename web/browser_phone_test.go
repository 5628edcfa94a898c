package web_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// A student on a 390 × 844 phone: the first screen, the tabs, his home, his reports; the
// French of the details.

// rect is an element's box in the window (getBoundingClientRect).
type rect struct {
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
	Left   float64 `json:"left"`
	Right  float64 `json:"right"`
}

func mustRect(t *testing.T, ctx context.Context, selector string) rect {
	t.Helper()
	return apptest.MustRun(t, ctx, chromedp.Evaluate[rect](`(() => {
		const r = document.querySelector(`+"`"+selector+"`"+`).getBoundingClientRect();
		return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
	})()`))
}

// TestBrowserTheFirstFieldIsInTheFirstScreen: on a phone, the portfolio's first field and the
// fiche de liaison's are within the first 844 px, below a compact header; every tab's content
// starts in the first screen.
func TestBrowserTheFirstFieldIsInTheFirstScreen(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, pfOffline(), apptest.PhoneViewport())
	pfLogin(t, ctx, a, "lucas.lambert")

	for _, page := range []struct{ path, field, shot string }{
		{"/portfolio/entreprise", "#f-company_name", "portfolio-premier-ecran-phone.png"},
		{"/liaison", "#f-company_name", "liaison-premier-ecran-phone.png"},
	} {
		apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+page.path), chromedp.WaitVisible(chromedp.CSS(page.field)))
		apptest.MustWaitHTMXIdle(t, ctx)
		field := mustRect(t, ctx, page.field)
		t.Logf("%s: first field from %.0f to %.0f px", page.path, field.Top, field.Bottom)
		require.Zero(t, apptest.MustRun(t, ctx, chromedp.Evaluate[float64](`window.scrollY`)))
		require.LessOrEqual(t, field.Bottom, float64(apptest.PhoneHeight), "%s: the first field in the first screen", page.path)
		if apptest.ShotsWanted() {
			png := apptest.MustRun(t, ctx, chromedp.CaptureScreenshot())
			require.NoError(t, os.MkdirAll(filepath.Dir(shotPath(page.shot)), 0o755))
			require.NoError(t, os.WriteFile(shotPath(page.shot), png, 0o644)) // the first screen only
		}
	}
	for _, tab := range portfolioTabSlugs {
		apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/portfolio/"+tab), chromedp.WaitVisible(chromedp.ID("portfolio-tab")))
		title := mustRect(t, ctx, "#portfolio-tab h2")
		require.LessOrEqual(t, title.Bottom, float64(apptest.PhoneHeight), "%s: the tab's content starts in the first screen", tab)
	}
}

// portfolioTabSlugs are the portfolio's seven tabs.
var portfolioTabSlugs = []string{"entreprise", "carte", "organigramme", "semaines", "activites", "annexes", "commentaires"}

// TestBrowserTabsAreOneRowThatScrolls: on a phone, the fiche's and the portfolio's tabs stand in
// one row that scrolls sideways, with a shadow at the edge that hides more; the current tab is
// in view; the last one can be reached.
func TestBrowserTabsAreOneRowThatScrolls(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, pfOffline(), apptest.PhoneViewport())
	pfLogin(t, ctx, a, "lucas.lambert")
	type bar struct {
		Tabs       int     `json:"tabs"`
		Rows       int     `json:"rows"`
		Scrolls    bool    `json:"scrolls"`
		Shadow     bool    `json:"shadow"`
		NextLeft   float64 `json:"nextLeft"`   // the tab after the current one
		Right      float64 `json:"right"`      // the bar's right edge
		CurrentIn  bool    `json:"currentIn"`  // the current tab wholly in the bar's view
		PageScroll bool    `json:"pageScroll"` // the page itself wider than the screen
	}
	const measure = `(() => {
		const nav = document.querySelector("nav.tabs"), tabs = [...nav.querySelectorAll(".tab")];
		const box = nav.getBoundingClientRect(), cur = nav.querySelector("[aria-current=page]");
		const c = cur.getBoundingClientRect(), next = tabs[tabs.indexOf(cur) + 1];
		return {tabs: tabs.length, rows: new Set(tabs.map(t => Math.round(t.getBoundingClientRect().top))).size,
			scrolls: nav.scrollWidth > nav.clientWidth, shadow: getComputedStyle(nav).backgroundImage.includes("radial-gradient"),
			nextLeft: next ? next.getBoundingClientRect().left : 0, right: box.right,
			currentIn: c.left >= box.left - 1 && c.right <= box.right + 1,
			pageScroll: document.documentElement.scrollWidth > window.innerWidth};
	})()`

	// The fiche: « Objectifs et activités » shows at the edge, and is reached by scrolling.
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/liaison"))
	apptest.MustWaitText(t, ctx, "#main h1", "Fiche de liaison")
	b := apptest.MustRun(t, ctx, chromedp.Evaluate[bar](measure))
	require.Equal(t, bar{Tabs: 2, Rows: 1, Scrolls: true, Shadow: true, NextLeft: b.NextLeft, Right: b.Right, CurrentIn: true}, b)
	require.Less(t, b.NextLeft, b.Right-40, "« Objectifs et activités » begins on screen")
	apptest.MustScreenshot(t, ctx, shotPath("liaison-onglets-phone.png"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//nav[contains(@class,"tabs")]//a[contains(., "Objectifs et activités")]`)))
	apptest.MustWaitText(t, ctx, "#liaison-tab-title", "Objectifs et activités")

	// The portfolio: seven tabs in one row, short labels, the current one in view.
	for _, tab := range []string{"entreprise", "semaines", "commentaires"} {
		apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/portfolio/"+tab), chromedp.WaitVisible(chromedp.ID("portfolio-tab")))
		apptest.MustWaitHTMXIdle(t, ctx)
		b := apptest.MustRun(t, ctx, chromedp.Evaluate[bar](measure))
		require.Equal(t, 7, b.Tabs)
		require.Equal(t, 1, b.Rows, "%s: one row", tab)
		require.True(t, b.Scrolls && b.Shadow, "%s: it scrolls and shows it", tab)
		require.True(t, b.CurrentIn, "%s: the current tab in view", tab)
		require.False(t, b.PageScroll, "%s: only the bar scrolls, not the page", tab)
		require.LessOrEqual(t, mustContentWidth(t, ctx), float64(apptest.PhoneWidth), "%s: nothing of the bar spills out of it", tab)
	}
	apptest.MustScreenshot(t, ctx, shotPath("portfolio-onglets-phone.png"))
}

// mustContentWidth is the width of the page's scrollable area, as the browser lays it out.
func mustContentWidth(t *testing.T, ctx context.Context) float64 {
	t.Helper()
	return apptest.MustRun(t, ctx, chromedp.Action[float64](func(ctx context.Context, tg *chromedp.Target) (float64, error) {
		m, err := cdp.Call(ctx, tg, page.GetLayoutMetrics, cdp.Empty{})
		if err != nil || m.CSSContentSize == nil {
			return 0, err
		}
		return m.CSSContentSize.Width, nil
	}))
}

// TestBrowserTheStudentsHomeMarksThePeriodUnderWay: of Léa's two periods, the one under way is
// marked, with its days left.
func TestBrowserTheStudentsHomeMarksThePeriodUnderWay(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	pfLogin(t, ctx, a, "lea.dupont")
	apptest.MustWaitText(t, ctx, "#main h1", "Mes périodes")
	current := apptest.MustText(t, ctx, "#main .card.is-current")
	require.Contains(t, current, "En cours")
	require.Contains(t, current, "encore 17 jours", "11 to 27 March, today included")
	require.Contains(t, current, "PFMP 2 — 2de PMIA")
	require.Equal(t, 2, apptest.MustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#main .card-grid .card").length`)))
	require.Equal(t, 1, apptest.MustRun(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#main .card.is-current").length`)),
		"the finished period is not")
	apptest.MustScreenshot(t, ctx, shotPath("accueil-eleve-en-cours-phone.png"))
}

// TestBrowserAReportCardHasOneExportControl: the manual's grey square is the student's
// checkbox itself, and readers see that square alone.
func TestBrowserAReportCardHasOneExportControl(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	report := mustReport(t, a, p, "Remplacement d'un roulement")
	card := "#iv-" + report.Id
	type state struct {
		Controls int    `json:"controls"` // things that look like a box to tick
		Checked  bool   `json:"checked"`
		Grey     string `json:"grey"` // the square's colour
		Selected bool   `json:"selected"`
		Badges   int    `json:"badges"`
	}
	read := `(() => {
		const c = document.querySelector("` + card + `");
		const boxes = c.querySelectorAll("input[type=checkbox], .iv-square");
		const box = c.querySelector("input[type=checkbox]") || c.querySelector(".iv-square");
		return {controls: boxes.length, checked: !!(c.querySelector("input:checked")),
			grey: getComputedStyle(box).backgroundColor, selected: c.classList.contains("is-selected"),
			badges: c.querySelectorAll(".badge").length};
	})()`
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, pfOffline(), apptest.PhoneViewport())
	pfLogin(t, ctx, a, "lucas.lambert")
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/portfolio/activites"))
	apptest.MustWaitText(t, ctx, card, "Remplacement")
	require.Equal(t, state{Controls: 1, Grey: "rgb(255, 255, 255)"}, apptest.MustRun(t, ctx, chromedp.Evaluate[state](read)))
	square := mustRect(t, ctx, card+" input[type=checkbox]")
	box := mustRect(t, ctx, card)
	require.Less(t, box.Right-square.Right, 40.0, "the square at the card's top right, as in the manual")
	require.Less(t, square.Top-box.Top, 40.0)

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(card+" input[type=checkbox]")))
	apptest.MustWaitText(t, ctx, "#iv-count", "1 sélectionné(s) pour l'export")
	require.Equal(t, state{Controls: 1, Checked: true, Grey: "rgb(138, 138, 138)", Selected: true},
		apptest.MustRun(t, ctx, chromedp.Evaluate[state](read)))
	apptest.MustScreenshot(t, ctx, shotPath("activite-export-phone.png"))
	pfLogout(t, ctx)

	pfLogin(t, ctx, a, "prof.martin")
	apptest.MustDo(t, ctx, apptest.DesktopViewport(), chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/portfolio/activites"))
	apptest.MustWaitText(t, ctx, card, "Remplacement")
	require.Equal(t, state{Controls: 1, Grey: "rgb(138, 138, 138)", Selected: true}, apptest.MustRun(t, ctx, chromedp.Evaluate[state](read)),
		"the reader's one square, greyed; no second badge")
	apptest.MustScreenshot(t, ctx, shotPath("activite-export-enseignant-desktop.png"))
}

// TestBrowserFrenchInTheDetails: the map's zoom buttons, a saved time that never breaks,
// French hyphenation.
func TestBrowserFrenchInTheDetails(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, pfOffline(), apptest.PhoneViewport())
	pfLogin(t, ctx, a, "lucas.lambert")

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/portfolio/carte"),
		chromedp.WaitVisible(chromedp.CSS(".leaflet-control-zoom-in")))
	for sel, want := range map[string]string{".leaflet-control-zoom-in": "Zoom avant", ".leaflet-control-zoom-out": "Zoom arrière"} {
		require.Equal(t, want, apptest.MustRun(t, ctx, chromedp.AttributeValue(chromedp.CSS(sel), "title")).Value, "to the eye")
		require.Equal(t, want, apptest.MustRun(t, ctx, chromedp.AttributeValue(chromedp.CSS(sel), "aria-label")).Value, "to screen readers")
	}

	// 20 h 19 in Paris: the saved time holds on one line, however narrow its column.
	a.Clock.Set(time.Date(2026, time.March, 11, 19, 19, 0, 0, time.UTC))
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id+"/portfolio/semaines?semaine=3"),
		chromedp.WaitVisible(chromedp.ID("f-activities")))
	apptest.MustWaitHTMXIdle(t, ctx)
	apptest.MustDo(t, ctx, pfTypeInto("f-activities", "Graissage des convoyeurs."))
	apptest.MustWaitText(t, ctx, "#week-status", "à\u00a020\u00a0h\u00a019")
	lines := apptest.MustRun(t, ctx, chromedp.Evaluate[int](`(() => {
		const s = document.querySelector("#week-status .small"); s.style.display = "inline-block"; s.style.width = "3em";
		return s.getClientRects()[0] && Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight));
	})()`))
	require.Equal(t, 1, lines, "squeezed to 3em, « à 20 h 19 » stays on one line")

	type words struct {
		Lang    string `json:"lang"`
		Hyphens string `json:"hyphens"`
		Inputs  string `json:"inputs"`
	}
	w := apptest.MustRun(t, ctx, chromedp.Evaluate[words](`({lang: document.documentElement.lang,
		hyphens: getComputedStyle(document.querySelector("#semaines p")).hyphens,
		inputs: getComputedStyle(document.querySelector("#f-activities")).hyphens})`))
	require.Equal(t, words{Lang: "fr", Hyphens: "auto", Inputs: "manual"}, w, "French hyphenation of the text, not of what is typed")
}
