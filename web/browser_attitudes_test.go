package web_test

import (
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// A tutor fills the attitudes on a phone, from his home page; the teacher then completes and
// changes them.
func TestBrowserTutorFillsTheAttitudesTeacherCompletesThem(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "manon.girard")
	mustTutor(t, a, "sophie.durand", p)
	shots := apptest.ShotsDir()

	ctx := apptest.MustBrowser(t)
	apptest.MustDo(t, ctx, apptest.PhoneViewport())
	a.MustBrowserSession(t, ctx, "sophie.durand", demo.Password)
	apptest.MustWaitURL(t, ctx, "/mes-apprenants", func(u *url.URL) bool { return u.Path == "/mes-apprenants" })
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#main a[href="/dossiers/`+p.Id+`"]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Manon GIRARD")
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`#main a[href$="/attitudes"]`)))
	apptest.MustWaitText(t, ctx, "#main h1", "Bilan des attitudes professionnelles")

	// Taps on the options' labels (the whole box is the target), then the comment.
	for _, id := range []string{"r-ATT01-4", "r-ATT02-3", "r-ATT05-NO", "r-ATT07-4"} {
		apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`label:has(#`+id+`)`)))
	}
	apptest.MustDo(t, ctx, chromedp.SendKeys(chromedp.ID("f-comment"), "Bonne intégration dans l'équipe de maintenance."))
	apptest.MustScreenshot(t, ctx, filepath.Join(shots, "attitudes-tuteur-phone.png"))
	apptest.MustDo(t, ctx, chromedp.Click(chromedp.CSS(`form.attitudes-form button[type="submit"]`)))
	apptest.MustWaitText(t, ctx, "#main .alert-success", "Bilan des attitudes professionnelles enregistré.")
	apptest.MustWaitText(t, ctx, "#att-last", "Sophie DURAND")
	ratings := map[string]string{}
	require.NoError(t, a.MustFind(t, "attitude_reviews", "placement", p.Id).UnmarshalJSONField("ratings", &ratings))
	require.Equal(t, map[string]string{"ATT01": "4", "ATT02": "3", "ATT05": "NO", "ATT07": "4"}, ratings)

	// The teacher, on a computer: sees the tutor's choices, changes one, completes another.
	ctx2 := apptest.MustBrowser(t)
	a.MustBrowserSession(t, ctx2, "prof.martin", demo.Password)
	apptest.MustDo(t, ctx2, chromedp.Navigate(a.URL+"/dossiers/"+p.Id))
	apptest.MustDo(t, ctx2, chromedp.Click(chromedp.CSS(`#main a[href$="/attitudes"]`)))
	apptest.MustWaitText(t, ctx2, "#att-last", "Sophie DURAND")
	checked := apptest.MustRun(t, ctx2, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('.attitudes-form input[type=radio]:checked')].map(i => i.id).filter(id => !id.endsWith('-none'))`))
	require.ElementsMatch(t, []string{"r-ATT01-4", "r-ATT02-3", "r-ATT05-NO", "r-ATT07-4"}, checked)
	require.Equal(t, "Bonne intégration dans l'équipe de maintenance.", apptest.MustRun(t, ctx2, chromedp.Value(chromedp.ID("f-comment"))))
	apptest.MustDo(t, ctx2, chromedp.Click(chromedp.CSS(`label:has(#r-ATT02-2)`)), chromedp.Click(chromedp.CSS(`label:has(#r-ATT03-3)`)))
	apptest.MustDo(t, ctx2, chromedp.Click(chromedp.CSS(`form.attitudes-form button[type="submit"]`)))
	apptest.MustWaitText(t, ctx2, "#main .alert-success", "enregistré")
	apptest.MustWaitText(t, ctx2, "#att-last", "Claire MARTIN")
	apptest.MustDo(t, ctx2, chromedp.Click(chromedp.CSS(`.review-history summary`)))
	history := apptest.MustWaitText(t, ctx2, ".history-list", "Sophie DURAND")
	require.Contains(t, history, "Ponctualité : Satisfaisant")
	apptest.MustScreenshot(t, ctx2, filepath.Join(shots, "attitudes-enseignant-desktop.png"))

	ratings = map[string]string{}
	require.NoError(t, a.MustFind(t, "attitude_reviews", "placement", p.Id).UnmarshalJSONField("ratings", &ratings))
	require.Equal(t, map[string]string{"ATT01": "4", "ATT02": "2", "ATT03": "3", "ATT05": "NO", "ATT07": "4"}, ratings)

	// The tutor reloads: the teacher's choices are there.
	apptest.MustDo(t, ctx, chromedp.Reload())
	apptest.MustWaitText(t, ctx, "#att-last", "Claire MARTIN")
	require.True(t, strings.HasSuffix(apptest.MustLocation(t, ctx).Path, "/attitudes"))
	require.True(t, apptest.MustRun(t, ctx, chromedp.Evaluate[bool](`document.getElementById("r-ATT02-2").checked`)))
}
