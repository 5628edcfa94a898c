package web_test

import (
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// TestBrowserTeacherPreparesAPeriod: annexe → period for a class → its students → an edited
// tab → a locked period that cannot be deleted.
func TestBrowserTeacherPreparesAPeriod(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	submit := func(form string) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.CSS(form + ` button[type="submit"].btn-primary`))
	}

	// A new annexe, its tasks found with the search box.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//nav[@class="mainnav"]//a[contains(., "Annexes")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Annexes pédagogiques")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//a[contains(., "Nouvelle annexe")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Nouvelle annexe")
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.ID("f-name"), "Annexe maintenance corrective"),
		chromedp.SetValue(chromedp.ID("f-level"), "1re"),
		chromedp.SendKeys(chromedp.ID("f-objectives"), "Diagnostiquer et dépanner."),
		chromedp.SendKeys(chromedp.ID("task-search"), "diagnostiquer"),
		chromedp.WaitNotVisible(chromedp.Search(`//label[contains(., "A1T1")]`)),
		chromedp.WaitNotVisible(chromedp.Search(`//label[contains(., "A3T2")]`)), // same activity, no match
		chromedp.WaitVisible(chromedp.Search(`//label[contains(., "A3T1")]`)),
		chromedp.Click(chromedp.Search(`//label[contains(., "A3T1")]/input`)),
		submit(`form[action="/annexes"]`),
	)
	apptest.MustWaitText(t, ctx, "#annexe-list", "Annexe maintenance corrective")
	annexe := a.MustFind(t, "annexes", "name", "Annexe maintenance corrective")
	require.Len(t, annexe.GetStringSlice("tasks"), 1)

	// A period from it, for the whole 1re MSPC class.
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/annexes/"+annexe.Id+"/periode"))
	apptest.MustWaitText(t, ctx, "#main h1", "Nouvelle période")
	apptest.MustDo(t, ctx,
		chromedp.SetValue(chromedp.ID("f-name"), "PFMP dépannage"),
		chromedp.SetValue(chromedp.ID("f-start"), "2026-04-06"),
		chromedp.SetValue(chromedp.ID("f-end"), "2026-04-24"),
		chromedp.Click(chromedp.Search(`//label[contains(., "Toute la classe")]/input`)),
		submit(`form[action$="/periode"]`),
	)
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Période « PFMP dépannage » créée.")
	students := apptest.MustWaitText(t, ctx, "#student-list", "Adam VINCENT")
	require.Contains(t, students, "Manon GIRARD")

	// Edit the objectives tab.
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS("#period-menu summary")),
		chromedp.Click(chromedp.Search(`//details[@id="period-menu"]//a[contains(., "Modifier les paramètres")]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Modifier la période")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.Search(`//nav[contains(@class,"tabs")]//a[contains(., "Objectifs")]`)))
	apptest.MustWaitURL(t, ctx, "objectifs tab", func(u *url.URL) bool { return u.Query().Get("onglet") == "objectifs" })
	apptest.MustDo(t, ctx,
		chromedp.SetValue(chromedp.ID("f-objectives"), "Diagnostiquer, dépanner, rendre compte."),
		submit(`form[action$="/modifier/objectifs"]`),
	)
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Période enregistrée.")
	period := a.MustFind(t, "periods", "name", "PFMP dépannage")
	require.Equal(t, "Diagnostiquer, dépanner, rendre compte.", period.GetString("objectives"))

	// The locked 2de period: its delete action is greyed with the reason.
	locked := a.MustFind(t, "periods", "name", "PFMP 1 — 2de PMIA")
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes?niveau=2de&periode="+locked.Id))
	apptest.MustWaitText(t, ctx, "#period-panel .lock-note", "Période verrouillée")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS("#period-menu summary")))
	greyed := apptest.MustText(t, ctx, `#period-menu .locked:last-child`)
	require.Contains(t, greyed, "Supprimer la période")
	require.Contains(t, greyed, "Verrouillée par un bilan intermédiaire")
	apptest.MustDo(t, ctx, chromedp.WaitNotPresent(chromedp.CSS(`#period-menu a[href$="/supprimer"]`)))

	// Forcing the URL shows the reason and offers no delete button.
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes/"+locked.Id+"/supprimer"))
	apptest.MustWaitText(t, ctx, ".alert-warning", "ne peut pas être supprimée")
	apptest.MustDo(t, ctx, chromedp.WaitNotPresent(chromedp.CSS(`button.btn-danger`)))
	_, err := a.PB.FindRecordById("periods", locked.Id)
	require.NoError(t, err)
}
