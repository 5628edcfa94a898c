package web_test

import (
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/dbx"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// Browser tests of the evaluations' smaller paths: the bilan personnel, a checkpoint's adjustment,
// a school evaluation for a class.

// The student writes his bilan personnel on his phone, from « Mes évaluations »: leaving before
// saving asks first; saved, it stays on the page and reaches the database.
func TestBrowserStudentWritesHisBilanPersonnelOnAPhone(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	a.MustBrowserSession(t, ctx, "lucas.lambert", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/mes-evaluations"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`a[href="/dossiers/`+p.Id+`/bilan-personnel"]`)))
	apptest.MustWaitText(t, ctx, "#self-title", "Mon bilan de la période")
	apptest.MustWaitHTMXIdle(t, ctx)
	apptest.MustDo(t, ctx,
		chromedp.SendKeys(chromedp.ID("f-strengths"), "Rigueur dans les consignations."),
		chromedp.SendKeys(chromedp.ID("f-improvements"), "Lire les schémas pneumatiques."),
		chromedp.SendKeys(chromedp.ID("f-next_goals"), "Diagnostiquer seul une panne simple."))

	apptest.MustDo(t, ctx, chromedp.Evaluate[chromedp.Void](`window.asked = ""; window.confirm = m => { window.asked = m; return false; }`),
		chromedp.Click(chromedp.CSS(`.actions a[href^="/dossiers/"]`)))
	assert.Contains(t, apptest.MustRun(t, ctx, chromedp.Evaluate[string](`window.asked`)), "ne sont pas enregistrées")
	require.Equal(t, "/dossiers/"+p.Id+"/bilan-personnel", apptest.MustLocation(t, ctx).Path, "he stays when he says no")

	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`form[action$="/bilan-personnel"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Bilan personnel enregistré.")
	assert.Equal(t, "Lire les schémas pneumatiques.", apptest.MustRun(t, ctx, chromedp.Value(chromedp.ID("f-improvements"))))
	saved := a.MustFind(t, "self_reviews", "placement", p.Id)
	assert.Equal(t, "Rigueur dans les consignations.", saved.GetString("strengths"))
	assert.Equal(t, "Diagnostiquer seul une panne simple.", saved.GetString("next_goals"))
	apptest.MustScreenshot(t, ctx, filepath.Join(apptest.ShotsDir(), "bilan-personnel-phone.png"))
}

// A teacher opens a bilan intermédiaire from the list and adjusts a computed level: without a
// justification he is asked for one, his level still chosen; with it the level is retained.
func TestBrowserTeacherAdjustsACheckpointLevel(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	cp, _, _ := mustCheckpointAfterABilan(t, a)

	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Navigate(a.URL+"/bilans-intermediaires"),
		chromedp.Click(chromedp.CSS(`a[href="/bilans-intermediaires/`+cp.Id+`"]`)))
	apptest.MustWaitText(t, ctx, "#c-C1\\.2", "Calculé : 3")
	apptest.MustWaitHTMXIdle(t, ctx)
	apptest.MustDo(t, ctx, chromedp.SetValue(chromedp.CSS(`[id="l-C1.2"]`), "2"),
		chromedp.Click(chromedp.CSS(`#c-C1\.2 button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, `[id="e-C1.2"]`, "Justifiez l'ajustement")
	assert.Equal(t, "2", apptest.MustRun(t, ctx, chromedp.Value(chromedp.CSS(`[id="l-C1.2"]`))), "his level still chosen")
	apptest.MustDo(t, ctx, chromedp.SendKeys(chromedp.CSS(`[id="j-C1.2"]`), "Fragile en TP depuis."),
		chromedp.Click(chromedp.CSS(`#c-C1\.2 button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Niveau de C1.2 enregistré.")
	apptest.MustWaitText(t, ctx, "#c-C1\\.2", "ajusté par Claire MARTIN")
	assert.Equal(t, "2", proxyLevel(t, a, cp.Id, "C1.2"))
}

// A teacher records a level given at school to a whole class with the fan, then deletes one
// student's: the list and the database follow.
func TestBrowserTeacherRecordsASchoolEvaluationForAClass(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	class := a.MustFind(t, "classes", "name", "1re MSPC")
	c22 := a.MustFind(t, "competences", "code", "C2.2")
	ctx := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`nav.mainnav a[href="/evaluations-etablissement"]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Évaluations en établissement")
	apptest.MustWaitHTMXIdle(t, ctx)
	apptest.MustDo(t, ctx,
		chromedp.SetValue(chromedp.ID("f-target"), "classe:"+class.Id),
		chromedp.SetValue(chromedp.ID("f-competence"), c22.Id),
		chromedp.Click(chromedp.CSS(`label.fan-opt.lv-3`)),
		chromedp.SetValue(chromedp.ID("f-date"), "2026-03-02"),
		chromedp.SendKeys(chromedp.ID("f-label"), "TP graissage"),
		chromedp.Click(chromedp.CSS(`form[action="/evaluations-etablissement"] button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Évaluation enregistrée pour 6 apprenants.")
	n, err := a.PB.CountRecords("school_evaluations", dbx.HashExp{"competence": c22.Id, "level": "3"})
	require.NoError(t, err)
	require.EqualValues(t, 6, n)

	apptest.MustDo(t, ctx, chromedp.Evaluate[chromedp.Void](`window.confirm = () => true`),
		chromedp.Click(chromedp.CSS(`#school-evaluations form button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Évaluation supprimée.")
	n, err = a.PB.CountRecords("school_evaluations", dbx.HashExp{"competence": c22.Id, "level": "3"})
	require.NoError(t, err)
	require.EqualValues(t, 5, n)
}
