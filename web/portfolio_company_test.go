package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

var hxFrag = []string{"HX-Request", "true"}

// portfolioTabSection is what the portfolio's tab section holds, to look for (absent) controls in it.
func portfolioTabSection(t *testing.T, page string) string {
	t.Helper()
	i := strings.Index(page, `id="portfolio-tab"`)
	require.Positive(t, i, "no #portfolio-tab in the page")
	rest := page[i:]
	if j := strings.Index(rest, "</main>"); j > 0 { // the tab section is the last one of main
		rest = rest[:strings.LastIndex(rest[:j], "</section>")]
	}
	return rest
}

func presentationForm() url.Values {
	return url.Values{
		"company_name": {"Usine Vincent & Fils"}, "company_address": {"3, rue des Forges"},
		"company_postal_code": {"76000"}, "company_city": {"Rouen"}, "company_sector": {"Mécanique de précision"},
		"company_phone": {"02 35 00 00 00"}, "tutor_last_name": {"Leroy"}, "tutor_first_name": {"Paul"},
		"tutor_phone": {"06 12 34 56 78"}, "tutor_email": {"p.leroy@usine-vincent.fr"},
		"company_activity": {"Usinage de pièces pour l'aéronautique."}, "employees": {"1 200"},
		"maintenance_staff": {"14"}, "company_history": {"Fondée en 1962 par Marcel Vincent."},
	}
}

func TestCompanyTabStudentSaves(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	adam := f.login(t, "adam.vincent")
	url := "/dossiers/" + f.adam.Id + "/portfolio/entreprise"

	page := adam.Get(url)
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, "Décrivez en 2 ou 3 phrases")
	require.Contains(t, page.Body, "Depuis quand existe-t-elle ?")
	require.Empty(t, f.placement(t, f.adam).GetString("portfolio_edited"))

	// htmx: the form comes back with its « enregistré ».
	r := adam.PostForm(url, presentationForm(), hxFrag...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Contains(t, r.Body, `class="saved-indicator"`)
	require.Contains(t, r.Body, "Présentation de l&#39;entreprise enregistrée.")
	require.Contains(t, r.Body, `value="1200"`)
	require.NotContains(t, r.Body, "<html", "a fragment, not a page")

	p := f.placement(t, f.adam)
	require.Equal(t, "Usine Vincent & Fils", p.GetString("company_name"))
	require.Equal(t, "p.leroy@usine-vincent.fr", p.GetString("tutor_email"))
	require.Equal(t, 1200, p.GetInt("employees"))
	require.Equal(t, 14, p.GetInt("maintenance_staff"))
	require.Equal(t, "Fondée en 1962 par Marcel Vincent.", p.GetString("company_history"))
	require.NotEmpty(t, p.GetString("portfolio_edited"), "the first save stamps the portfolio")

	// Without JavaScript: a redirect to the tab and a flash.
	form := presentationForm()
	form.Set("employees", "40")
	r = adam.PostForm(url, form)
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Equal(t, url, r.Header.Get("Location"))
	page = adam.Get(url)
	require.Contains(t, page.Body, "Présentation de l&#39;entreprise enregistrée.")
	require.Contains(t, page.Body, `value="40"`)
}

func TestCompanyTabRefusesInvalidInput(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name   string
		change url.Values
		field  string
		msg    string
	}{
		{"company name missing", url.Values{"company_name": {"  "}}, "company_name", "est obligatoire"},
		{"postal code", url.Values{"company_postal_code": {"7600"}}, "company_postal_code", "Code postal invalide : 5 chiffres attendus."},
		{"phone", url.Values{"tutor_phone": {"12345"}}, "tutor_phone", "Numéro de téléphone invalide"},
		{"email", url.Values{"tutor_email": {"leroy@"}}, "tutor_email", "Adresse e-mail invalide."},
		{"negative count", url.Values{"employees": {"-3"}}, "employees", "nombre entier, 0 ou plus"},
		{"count not a number", url.Values{"maintenance_staff": {"six"}}, "maintenance_staff", "nombre entier, 0 ou plus"},
		{"absurd count", url.Values{"employees": {"9000000"}}, "employees", "trop grand"},
		{"more maintenance than employees", url.Values{"employees": {"10"}, "maintenance_staff": {"12"}}, "maintenance_staff", "plus de personnes que l&#39;entreprise (10)"},
		{"activity too long", url.Values{"company_activity": {strings.Repeat("a", 2001)}}, "company_activity", "ne doit pas dépasser 2000 caractères"},
		{"history too long", url.Values{"company_history": {strings.Repeat("é", 5001)}}, "company_history", "ne doit pas dépasser 5000 caractères"},
	}
	f := mustPF(t)
	adam := f.login(t, "adam.vincent")
	url := "/dossiers/" + f.adam.Id + "/portfolio/entreprise"
	for _, c := range cases {
		for _, frag := range []bool{true, false} {
			name := c.name + " (page)"
			var headers []string
			if frag {
				name, headers = c.name+" (htmx)", hxFrag
			}
			t.Run(name, func(t *testing.T) {
				form := presentationForm()
				for k, v := range c.change {
					form[k] = v
				}
				r := adam.PostForm(url, form, headers...)
				require.Equal(t, http.StatusUnprocessableEntity, r.Status)
				require.Contains(t, r.Body, `id="e-`+c.field+`"`, "the message sits next to its field")
				require.Contains(t, r.Body, c.msg)
				require.Contains(t, r.Body, "Le formulaire contient des erreurs.")
				require.Contains(t, r.Body, `value="3, rue des Forges"`, "what was typed is kept")
				if v := c.change.Get(c.field); len(v) < 100 && strings.TrimSpace(v) != "" && c.field != "company_activity" {
					require.Contains(t, r.Body, `value="`+v+`"`, "the wrong value too")
				}
				if frag {
					require.NotContains(t, r.Body, "<html")
				} else {
					require.Contains(t, r.Body, `id="portfolio-tab"`, "the whole page, with its tabs")
				}
				p := f.placement(t, f.adam)
				require.Empty(t, p.GetString("company_name"), "nothing stored")
				require.Empty(t, p.GetString("company_address"))
				require.Empty(t, p.GetString("portfolio_edited"))
			})
		}
	}
}

func TestCompanyTabOnlyTheStudentWrites(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	before := f.placement(t, f.lucas).GetString("company_name")
	cases := []struct {
		who    string
		status int
	}{
		{"prof.martin", http.StatusForbidden},
		{"julien.boisseau", http.StatusForbidden}, // granted master: reads, never writes
		{"manon.girard", http.StatusNotFound},     // another student: not even there
	}
	for _, c := range cases {
		t.Run(c.who, func(t *testing.T) {
			cl := f.login(t, c.who)
			r := cl.PostForm("/dossiers/"+f.lucas.Id+"/portfolio/entreprise", presentationForm(), hxFrag...)
			require.Equal(t, c.status, r.Status)
			r = cl.PostForm("/dossiers/"+f.lucas.Id+"/portfolio/entreprise", presentationForm())
			require.Equal(t, c.status, r.Status)
			require.Equal(t, before, f.placement(t, f.lucas).GetString("company_name"), "nothing stored")
		})
	}
}

func TestCompanyTabReadersSeeTextOnly(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	for _, who := range []string{"prof.martin", "julien.boisseau"} {
		t.Run(who, func(t *testing.T) {
			page := f.login(t, who).Get("/dossiers/" + f.lucas.Id + "/portfolio/entreprise")
			require.Equal(t, http.StatusOK, page.Status)
			tab := portfolioTabSection(t, page.Body)
			require.Contains(t, tab, "Papeteries de la Seine")
			require.Contains(t, tab, "<dt>Nombre d&#39;employé(s)</dt>")
			require.Contains(t, tab, "30")
			for _, control := range []string{"<input", "<textarea", "<button", "<select", "<form"} {
				require.NotContains(t, tab, control)
			}
		})
	}
	student := f.login(t, "lucas.lambert").Get("/dossiers/" + f.lucas.Id + "/portfolio/entreprise")
	require.Contains(t, portfolioTabSection(t, student.Body), `name="company_activity"`, "the student gets the form")
}

// folderOf is the label of a student's folder icon in the teacher's period view.
func folderOf(t *testing.T, page, placementID string) string {
	t.Helper()
	re := regexp.MustCompile(`class="folder-icon (edited|untouched)" role="img" aria-label="(Portfolio[^"]*)"></span>\s*<a href="/dossiers/` + placementID + `"`)
	m := re.FindStringSubmatch(page)
	require.NotNil(t, m, "no folder icon for %s", placementID)
	require.Equal(t, m[1] == "edited", m[2] == "Portfolio édité", "the icon's look says what its label says")
	return m[2]
}

func TestTeacherSeesTheFolderFilledAfterTheStudentsFirstSave(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	period := f.a.MustFind(t, "periods", "name", "PFMP 1re MSPC — E31")
	teacher := f.login(t, "prof.martin")
	panel := func() string {
		r := teacher.Get("/periodes/"+period.Id+"/apprenants", hxFrag...)
		require.Equal(t, http.StatusOK, r.Status)
		return r.Body
	}
	require.Equal(t, "Portfolio pas encore édité", folderOf(t, panel(), f.adam.Id))
	require.Equal(t, "Portfolio édité", folderOf(t, panel(), f.manon.Id), "the demo's started portfolio")

	r := f.login(t, "adam.vincent").PostForm("/dossiers/"+f.adam.Id+"/portfolio/organigramme",
		url.Values{"op": {"add"}, "add_name": {"Direction"}}, hxFrag...)
	require.Equal(t, http.StatusOK, r.Status)
	require.Equal(t, "Portfolio édité", folderOf(t, panel(), f.adam.Id))
}
