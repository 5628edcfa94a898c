package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// kindOptions are the values of the kind select of a period form.
func kindOptions(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<option value="([^"]+)"`).FindAllStringSubmatch(body[regexp.MustCompile(`id="f-kind"`).FindStringIndex(body)[0]:], -1) {
		out = append(out, m[1])
	}
	return out
}

// TestPeriodKindsFollowTheReferentiel: each level's form offers the kinds the référentiel attaches
// to it, and names the level as the manual does; what it does not offer is refused.
func TestPeriodKindsFollowTheReferentiel(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	second := a.MustFind(t, "annexes", "level", "2de")
	first := a.MustFind(t, "annexes", "level", "1re")

	page := c.Get("/annexes/" + second.Id + "/periode").Body
	require.Equal(t, []string{"P1", "P2", "autre"}, kindOptions(page), "« Période 1 » in 2de, no exam")
	require.Contains(t, page, "2de Bac Pro famille des métiers PMIA")
	page = c.Get("/annexes/" + first.Id + "/periode").Body
	require.Equal(t, []string{"P2", "autre"}, kindOptions(page))
	require.Contains(t, page, "1re Bac Pro MSPC")

	for _, kind := range []string{"P1", "E31", "E33"} {
		r := c.PostForm("/annexes/"+first.Id+"/periode", url.Values{"name": {"PFMP 1re"}, "kind": {kind},
			"start": {"2026-05-04"}, "end": {"2026-05-29"}})
		require.Equal(t, http.StatusUnprocessableEntity, r.Status, kind)
		require.Contains(t, html.UnescapeString(r.Body), "n'est pas proposé en 1re Bac Pro", kind)
	}

	// The demo's E31 period in 1re predates the rule: its form keeps its kind.
	e31 := a.MustFind(t, "periods", "name", demoE31)
	require.Equal(t, []string{"P2", "autre", "E31"}, kindOptions(c.Get("/periodes/"+e31.Id+"/modifier").Body))
	view := c.Get("/periodes?niveau=2de").Body
	for _, tab := range []string{">2de Bac Pro famille des métiers PMIA</a>", ">1re Bac Pro MSPC</a>", ">Terminale Bac Pro MSPC</a>"} {
		require.Contains(t, view, tab)
	}
}

// TestReviewDateFollowsTheEndUntilSet: moved, a period takes its bilans along while their date
// was not chosen; a chosen one stays; the form says which.
func TestReviewDateFollowsTheEndUntilSet(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	p := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	base := "/periodes/" + p.Id + "/modifier/informations"
	info := func(start, end, review string) url.Values {
		return url.Values{"name": {"PFMP 2 — 2de PMIA"}, "kind": {"P2"}, "start": {start}, "end": {end}, "review_date": {review}}
	}
	form := html.UnescapeString(c.Get("/periodes/" + p.Id + "/modifier").Body)
	require.Contains(t, form, "Actuellement : le dernier jour de la période")
	shown := regexp.MustCompile(`name="review_date" type="date" value="([^"]*)"`).FindStringSubmatch(form)
	require.NotNil(t, shown)

	// Moved a week later, the review date sent back as the form shows it.
	require.Equal(t, http.StatusSeeOther, c.PostForm(base, info("2026-03-09", "2026-04-03", shown[1])).Status)
	view := html.UnescapeString(c.Get("/periodes?niveau=2de&periode=" + p.Id).Body)
	require.Contains(t, view, "bilans entreprise le vendredi 3 avril 2026 (dernier jour)")

	require.Equal(t, http.StatusSeeOther, c.PostForm(base, info("2026-03-09", "2026-04-03", "2026-04-07")).Status)
	require.Contains(t, html.UnescapeString(c.Get("/periodes/"+p.Id+"/modifier").Body), "Actuellement : une date choisie")
	require.Equal(t, http.StatusSeeOther, c.PostForm(base, info("2026-03-16", "2026-04-10", "2026-04-07")).Status)
	view = html.UnescapeString(c.Get("/periodes?niveau=2de&periode=" + p.Id).Body)
	require.Contains(t, view, "bilans entreprise le mardi 7 avril 2026 (date choisie)", "chosen: it stays")
}

// TestALockedPeriodGivesTheFormBack: a period locked while the teacher was editing answers 409
// with the tab, what was typed and why: no dead end.
func TestALockedPeriodGivesTheFormBack(t *testing.T) {
	t.Parallel()
	a, c := teacher(t)
	p := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	lea := a.MustFind(t, "users", "username", "lea.dupont")
	after := p.GetDateTime("end").Time().AddDate(0, 0, 3)
	a.MustRecord(t, "checkpoints", map[string]any{"student": lea.Id, "date": after})
	a.Clock.Set(after.Add(9 * time.Hour)) // the bilan intermédiaire takes effect meanwhile

	r := c.PostForm("/periodes/"+p.Id+"/modifier/informations", url.Values{"name": {"PFMP 2 — nom tapé"}, "kind": {"P2"},
		"start": {"2026-03-02"}, "end": {"2026-03-27"}})
	require.Equal(t, http.StatusConflict, r.Status)
	body := html.UnescapeString(r.Body)
	require.Contains(t, body, `value="PFMP 2 — nom tapé"`, "what was typed")
	require.Contains(t, body, "Rien n'a été enregistré : la période a été verrouillée")
	require.Contains(t, body, "Période verrouillée : la date des bilans entreprise (vendredi 27 mars 2026)", "and why")
	require.Contains(t, body, `aria-current="page">Informations</a>`, "the same tab")
	require.Equal(t, "PFMP 2 — 2de PMIA", a.MustFind(t, "periods", "id", p.Id).GetString("name"))

	r = c.PostForm("/periodes/"+p.Id+"/modifier/objectifs", url.Values{"objectives": {"Mes objectifs tapés"}})
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "Mes objectifs tapés")
}
