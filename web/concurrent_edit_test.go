package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

var seenRe = regexp.MustCompile(`name="vu" value="([^"]+)"`)

// TestConcurrentEditsAreDetected: two tabs open the same form; the second save is refused
// with 409, keeps its text on screen, and does not overwrite the first.
func TestConcurrentEditsAreDetected(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	manon := a.MustFind(t, "users", "username", "manon.girard")
	p := a.MustFind(t, "placements", "student", manon.Id)
	company := url.Values{"company_name": {"Fragrance Plus"}, "company_address": {"1 rue A"},
		"company_postal_code": {"76000"}, "company_city": {"Rouen"}, "tutor_last_name": {"Boisseau"},
		"tutor_first_name": {"Julien"}, "tutor_email": {"j.b@fragrance.example"}}
	cases := []struct {
		page, post, field string
	}{
		{"/portfolio/entreprise", "/portfolio/entreprise", "company_history"},
		{"/liaison", "/liaison/entreprise", "company_sector"},
	}
	for _, tc := range cases {
		t.Run(tc.page, func(t *testing.T) {
			tab1 := a.MustLogin(t, "manon.girard", demo.Password)
			tab2 := a.MustLogin(t, "manon.girard", demo.Password)
			seen1 := seenRe.FindStringSubmatch(tab1.Get("/dossiers/" + p.Id + tc.page).Body)
			seen2 := seenRe.FindStringSubmatch(tab2.Get("/dossiers/" + p.Id + tc.page).Body)
			require.NotNil(t, seen1)
			require.Equal(t, seen1, seen2)

			first := cloneValues(company)
			first.Set(tc.field, "premier")
			first.Set("vu", seen1[1])
			require.Equal(t, http.StatusSeeOther, tab1.PostForm("/dossiers/"+p.Id+tc.post, first).Status)

			second := cloneValues(company)
			second.Set(tc.field, "second texte à ne pas perdre")
			second.Set("vu", seen2[1])
			r := tab2.PostForm("/dossiers/"+p.Id+tc.post, second)
			require.Equal(t, http.StatusConflict, r.Status)
			require.Contains(t, r.Body, "modifiées entre-temps")
			require.Contains(t, r.Body, "second texte à ne pas perdre", "the typed text stays on screen")
			require.Equal(t, "premier", a.MustFind(t, "placements", "id", p.Id).GetString(tc.field), "not overwritten")
		})
	}
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

// TestPortfolioCannotBlankWhatTheFicheRequires: both forms edit the same columns, with the same
// required fields.
func TestPortfolioCannotBlankWhatTheFicheRequires(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	manon := a.MustFind(t, "users", "username", "manon.girard")
	p := a.MustFind(t, "placements", "student", manon.Id)
	c := a.MustLogin(t, "manon.girard", demo.Password)
	r := c.PostForm("/dossiers/"+p.Id+"/portfolio/entreprise", url.Values{"company_name": {"Fragrance Plus"},
		"company_address": {"45, rue du Bois noir"}, "company_postal_code": {"76000"}, "company_city": {""},
		"tutor_last_name": {"Boisseau"}, "tutor_first_name": {"Julien"}, "tutor_email": {"julien.boisseau@fragrance.example"}})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "Le champ « Ville » est obligatoire.")
	require.NotEmpty(t, a.MustFind(t, "placements", "id", p.Id).GetString("company_city"))
}
