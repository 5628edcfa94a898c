package web_test

import (
	"context"
	"net/url"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// The dates of a period as a teacher lives them: the bilans that follow the period, a bilan
// intermédiaire planned then in effect, a save refused by a lock, a tab left with unsaved
// changes.

// shotPath is where a screenshot of these tests goes, beside the other tests' ones.
func shotPath(name string) string { return filepath.Join(apptest.ShotsDir(), name) }

// TestBrowserReviewDateFollowsTheMovedPeriod: the teacher moves a period (07/09–25/09 to
// 14/09–02/10) without touching the date of the bilans: they move with it, and the form says so.
func TestBrowserReviewDateFollowsTheMovedPeriod(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	annexe := a.MustFind(t, "annexes", "level", "1re")
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/annexes/"+annexe.Id+"/periode"))
	apptest.MustWaitText(t, ctx, "#main h1", "Nouvelle période")
	apptest.MustDo(t, ctx,
		chromedp.SetValue(chromedp.ID("f-name"), "PFMP de rentrée"),
		chromedp.SetValue(chromedp.ID("f-start"), "2026-09-07"),
		chromedp.SetValue(chromedp.ID("f-end"), "2026-09-25"),
		chromedp.Click(chromedp.CSS(`form[action$="/periode"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#period-panel", "bilans entreprise le vendredi 25 septembre 2026 (dernier jour)")

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS("#period-menu summary")),
		chromedp.Click(chromedp.Search(`//details[@id="period-menu"]//a[contains(., "Modifier les paramètres")]`)))
	apptest.MustWaitText(t, ctx, "#h-review_date", "Actuellement : le dernier jour de la période (actuellement le vendredi 25 septembre 2026)")
	apptest.MustDo(t, ctx,
		chromedp.SetValue(chromedp.ID("f-start"), "2026-09-14"),
		chromedp.SetValue(chromedp.ID("f-end"), "2026-10-02"),
		chromedp.Click(chromedp.CSS(`form[action$="/modifier/informations"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Période enregistrée.")
	apptest.MustWaitText(t, ctx, "#h-review_date", "vendredi 2 octobre 2026")
	apptest.MustScreenshot(t, ctx, shotPath("periode-bilans-suivent-desktop.png"))

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//a[contains(., "Retour à la vue par périodes")]`)))
	apptest.MustWaitText(t, ctx, "#period-panel", "bilans entreprise le vendredi 2 octobre 2026 (dernier jour)")

	// Chosen on purpose, the date stays when the period moves again.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS("#period-menu summary")),
		chromedp.Click(chromedp.Search(`//details[@id="period-menu"]//a[contains(., "Modifier les paramètres")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Modifier la période")
	apptest.MustDo(t, ctx, chromedp.SetValue(chromedp.ID("f-review_date"), "2026-10-06"),
		chromedp.Click(chromedp.CSS(`form[action$="/modifier/informations"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#h-review_date", "Actuellement : une date choisie")
	apptest.MustDo(t, ctx, chromedp.SetValue(chromedp.ID("f-end"), "2026-10-09"),
		chromedp.Click(chromedp.CSS(`form[action$="/modifier/informations"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Période enregistrée.")
	require.Equal(t, "2026-10-06", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-review_date"))))
}

// TestBrowserAPlannedCheckpointLocksFromItsDay: recorded for a later day, a bilan intermédiaire
// is shown planned, locks nothing and can be moved; on its day the period is locked and only an
// administrator may still correct it.
func TestBrowserAPlannedCheckpointLocksFromItsDay(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	e31 := a.MustFind(t, "periods", "name", demoE31)
	lucas := a.MustFind(t, "users", "username", "lucas.lambert")
	on := e31.GetDateTime("end").Time().AddDate(0, 0, 3) // the Monday after the bilans
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/bilans-intermediaires"),
		chromedp.SetValue(chromedp.ID("f-target"), "eleve:"+lucas.Id),
		chromedp.SetValue(chromedp.ID("f-date"), on.Format("2006-01-02")),
		chromedp.SendKeys(chromedp.ID("f-label"), "Bilan de printemps"),
		chromedp.Click(chromedp.CSS(`form[action="/bilans-intermediaires"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "pour 1 apprenant")
	row := `//tr[contains(., "Bilan de printemps")]`
	apptest.MustWaitText(t, ctx, "#checkpoint-list", "Prévu")
	apptest.MustScreenshot(t, ctx, shotPath("bilans-prevu-desktop.png"))

	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=1re&periode="+e31.Id))
	apptest.MustWaitText(t, ctx, "#period-panel", "bilans entreprise")
	apptest.MustDo(t, ctx, chromedp.WaitNotPresent(chromedp.CSS("#period-panel .lock-note")))

	// A typo in the date: the teacher moves it a week later.
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/bilans-intermediaires"),
		chromedp.Click(chromedp.Search(row+`//a[contains(., "Modifier")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Modifier le bilan intermédiaire")
	later := on.AddDate(0, 0, 7)
	apptest.MustDo(t, ctx, chromedp.SetValue(chromedp.ID("f-date"), later.Format("2006-01-02")),
		chromedp.Click(chromedp.CSS(`#main form button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Bilan intermédiaire de Lucas LAMBERT enregistré.")
	apptest.MustWaitText(t, ctx, "#checkpoint-list", "lundi 13 avril 2026")

	// Its day comes: in effect, the period locked, the teacher's controls gone.
	a.Clock.Set(later.Add(7 * time.Hour))
	apptest.MustDo(t, ctx, chromedp.Reload())
	apptest.MustWaitText(t, ctx, "#checkpoint-list", "En vigueur")
	require.Contains(t, apptest.MustText(t, ctx, "#checkpoint-list"), "Correction : administrateur (tableau de bord)")
	apptest.MustDo(t, ctx, chromedp.WaitNotPresent(chromedp.Search(row+`//a[contains(., "Modifier")]`)))
	apptest.MustScreenshot(t, ctx, shotPath("bilans-en-vigueur-desktop.png"))
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=1re&periode="+e31.Id))
	apptest.MustWaitText(t, ctx, "#period-panel .lock-note", "Période verrouillée")

	// On a phone, the list stays readable.
	apptest.MustDo(t, ctx, apptest.PhoneViewport(), chromedp.Navigate(a.URL+"/bilans-intermediaires"))
	apptest.MustWaitText(t, ctx, "#checkpoint-list", "En vigueur")
	apptest.MustScreenshot(t, ctx, shotPath("bilans-phone.png"))
}

// answerDialogs answers every JavaScript dialog of the tab with accept, in order, and
// counts them.
func answerDialogs(ctx context.Context, accept ...bool) *int {
	n := new(int)
	go func() {
		for ev, err := range chromedp.Events(ctx, page.JavascriptDialogOpening) {
			if err != nil {
				return
			}
			ok := len(accept) > *n && accept[*n]
			*n++
			_ = ev
			_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: ok})
		}
	}()
	return n
}

// TestBrowserARefusedSaveIsNoDeadEnd: a period locked while the teacher was editing gives the
// tab back with what was typed and why; leaving a tab with unsaved changes asks first.
func TestBrowserARefusedSaveIsNoDeadEnd(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	lea := a.MustFind(t, "users", "username", "lea.dupont")
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes/"+p.Id+"/modifier?onglet=objectifs"))
	apptest.MustWaitText(t, ctx, "#main h1", "Modifier la période")

	// Unsaved text, another tab: a warning; staying keeps the text, leaving drops it.
	dialogs := answerDialogs(ctx, false, true)
	apptest.MustDo(t, ctx, pfTypeInto("f-objectives", "Observer puis participer."))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//nav[contains(@class,"tabs")]//a[contains(., "Activités")]`)))
	apptest.MustWaitHTMXIdle(t, ctx)
	require.Equal(t, 1, *dialogs, "asked before leaving")
	require.Equal(t, "objectifs", apptest.MustLocation(t, ctx).Query().Get("onglet"), "stayed on the tab")
	require.Equal(t, "Observer puis participer.", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-objectives"))))

	// Meanwhile a bilan intermédiaire takes effect: the save is refused, not lost.
	after := p.GetDateTime("end").Time().AddDate(0, 0, 3)
	a.MustRecord(t, "checkpoints", map[string]any{"student": lea.Id, "date": after})
	a.Clock.Set(after.Add(9 * time.Hour))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`form[action$="/modifier/objectifs"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#page-error", "Rien n'a été enregistré : la période a été verrouillée")
	require.Contains(t, apptest.MustText(t, ctx, "#main .alert-warning"), "Période verrouillée", "and why")
	require.Equal(t, "Observer puis participer.", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-objectives"))), "what was typed")
	require.Contains(t, apptest.MustText(t, ctx, `nav.tabs a[aria-current="page"]`), "Objectifs", "on its tab")
	apptest.MustScreenshot(t, ctx, shotPath("periode-refus-desktop.png"))
	require.Equal(t, 1, *dialogs, "a refused save asks nothing")

	// Another period, fresh text, another tab: the teacher agrees to leave.
	other := a.MustFind(t, "periods", "name", demoE31)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes/"+other.Id+"/modifier"))
	apptest.MustWaitText(t, ctx, "#main h1", "Modifier la période")
	apptest.MustDo(t, ctx, pfTypeInto("f-name", "Nom à abandonner"),
		chromedp.Click(chromedp.Search(`//nav[contains(@class,"tabs")]//a[contains(., "Objectifs")]`)))
	apptest.MustWaitURL(t, ctx, "the objectives tab", func(u *url.URL) bool { return u.Query().Get("onglet") == "objectifs" })
	require.Equal(t, 2, *dialogs)
	require.Equal(t, demoE31, a.MustFind(t, "periods", "id", other.Id).GetString("name"))
}

// TestBrowserTheLastRowsMenuStaysOnScreen: the action menu of the last student of a period opens
// upwards when the window ends below it.
func TestBrowserTheLastRowsMenuStaysOnScreen(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=2de&periode="+p.Id))
	apptest.MustWaitText(t, ctx, "#student-list", "Chloé ROUX")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS("#student-list > li:last-child summary")))
	apptest.MustWaitText(t, ctx, "#student-list > li:last-child .menu-items", "Voir le tableau de bord") // fetched as it opens
	// The menu is placed on its "toggle" event, dispatched after the click: poll its box until the
	// deadline, and report the last one.
	type box struct {
		Top    float64 `json:"top"`
		Bottom float64 `json:"bottom"`
		Window float64 `json:"window"`
	}
	const js = `(() => {
		const r = document.querySelector("#student-list > li:last-child .menu-items").getBoundingClientRect();
		return {top: r.top, bottom: r.bottom, window: window.innerHeight};
	})()`
	pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	_, _ = chromedp.Run(pctx, chromedp.Poll[bool](`(() => { const b = `+js+`; return b.top >= 0 && b.bottom <= b.window; })()`))
	b := apptest.MustRun(t, ctx, chromedp.Evaluate[box](js))
	require.GreaterOrEqual(t, b.Top, 0.0)
	require.LessOrEqual(t, b.Bottom, b.Window, "the whole menu in the window")
	apptest.MustScreenshot(t, ctx, shotPath("menu-derniere-ligne-desktop.png"))
}
