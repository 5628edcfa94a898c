package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"github.com/stretchr/testify/require"
)

func (f *pf) comments(t *testing.T, placement *core.Record) []map[string]string {
	t.Helper()
	recs, err := f.a.PB.FindRecordsByFilter("comments", "placement = {:p}", "created", 0, 0, map[string]any{"p": placement.Id})
	require.NoError(t, err)
	out := make([]map[string]string, len(recs))
	for i, r := range recs {
		out[i] = map[string]string{"author": r.GetString("author"), "body": r.GetString("body"), "read_at": r.GetString("read_at")}
	}
	return out
}

func TestCommentsWritersPost(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	path := "/dossiers/" + f.lucas.Id + "/portfolio/commentaires"
	teacher := f.login(t, "prof.martin")

	page := teacher.Get(path)
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, "Aucun commentaire pour l'instant.")
	require.Contains(t, page.Body, `name="body"`)

	// A teacher, through htmx: the list comes back with the comment and an empty form.
	r := teacher.PostForm(path, url.Values{"body": {"Détaillez les consignes de sécurité.\nEt le matériel utilisé."}}, hxFrag...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Contains(t, r.Body, "Commentaire publié.")
	require.Contains(t, r.Body, "<strong>Claire MARTIN</strong> <span class=\"muted\">· Enseignant</span>")
	require.Contains(t, r.Body, "Détaillez les consignes de sécurité.\nEt le matériel utilisé.")
	require.Regexp(t, `<time datetime="\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ">(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \d{1,2}(er)? \pL+ \d{4} à\x{a0}\d{1,2}\x{a0}h\x{a0}\d\d</time>`, r.Body, "the date in French, its time unbroken")
	require.Contains(t, r.Body, `></textarea>`, "the form is empty again")

	// The apprenticeship master holding a grant, without JavaScript: redirect and flash.
	master := f.login(t, "julien.boisseau")
	r = master.PostForm(path, url.Values{"body": {"Bon travail sur la consignation."}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Equal(t, path, r.Header.Get("Location"))
	page = master.Get(path)
	require.Contains(t, page.Body, "Commentaire publié.")
	// Newest first.
	first, second := strings.Index(page.Body, "Bon travail sur la consignation."), strings.Index(page.Body, "Détaillez les consignes")
	require.True(t, first > 0 && second > first, "newest first")
	require.Contains(t, page.Body, "Julien BOISSEAU</strong> <span class=\"muted\">· Maître d&#39;apprentissage</span>")

	stored := f.comments(t, f.lucas)
	require.Len(t, stored, 2)
	require.Equal(t, f.a.MustFind(t, "users", "username", "prof.martin").Id, stored[0]["author"])
	require.Empty(t, stored[0]["read_at"], "unread until the student opens the tab")
	require.Empty(t, stored[1]["read_at"], "a reader other than the student never marks read")
}

func TestCommentsRefusals(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	path := "/dossiers/" + f.lucas.Id + "/portfolio/commentaires"

	for _, c := range []struct {
		who    string
		status int
	}{
		{"lucas.lambert", http.StatusForbidden},    // the student reads, never writes
		{"manon.girard", http.StatusNotFound},      // another student
		{"tuteur.sans.acces", http.StatusNotFound}, // a tutor without a grant
	} {
		t.Run(c.who, func(t *testing.T) {
			r := f.login(t, c.who).PostForm(path, url.Values{"body": {"Je m'invite."}})
			require.Equal(t, c.status, r.Status)
		})
	}

	teacher := f.login(t, "prof.martin")
	for _, c := range []struct{ name, body, msg string }{
		{"empty", "   ", "Le champ « Commentaire » est obligatoire."},
		{"too long", strings.Repeat("é", 5001), "ne doit pas dépasser 5000 caractères"},
	} {
		for _, headers := range [][]string{hxFrag, nil} {
			t.Run(c.name, func(t *testing.T) {
				r := teacher.PostForm(path, url.Values{"body": {c.body}}, headers...)
				require.Equal(t, http.StatusUnprocessableEntity, r.Status)
				require.Contains(t, r.Body, `id="e-body"`)
				require.Contains(t, r.Body, c.msg)
				if strings.TrimSpace(c.body) != "" {
					require.Contains(t, r.Body, c.body+"</textarea>", "the typed text is kept")
				}
			})
		}
	}
	require.Empty(t, f.comments(t, f.lucas), "nothing stored")
}

func TestCommentsAreNewForTheStudentUntilRead(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	path := "/dossiers/" + f.lucas.Id + "/portfolio/commentaires"
	teacher := f.login(t, "prof.martin")
	require.Equal(t, http.StatusOK, teacher.PostForm(path, url.Values{"body": {"Ajoutez l'organigramme."}}, hxFrag...).Status)
	require.Equal(t, http.StatusOK, teacher.PostForm(path, url.Values{"body": {"Et la carte."}}, hxFrag...).Status)

	// The teacher reading them marks nothing, and is not shown the student's mark.
	read := teacher.Get(path)
	require.Contains(t, read.Body, "Et la carte.")
	require.NotContains(t, read.Body, `<span class="badge">nouveau<span class="visually-hidden"> commentaire</span></span>`)
	for _, c := range f.comments(t, f.lucas) {
		require.Empty(t, c["read_at"])
	}

	student := f.login(t, "lucas.lambert")
	require.Contains(t, student.Get("/mes-periodes").Body, "2 nouveau(x) commentaire(s)", "his home says so too")
	other := student.Get("/dossiers/" + f.lucas.Id + "/portfolio/entreprise")
	require.Contains(t, other.Body, `<span class="badge">nouveau<span class="visually-hidden"> commentaire</span></span>`, "the tab bar says so")
	require.NotContains(t, portfolioTabSection(t, other.Body), "<textarea name=\"body\"")

	page := student.Get(path)
	require.Equal(t, http.StatusOK, page.Status)
	tab := portfolioTabSection(t, page.Body)
	require.Equal(t, 2, strings.Count(tab, "nouveau commentaire</span>"), "both were unread when the tab opened")
	require.NotContains(t, tab, `name="body"`, "no form for the student")
	require.Less(t, strings.Index(tab, "Et la carte."), strings.Index(tab, "Ajoutez l&#39;organigramme."), "newest first")
	for _, c := range f.comments(t, f.lucas) {
		require.NotEmpty(t, c["read_at"], "opening the tab marks them read")
	}

	again := student.Get(path)
	require.NotContains(t, again.Body, "nouveau commentaire</span>")
	require.NotContains(t, again.Body, `<span class="badge">nouveau<span class="visually-hidden"> commentaire</span></span>`)
}
