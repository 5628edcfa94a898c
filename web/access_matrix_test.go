package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// actors of the access matrix, in column order.
var actors = []string{"anonyme", "enseignant", "apprenant", "autre apprenant", "maître (accès)", "tuteur (sans accès)"}

// matrixRow is one route with the status each actor must get.
type matrixRow struct {
	route   string // "METHOD /pattern", exactly as web.RouteList names it
	path    string // the concrete path; {placement} and {period} are filled in
	htmx    bool
	form    url.Values
	expects [6]int
}

var matrix = []matrixRow{
	{route: "GET /", path: "/", expects: [6]int{303, 303, 303, 303, 303, 303}},
	{route: "GET /connexion", path: "/connexion", expects: [6]int{200, 303, 303, 303, 303, 303}},
	{route: "POST /connexion", path: "/connexion", form: url.Values{"identifiant": {"inconnu-{actor}"}, "mot_de_passe": {"y"}},
		expects: [6]int{422, 422, 422, 422, 422, 422}},
	{route: "POST /deconnexion", path: "/deconnexion", form: url.Values{}, expects: [6]int{303, 303, 303, 303, 303, 303}},
	{route: "GET /periodes", path: "/periodes", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "GET /periodes/:id/apprenants", path: "/periodes/{period}/apprenants", htmx: true,
		expects: [6]int{401, 200, 403, 403, 403, 403}},
	{route: "GET /mes-periodes", path: "/mes-periodes", expects: [6]int{303, 403, 200, 200, 403, 403}},
	{route: "GET /mes-apprenants", path: "/mes-apprenants", expects: [6]int{303, 403, 403, 403, 200, 200}},
	{route: "GET /dossiers/:id", path: "/dossiers/{placement}", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio", path: "/dossiers/{placement}/portfolio", expects: [6]int{303, 303, 303, 303, 303, 303}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/entreprise", expects: [6]int{303, 200, 200, 404, 200, 404}},
}

func TestAccessMatrix(t *testing.T) {
	a := apptest.MustStart(t)
	a.MustDemo(t)
	a.MustRecord(t, "users", map[string]any{"role": "tutor", "username": "tuteur.sans.acces",
		"first_name": "Paul", "last_name": "Sansacces", "password": demo.Password})
	period := a.MustFind(t, "periods", "name", "PFMP 1re MSPC — E31")
	lucas := a.MustFind(t, "users", "username", "lucas.lambert")
	placement, err := a.PB.FindFirstRecordByFilter("placements", "period = {:p} && student = {:s}",
		map[string]any{"p": period.Id, "s": lucas.Id})
	require.NoError(t, err)

	logins := []string{"", "prof.martin", "lucas.lambert", "manon.girard", "julien.boisseau", "tuteur.sans.acces"}
	fill := strings.NewReplacer("{placement}", placement.Id, "{period}", period.Id)

	covered := map[string]bool{}
	for _, row := range matrix {
		covered[row.route] = true
		for i, who := range logins {
			t.Run(row.route+" "+actors[i], func(t *testing.T) {
				c := a.NewClient(t)
				if who != "" {
					c = a.MustLogin(t, who, demo.Password)
				}
				var headers []string
				if row.htmx {
					headers = []string{"HX-Request", "true"}
				}
				var r *apptest.Response
				if row.form != nil {
					form := url.Values{}
					for k, v := range row.form { // one identity per actor: the throttle counts per identity
						form.Set(k, strings.ReplaceAll(v[0], "{actor}", who))
					}
					r = c.PostForm(fill.Replace(row.path), form, headers...)
				} else {
					r = c.Get(fill.Replace(row.path), headers...)
				}
				require.Equal(t, row.expects[i], r.Status, "%s as %s", row.path, actors[i])
			})
		}
	}
	for _, r := range a.Web.RouteList() {
		require.True(t, covered[r], "route %s has no row in the access matrix", r)
	}
}
