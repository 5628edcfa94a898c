package web_test

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// clickChoice clicks the label of a control (the whole face or box is the target), brought to
// the middle of the screen first: the save bar stays at the bottom of it.
func clickChoice(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	apptest.MustDo(t, ctx,
		chromedp.Evaluate[chromedp.Void](`document.getElementById(`+jsQuote(id)+`).scrollIntoView({block: "center"})`),
		chromedp.Click(chromedp.CSS(`label:has(#`+id+`)`)))
}

func jsQuote(s string) string { return `"` + s + `"` }

// mustSaved waits until a block's status says its choice was saved.
func mustSaved(t *testing.T, ctx context.Context, blockID string) {
	t.Helper()
	apptest.MustWaitText(t, ctx, "#st-"+blockID, "Enregistré")
}

// checkedIDs are the ids of the checked controls of the bilan (the « aucun » options left out).
func checkedIDs(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return apptest.MustRun(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll(
		'#review-form input:is([type=radio],[type=checkbox]):checked')].map(i => i.id).filter(id => !id.endsWith("-aucun"))`))
}

func TestBrowserCompanyReviewFilledWithMouseAndKeyboard(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "lea.dupont")
	shots := apptest.ShotsDir()
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/dossiers/"+p.Id))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#main a[href$="/bilan-entreprise"]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Bilan entreprise")
	apptest.MustWaitHTMXIdle(t, ctx)

	// Tasks ticked, C1.1 switched to detailed, two of its sub-competences rated with the mouse.
	for _, id := range []string{"tache-A1T1", "tache-A1T4"} {
		clickChoice(t, ctx, id)
		mustSaved(t, ctx, id)
	}
	clickChoice(t, ctx, "mode-C1-1")
	mustSaved(t, ctx, "mode-C1-1")
	clickChoice(t, ctx, "niveau-C1-1-a-4")
	mustSaved(t, ctx, "niveau-C1-1-a")
	clickChoice(t, ctx, "niveau-C1-1-b-3")
	mustSaved(t, ctx, "niveau-C1-1-b")
	apptest.MustWaitText(t, ctx, "#lvl-C1-1", "4 — Très bonne maîtrise calculé")

	// The keyboard only: Tab to the next group, arrows to move along the fan (each step saved).
	apptest.MustDo(t, ctx, chromedp.KeyEvent(kb.Tab))
	require.Equal(t, "niveau-C1-1-c-aucun", activeID(t, ctx), "Tab enters the next group at its checked option")
	for range 4 { // aucun → NE → 0 → 1 → 2
		apptest.MustDo(t, ctx, chromedp.KeyEvent(kb.ArrowLeft))
	}
	apptest.MustWaitHTMXIdle(t, ctx)
	mustSaved(t, ctx, "niveau-C1-1-c")
	require.Equal(t, "niveau-C1-1-c-2", activeID(t, ctx), "focus stays in the group while it saves")
	apptest.MustWaitText(t, ctx, "#lvl-C1-1", "3 — Maîtrise satisfaisante")      // (4 + 3 + 2) / 3
	apptest.MustDo(t, ctx, chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab)) // C1.2's switch, then its fan
	require.Equal(t, "niveau-C1-2-aucun", activeID(t, ctx))
	apptest.MustDo(t, ctx, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowRight)) // wraps to 4, then 3
	apptest.MustWaitHTMXIdle(t, ctx)
	mustSaved(t, ctx, "niveau-C1-2")

	// One competence not met: NE. Engagement: three stars. A comment, then « Enregistrer ».
	clickChoice(t, ctx, "niveau-C1-3-NE")
	mustSaved(t, ctx, "niveau-C1-3")
	clickChoice(t, ctx, "engagement-3")
	mustSaved(t, ctx, "engagement")
	require.Equal(t, "Engagement régulier", apptest.MustText(t, ctx, ".stars-caption"))
	apptest.MustDo(t, ctx, chromedp.SendKeys(chromedp.ID("commentaire"), "Bonne première période : soignez les comptes rendus."))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "bilan-entreprise-desktop.png"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`.review-actions button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Bilan entreprise enregistré")

	// Reloaded: everything is there.
	apptest.MustDo(t, ctx, chromedp.Reload())
	apptest.MustWaitText(t, ctx, "#review-state", "Enregistré")
	require.ElementsMatch(t, []string{"tache-A1T1", "tache-A1T4", "mode-C1-1", "niveau-C1-1-a-4", "niveau-C1-1-b-3",
		"niveau-C1-1-c-2", "niveau-C1-2-3", "niveau-C1-3-NE", "engagement-3"}, checkedIDs(t, ctx))
	require.Equal(t, "Bonne première période : soignez les comptes rendus.", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("commentaire"))))
	require.Contains(t, apptest.MustText(t, ctx, "#lvl-C1-1"), "3 — Maîtrise satisfaisante calculé")

	rev := review(t, a, p)
	require.Equal(t, map[string]string{"C1.1.a": "4", "C1.1.b": "3", "C1.1.c": "2", "C1.2": "3", "C1.3": "NE"}, jsonMap(t, rev, "ratings"))
	require.Equal(t, 3, rev.GetInt("engagement"))
	require.Len(t, rev.GetStringSlice("tasks_done"), 2)
	require.False(t, rev.GetDateTime("saved_at").IsZero())

	apptest.MustDo(t, ctx, apptest.PhoneViewport(), chromedp.Reload())
	apptest.MustWaitText(t, ctx, "#review-state", "Enregistré")
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "bilan-entreprise-phone.png"))

	// The student, on her phone: « Mes évaluations », the bilan read-only, then the dashboard,
	// where the bilan sits between the school's evaluations made before and after its meeting.
	meeting := rev.GetDateTime("meeting_date").Time()
	c12 := a.MustFind(t, "competences", "code", "C1.2")
	for _, e := range []struct {
		days         int
		level, label string
	}{{-20, "1", "TP chaîne d'énergie"}, {6, "4", "TP moteur asynchrone"}} {
		a.MustRecord(t, "school_evaluations", map[string]any{"student": p.GetString("student"), "competence": c12.Id,
			"level": e.level, "date": meeting.AddDate(0, 0, e.days), "label": e.label})
	}
	student := apptest.MustBrowser(t)
	apptest.MustDo(t, student, apptest.PhoneViewport())
	a.MustBrowserSession(t, student, "lea.dupont", demo.Password)
	apptest.MustDo(t, student, chromedp.Click(chromedp.CSS(`nav.mainnav a[href="/mes-evaluations"]`)))
	apptest.MustWaitText(t, student, "#main h1", "Mes évaluations")
	apptest.MustDo(t, student, chromedp.Click(chromedp.CSS(`#main a[href="`+companyPath(p, "")+`"]`)))
	apptest.MustWaitText(t, student, "#review-state", "Enregistré")
	require.ElementsMatch(t, []string{"tache-A1T1", "tache-A1T4", "mode-C1-1", "niveau-C1-1-a-4", "niveau-C1-1-b-3",
		"niveau-C1-1-c-2", "niveau-C1-2-3", "niveau-C1-3-NE", "engagement-3"}, checkedIDs(t, student))
	require.True(t, apptest.MustRun(t, student, chromedp.Evaluate[bool](`document.querySelector("fieldset.review-fields").disabled`)))
	apptest.MustDo(t, student, chromedp.Click(chromedp.CSS(`nav.mainnav a[href="/tableau-de-bord"]`)))
	timeline := apptest.MustWaitText(t, student, `section[id="comp-C1.2"] .timeline`, "TP moteur asynchrone")
	before := strings.Index(timeline, "TP chaîne d'énergie")
	bilan := strings.Index(timeline, "Bilan entreprise · "+demoP2)
	after := strings.Index(timeline, "TP moteur asynchrone")
	require.True(t, before >= 0 && before < bilan && bilan < after, "in time order: %q", timeline)
	require.Contains(t, apptest.MustText(t, student, `section[id="comp-C1.2"] .track-latest`), "4 — Très bonne maîtrise")
	require.Contains(t, apptest.MustText(t, student, `section[id="comp-C1.1"] .timeline`), "Bilan entreprise · "+demoP2+" (calculé)")
	require.Contains(t, apptest.MustText(t, student, `section[id="comp-C1.1"] .track-latest`), "3 — Maîtrise satisfaisante")
	apptest.MustScreenshot(t, student, filepath.Join(shots, "tableau-de-bord-phone.png"))
}

// Two people on the same bilan at once: each sees the other's choices appear, neither loses
// one; a text both changed is refused to the second, with both texts on his screen. Leaving
// with text not saved asks first.
func TestBrowserCompanyReviewTwoEditorsLoseNothing(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "hugo.bernard")
	mustTutor(t, a, "sophie.durand", p)
	shots := apptest.ShotsDir()
	open := func(user string) context.Context {
		ctx := apptest.MustBrowser(t)
		a.MustBrowserSession(t, ctx, user, demo.Password)
		apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+companyPath(p, "")))
		apptest.MustWaitText(t, ctx, "#main h1", "Bilan entreprise")
		apptest.MustWaitHTMXIdle(t, ctx)
		return ctx
	}
	teacher, tutor := open("prof.martin"), open("sophie.durand")
	apptest.MustDo(t, tutor, apptest.PhoneViewport())

	// Different choices at the same time: both saved, and each appears on the other screen.
	clickChoice(t, teacher, "niveau-C1-2-3")
	clickChoice(t, tutor, "engagement-4")
	mustSaved(t, teacher, "niveau-C1-2")
	mustSaved(t, tutor, "engagement")
	mustChecked(t, tutor, "niveau-C1-2-3")
	mustChecked(t, teacher, "engagement-4")

	// The same text: the teacher saves first; the tutor, typing meanwhile, keeps his text
	// (the poll leaves it alone) and, on saving, sees both.
	apptest.MustDo(t, tutor, chromedp.SendKeys(chromedp.ID("commentaire"), "Texte du tuteur"))
	apptest.MustDo(t, teacher, chromedp.SendKeys(chromedp.ID("commentaire"), "Texte du professeur"),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("commentaire").blur()`))
	mustSaved(t, teacher, "commentaire")
	apptest.MustWaitText(t, tutor, "#st-commentaire", "Modifié entre-temps")
	require.Equal(t, "Texte du tuteur", apptest.MustRun(t, tutor, chromedp.Value(chromedp.ID("commentaire"))))

	// Leaving now asks first (the tutor stays when he says no).
	apptest.MustDo(t, tutor, chromedp.Evaluate[chromedp.Void](`window.asked = ""; window.confirm = m => { window.asked = m; return false; }`),
		chromedp.Click(chromedp.CSS(`.review-header a[href^="/dossiers/"]`)))
	require.Contains(t, apptest.MustRun(t, tutor, chromedp.Evaluate[string](`window.asked`)), "ne sont pas enregistrées")
	require.Equal(t, companyPath(p, ""), apptest.MustLocation(t, tutor).Path)

	apptest.MustDo(t, tutor, chromedp.Evaluate[chromedp.Void](`document.getElementById("commentaire").blur()`))
	conflict := apptest.MustWaitText(t, tutor, "#f-commentaire .choice-conflict", "Claire MARTIN")
	require.Contains(t, conflict, "Sa version est enregistrée : « Texte du professeur »")
	require.Contains(t, conflict, "La vôtre ne l'a pas été : « Texte du tuteur »")
	require.Equal(t, "Texte du professeur", apptest.MustRun(t, tutor, chromedp.Value(chromedp.ID("commentaire"))))
	apptest.MustScreenshot(t, tutor, filepath.Join(shots, "bilan-entreprise-conflit-phone.png"))

	rev := review(t, a, p)
	require.Equal(t, "Texte du professeur", rev.GetString("comment"))
	require.Equal(t, map[string]string{"C1.2": "3"}, jsonMap(t, rev, "ratings"))
	require.Equal(t, 4, rev.GetInt("engagement"))
}

// mustChecked waits until a control is checked (a change polled from someone else).
func mustChecked(t *testing.T, ctx context.Context, id string) {
	t.Helper()
	apptest.MustWaitHTMXIdle(t, ctx)
	apptest.MustDo(t, ctx, chromedp.WaitReady(chromedp.CSS(`#`+id+`:checked`)))
}

// Without JavaScript the fan, the switch and the stars still work: they are plain form
// controls, the switch shows the sub-competences by CSS, and « Enregistrer » posts the form.
func TestBrowserCompanyReviewWithoutJavaScript(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "yanis.fournier")
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, noScripts(), chromedp.Navigate(a.URL+companyPath(p, "")))
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.ID("f-niveau-C1-2")))
	require.False(t, apptest.MustRun(t, ctx, chromedp.Evaluate[bool](`typeof window.htmx !== "undefined"`)), "no script ran")

	require.False(t, visible(t, ctx, "f-niveau-C1-1-a"), "sub-competences hidden in global mode")
	clickChoice(t, ctx, "mode-C1-1")
	require.True(t, visible(t, ctx, "f-niveau-C1-1-a"), "the switch shows them, by CSS alone")
	require.False(t, visible(t, ctx, "f-niveau-C1-1"), "and hides the global fan")
	for _, id := range []string{"tache-A2T1", "niveau-C1-1-a-2", "niveau-C1-1-b-2", "niveau-C1-2-NE", "engagement-2"} {
		clickChoice(t, ctx, id)
	}
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`.review-actions button[type="submit"]`)))
	apptest.MustDo(t, ctx, chromedp.WaitVisible(chromedp.CSS(`#main .alert-success`)))
	require.ElementsMatch(t, []string{"tache-A2T1", "mode-C1-1", "niveau-C1-1-a-2", "niveau-C1-1-b-2", "niveau-C1-2-NE", "engagement-2"},
		checkedIDs(t, ctx))
	rev := review(t, a, p)
	require.Equal(t, map[string]string{"C1.1.a": "2", "C1.1.b": "2", "C1.2": "NE"}, jsonMap(t, rev, "ratings"))
	require.Equal(t, 2, rev.GetInt("engagement"))
	require.False(t, rev.GetDateTime("saved_at").IsZero())
}

func visible(t *testing.T, ctx context.Context, id string) bool {
	t.Helper()
	return apptest.MustRun(t, ctx, chromedp.Evaluate[bool](`document.getElementById(`+jsQuote(id)+`).getClientRects().length > 0`))
}

// noScripts turns the page's JavaScript off, as in a browser without it.
func noScripts() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
}

// A teacher who edited a period earlier in the session (its tab's unsaved-changes guard then
// loaded) and whose bilan choices all saved leaves the bilan without being asked anything.
func TestBrowserSavedChoicesLeaveWithoutAQuestion(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoP2, "hugo.bernard")
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/periodes/"+p.GetString("period")+"/modifier"))
	apptest.MustWaitHTMXIdle(t, ctx)
	require.True(t, apptest.MustRun(t, ctx, chromedp.Evaluate[bool](`!!window.livretUnsaved`)), "the period form's guard is loaded")
	apptest.MustDo(t, ctx, chromedp.Evaluate[chromedp.Void](`htmx.ajax("GET", "`+companyPath(p, "")+`", {target: "body", swap: "innerHTML"})`))
	apptest.MustWaitText(t, ctx, "#main h1", "Bilan entreprise")
	apptest.MustWaitHTMXIdle(t, ctx)
	clickChoice(t, ctx, "niveau-C1-2-3")
	mustSaved(t, ctx, "niveau-C1-2")
	apptest.MustDo(t, ctx, chromedp.Evaluate[chromedp.Void](`window.asked = 0; window.confirm = m => { window.asked++; return false; }`),
		chromedp.Click(chromedp.CSS(`.review-header a[href^="/dossiers/"]`)))
	apptest.MustWaitURL(t, ctx, "the dossier", func(u *url.URL) bool { return u.Path == "/dossiers/"+p.Id })
	require.Equal(t, 0, apptest.MustRun(t, ctx, chromedp.Evaluate[int](`window.asked`)), "nothing to ask: every choice is saved")
}
