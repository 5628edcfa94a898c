package web_test

import (
	"maps"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/pfmp"
)

// demoE31 is the demo's running 1re period, the one the portfolio tests write in.
const demoE31 = "PFMP 1re MSPC — E31"

// pf is a demo school with the 1re period's dossiers and a client per kind of actor; lucas is
// the owner of the dossier under test (as in the access matrix).
type pf struct {
	a                                 *apptest.App
	lucas, manon, adam                *core.Record // placements on "PFMP 1re MSPC — E31"
	owner, teacher, other, master, tu *apptest.Client
}

func mustPF(t *testing.T) *pf {
	t.Helper()
	a := apptest.MustStartDemo(t)
	a.MustRecord(t, "users", map[string]any{"role": "tutor", "username": "tuteur.sans.acces",
		"first_name": "Paul", "last_name": "Sansacces", "password": demo.Password})
	return &pf{a: a,
		lucas: a.MustPlacement(t, demoE31, "lucas.lambert"), manon: a.MustPlacement(t, demoE31, "manon.girard"),
		adam:  a.MustPlacement(t, demoE31, "adam.vincent"),
		owner: a.MustLogin(t, "lucas.lambert", demo.Password), teacher: a.MustLogin(t, "prof.martin", demo.Password),
		other: a.MustLogin(t, "manon.girard", demo.Password), master: a.MustLogin(t, "julien.boisseau", demo.Password),
		tu: a.MustLogin(t, "tuteur.sans.acces", demo.Password)}
}

// intruder is someone who may not write in lucas's portfolio, and the status he gets.
type intruder struct {
	who    string
	c      *apptest.Client
	status int
}

// intruders are the logged-in actors refused a write in lucas's portfolio: readers get 403,
// those who may not even see it 404.
func (f *pf) intruders() []intruder {
	return []intruder{
		{"enseignant", f.teacher, http.StatusForbidden},
		{"maître (accès)", f.master, http.StatusForbidden},
		{"autre apprenant", f.other, http.StatusNotFound},
		{"tuteur (sans accès)", f.tu, http.StatusNotFound},
	}
}

// placement reads a dossier back from the database.
func (f *pf) placement(t *testing.T, p *core.Record) *core.Record {
	t.Helper()
	fresh, err := f.a.PB.FindRecordById("placements", p.Id)
	require.NoError(t, err)
	return fresh
}

// login is a new session of who (the fixture's own clients cover the usual actors).
func (f *pf) login(t *testing.T, who string) *apptest.Client {
	t.Helper()
	return f.a.MustLogin(t, who, demo.Password)
}

func portfolioPath(p *core.Record, rest string) string {
	return "/dossiers/" + p.Id + "/portfolio/" + rest
}

// weeksOf returns the journal pages of a placement, by week start (YYYY-MM-DD).
func weeksOf(t *testing.T, a *apptest.App, p *core.Record) map[string]*core.Record {
	t.Helper()
	recs, err := a.PB.FindRecordsByFilter("journal_weeks", "placement = {:p}", "", 0, 0, map[string]any{"p": p.Id})
	require.NoError(t, err)
	out := map[string]*core.Record{}
	for _, r := range recs {
		out[pfmp.ISODate(r.GetDateTime("week_start").Time())] = r
	}
	return out
}

func periodWeeksOf(t *testing.T, a *apptest.App, p *core.Record) []pfmp.Week {
	t.Helper()
	period, err := a.PB.FindRecordById("periods", p.GetString("period"))
	require.NoError(t, err)
	return pfmp.Weeks(period.GetDateTime("start").Time(), period.GetDateTime("end").Time())
}

func weekForm(version, activities string) url.Values {
	return url.Values{"version": {version}, "activities": {activities},
		"liked": {"Le travail en équipe."}, "succeeded": {"Le remplacement d'un roulement."}}
}

var pfHX = []string{"HX-Request", "true"}

func TestJournalTabShowsEveryWeekWithASlider(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	weeks := periodWeeksOf(t, f.a, f.lucas)
	require.Len(t, weeks, 6)

	now := f.owner.Get(portfolioPath(f.lucas, "semaines"))
	assert.Contains(t, now.Body, `<h3 id="week-title" class="week-title">`+weeks[2].Label(), "the student lands on the week under way")
	teacher := f.teacher.Get(portfolioPath(f.lucas, "semaines"))
	assert.Contains(t, teacher.Body, `<h3 id="week-title" class="week-title">`+weeks[0].Label(), "a reader on the first week, as the manual")

	page := f.owner.Get(portfolioPath(f.lucas, "semaines") + "?semaine=1")
	require.Equal(t, http.StatusOK, page.Status)
	assert.Contains(t, page.Body, `type="range" id="week-range" name="semaine" min="1" max="6"`)
	assert.Contains(t, page.Body, `<label for="week-range"`)
	assert.Contains(t, page.Body, weeks[0].Label())
	assert.Contains(t, page.Body, "Accueil sécurité", "the demo's first week")
	assert.Contains(t, page.Body, `id="week-form"`)
	assert.Contains(t, page.Body, `name="_csrf"`)
	assert.Contains(t, page.Body, "Semaine suivante")
	assert.Contains(t, page.Body, "Ce que j&#39;ai aimé")

	// A plain link to another week, and the htmx panel alone for the slider.
	third := f.owner.Get(portfolioPath(f.lucas, "semaines?semaine=3"))
	require.Equal(t, http.StatusOK, third.Status)
	assert.Contains(t, third.Body, weeks[2].Label())
	assert.Contains(t, third.Body, `value="3"`)
	panel := f.owner.Get(portfolioPath(f.lucas, "semaines?semaine=2"), "HX-Request", "true", "HX-Target", "week-panel")
	require.Equal(t, http.StatusOK, panel.Status)
	assert.True(t, strings.HasPrefix(strings.TrimSpace(panel.Body), `<div id="week-panel"`), panel.Body)
	assert.Contains(t, panel.Body, weeks[1].Label())
	assert.NotContains(t, panel.Body, "<h2>")
	last := f.owner.Get(portfolioPath(f.lucas, "semaines?semaine=99"))
	assert.Contains(t, last.Body, weeks[5].Label(), "clamped to the last week")

	// Readers: the same text, no control.
	for _, c := range []*apptest.Client{f.teacher, f.master} {
		r := c.Get(portfolioPath(f.lucas, "semaines"))
		require.Equal(t, http.StatusOK, r.Status)
		assert.Contains(t, r.Body, "Accueil sécurité")
		assert.Contains(t, r.Body, `id="week-range"`, "readers move between weeks too")
		assert.NotContains(t, r.Body, `id="week-form"`)
		assert.NotContains(t, r.Body, "<textarea")
		assert.NotContains(t, r.Body, "Enregistrer")
	}
	assert.Equal(t, http.StatusNotFound, f.other.Get(portfolioPath(f.lucas, "semaines")).Status)
	assert.Equal(t, http.StatusNotFound, f.tu.Get(portfolioPath(f.lucas, "semaines")).Status)
}

func TestJournalStudentSavesAWeekThenAnOlderTabConflicts(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	weeks := periodWeeksOf(t, f.a, f.lucas)
	week2 := pfmp.ISODate(weeks[1].Start)

	r := f.owner.PostForm(portfolioPath(f.lucas, "semaines/2"), weekForm("0", "Lundi : graissage du convoyeur."), pfHX...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	assert.Contains(t, r.Body, "Semaine enregistrée")
	assert.Contains(t, r.Body, `id="week-version" name="version" value="1" hx-swap-oob="true"`)
	assert.NotContains(t, r.Body, "<textarea", "the text areas are not swapped: the focus stays")
	rec := weeksOf(t, f.a, f.lucas)[week2]
	require.NotNil(t, rec)
	assert.Equal(t, "Lundi : graissage du convoyeur.", rec.GetString("activities"))
	assert.Equal(t, "Le travail en équipe.", rec.GetString("liked"))
	assert.Equal(t, 1, rec.GetInt("version"))

	// The same tab saves again from version 1.
	r = f.owner.PostForm(portfolioPath(f.lucas, "semaines/2"), weekForm("1", "Lundi et mardi : graissage."), pfHX...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	assert.Contains(t, r.Body, `value="2"`)

	// An older tab still at version 1: 409, its text given back, nothing overwritten.
	typed := "Texte tapé dans l'autre onglet <b>gras</b>"
	r = f.owner.PostForm(portfolioPath(f.lucas, "semaines/2"), weekForm("1", typed), pfHX...)
	require.Equal(t, http.StatusConflict, r.Status)
	assert.Contains(t, r.Body, "Cette semaine a été modifiée ailleurs (autre onglet ou appareil) : rechargez pour voir la dernière version ; votre texte n&#39;a pas été perdu, le voici :")
	assert.Contains(t, r.Body, "Texte tapé dans l&#39;autre onglet &lt;b&gt;gras&lt;/b&gt;", "the typed text, escaped")
	rec = weeksOf(t, f.a, f.lucas)[week2]
	assert.Equal(t, "Lundi et mardi : graissage.", rec.GetString("activities"))
	assert.Equal(t, 2, rec.GetInt("version"))

	// Without JavaScript: the page, the typed text and the stored version to start again from.
	r = f.owner.PostForm(portfolioPath(f.lucas, "semaines/2"), weekForm("1", "Encore un vieil onglet"))
	require.Equal(t, http.StatusConflict, r.Status)
	assert.Contains(t, r.Body, "Encore un vieil onglet")
	assert.Contains(t, r.Body, "Lundi et mardi : graissage.", "the form shows the latest version")
	assert.Contains(t, r.Body, `id="week-version" name="version" value="2"`)
	assert.Contains(t, r.Body, `aria-label="Onglets du portfolio"`, "inside the portfolio page")
	assert.Equal(t, 2, weeksOf(t, f.a, f.lucas)[week2].GetInt("version"))

	// A plain save goes back to the week with a message.
	r = f.owner.PostForm(portfolioPath(f.lucas, "semaines/2"), weekForm("2", "Version finale."))
	require.Equal(t, http.StatusSeeOther, r.Status)
	assert.Equal(t, portfolioPath(f.lucas, "semaines?semaine=2"), r.Header.Get("Location"))
	next := f.owner.Get(r.Header.Get("Location"))
	assert.Contains(t, next.Body, "Semaine enregistrée.")
	assert.Contains(t, next.Body, "Version finale.")

	// The demo's first week (version 0 in the seed) is updated in place, not duplicated.
	r = f.owner.PostForm(portfolioPath(f.lucas, "semaines/1"), weekForm("0", "Semaine d'accueil réécrite."), pfHX...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	all := weeksOf(t, f.a, f.lucas)
	assert.Len(t, all, 2)
	assert.Equal(t, "Semaine d'accueil réécrite.", all[pfmp.ISODate(weeks[0].Start)].GetString("activities"))
}

func TestJournalTwoSavesFromTheSameVersionOneWins(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	var wg sync.WaitGroup
	statuses := make([]int, 8)
	for i := range statuses {
		wg.Add(1)
		go func() {
			defer wg.Done()
			statuses[i] = f.owner.PostForm(portfolioPath(f.lucas, "semaines/4"), weekForm("0", "Essai "+string(rune('A'+i))), pfHX...).Status
		}()
	}
	wg.Wait()
	ok, conflicts := 0, 0
	for _, s := range statuses {
		switch s {
		case http.StatusOK:
			ok++
		case http.StatusConflict:
			conflicts++
		}
	}
	assert.Equal(t, 1, ok, "statuses %v", statuses)
	assert.Equal(t, len(statuses)-1, conflicts, "statuses %v", statuses)
	weeks := periodWeeksOf(t, f.a, f.lucas)
	assert.Equal(t, 1, weeksOf(t, f.a, f.lucas)[pfmp.ISODate(weeks[3].Start)].GetInt("version"))
}

func TestJournalRefusesTooLongTextKeepingIt(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	long := strings.Repeat("é", 5001)
	r := f.owner.PostForm(portfolioPath(f.lucas, "semaines/3"), weekForm("0", long), pfHX...)
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, r.Body, "Le champ « Mes activités de la semaine » ne doit pas dépasser 5000 caractères.")

	r = f.owner.PostForm(portfolioPath(f.lucas, "semaines/3"), weekForm("0", long))
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, r.Body, "ne doit pas dépasser 5000 caractères")
	assert.Contains(t, r.Body, long, "the typed text is kept in the form")
	assert.Contains(t, r.Body, "Le travail en équipe.")
	assert.Len(t, weeksOf(t, f.a, f.lucas), 1, "only the demo's first week: nothing stored")

	// Exactly 5000 characters (not bytes) is fine.
	r = f.owner.PostForm(portfolioPath(f.lucas, "semaines/3"), weekForm("0", long[2:]), pfHX...)
	assert.Equal(t, http.StatusOK, r.Status)
}

func TestJournalWritesOnlyByTheStudent(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	path := portfolioPath(f.lucas, "semaines/2")
	for _, tt := range append(f.intruders(), intruder{"anonyme", f.a.NewClient(t), http.StatusSeeOther}) {
		r := tt.c.PostForm(path, weekForm("0", "Intrusion "+tt.who))
		assert.Equal(t, tt.status, r.Status, tt.who)
		want := tt.status
		if want == http.StatusSeeOther {
			want = http.StatusUnauthorized // htmx is told to go to the login page
		}
		r = tt.c.PostForm(path, weekForm("0", "Intrusion "+tt.who), pfHX...)
		assert.Equal(t, want, r.Status, tt.who+" (htmx)")
	}
	assert.Len(t, weeksOf(t, f.a, f.lucas), 1, "nothing stored")
	assert.Equal(t, http.StatusNotFound, f.owner.PostForm(portfolioPath(f.lucas, "semaines/7"), weekForm("0", "x")).Status)
	assert.Equal(t, http.StatusNotFound, f.owner.PostForm(portfolioPath(f.lucas, "semaines/0"), weekForm("0", "x")).Status)
	assert.Equal(t, http.StatusNotFound, f.owner.PostForm(portfolioPath(f.lucas, "semaines/abc"), weekForm("0", "x")).Status)
	// Manon writes her own dossier, not Lucas's.
	assert.Equal(t, http.StatusOK, f.other.PostForm(portfolioPath(f.manon, "semaines/2"), weekForm("0", "Ma semaine"), pfHX...).Status)
	assert.Len(t, weeksOf(t, f.a, f.lucas), 1)
}

func pfReload(t *testing.T, a *apptest.App, r *core.Record) *core.Record {
	t.Helper()
	fresh, err := a.PB.FindRecordById(r.Collection(), r.Id)
	require.NoError(t, err)
	return fresh
}

// TestPortfolioWriteRoutesByActor runs every route of tabs 4–6 on real records of Lucas's
// dossier, as each of the six actors of the access matrix (whose rows use foreign ids).
func TestPortfolioWriteRoutesByActor(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	rep := mustReport(t, f.a, f.lucas, "Fuite sur la presse")
	repDel := mustReport(t, f.a, f.lucas, "À supprimer")
	require.Equal(t, http.StatusSeeOther, upload(t, f.owner, f.lucas, "Photo", "p.png", pngFile(t)).Status)
	require.Equal(t, http.StatusSeeOther, upload(t, f.owner, f.lucas, "À supprimer", "d.png", pngFile(t)).Status)
	atts := attachmentsOf(t, f.a, f.lucas)
	att, attDel := atts[0], atts[1]

	clients := []*apptest.Client{f.a.NewClient(t), f.teacher, f.owner, f.other, f.master, f.tu}
	fill := strings.NewReplacer("{rep}", rep.Id, "{repDel}", repDel.Id, "{att}", att.Id, "{attDel}", attDel.Id)
	rows := []struct {
		method, path string
		form         url.Values
		multipart    bool
		expects      [6]int
	}{
		{"GET", "semaines?semaine=3", nil, false, [6]int{303, 200, 200, 404, 200, 404}},
		{"POST", "semaines/3", weekForm("0", "Semaine trois"), false, [6]int{303, 403, 303, 404, 403, 404}},
		{"GET", "activites/nouvelle", nil, false, [6]int{303, 403, 200, 404, 403, 404}},
		{"POST", "activites", reportForm("0"), false, [6]int{303, 403, 303, 404, 403, 404}},
		{"GET", "activites/{rep}", nil, false, [6]int{303, 200, 200, 404, 200, 404}},
		{"POST", "activites/{rep}", reportForm("1"), false, [6]int{303, 403, 303, 404, 403, 404}},
		{"POST", "activites/{rep}/selection", url.Values{"selected": {"1"}}, false, [6]int{303, 403, 303, 404, 403, 404}},
		{"POST", "activites/{repDel}/supprimer", url.Values{}, false, [6]int{303, 403, 303, 404, 403, 404}},
		{"POST", "annexes", nil, true, [6]int{303, 403, 303, 404, 403, 404}},
		{"POST", "annexes/lien", url.Values{"lien_titre": {"INRS"}, "url": {"https://www.inrs.fr/"}}, false, [6]int{303, 403, 303, 404, 403, 404}},
		{"GET", "annexes/{att}/fichier", nil, false, [6]int{303, 200, 200, 404, 200, 404}},
		{"POST", "annexes/{attDel}/supprimer", url.Values{}, false, [6]int{303, 403, 303, 404, 403, 404}},
	}
	for _, row := range rows {
		for i, c := range clients {
			path := portfolioPath(f.lucas, fill.Replace(row.path))
			var r *apptest.Response
			switch {
			case row.multipart:
				r = upload(t, c, f.lucas, "Photo", "p.png", pngFile(t))
			case row.form != nil:
				r = c.PostForm(path, maps.Clone(row.form))
			default:
				r = c.Get(path)
			}
			assert.Equal(t, row.expects[i], r.Status, "%s %s as %s", row.method, row.path, actors[i])
		}
	}
	assert.Len(t, reportsOf(t, f.a, f.lucas), 2, "one created, one deleted, by Lucas only")
	assert.Len(t, attachmentsOf(t, f.a, f.lucas), 3, "a file and a link added, one deleted, by Lucas only")
}

// TestJournalOpensOnTheWeekUnderWayOnASunday: on Sunday the student writes up the week that
// ends, and the counter of written weeks counts the week he just saved.
func TestJournalOpensOnTheWeekUnderWayOnASunday(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	weeks := periodWeeksOf(t, f.a, f.lucas)
	f.a.Clock.Set(weeks[2].End.AddDate(0, 0, 2).Add(18 * time.Hour)) // the Sunday after week 3, 19 h in Paris
	page := f.owner.Get(portfolioPath(f.lucas, "semaines")).Body
	require.Contains(t, page, `<h3 id="week-title" class="week-title">`+weeks[2].Label())
	before := regexp.MustCompile(`(\d+) semaine\(s\) renseignée\(s\)`).FindStringSubmatch(page)
	require.NotNil(t, before)
	n, _ := strconv.Atoi(before[1])

	r := f.owner.PostForm(portfolioPath(f.lucas, "semaines/4"), weekForm("0", "Graissage des convoyeurs."), pfHX...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Contains(t, r.Body, `<span id="week-count" class="small muted" hx-swap-oob="true">`+strconv.Itoa(n+1)+` semaine(s) renseignée(s)</span>`)
	require.Contains(t, r.Body, "à\u00a019\u00a0h\u00a000", "a time that never breaks")
}
