package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/dossier"
)

// The company's columns of the access matrix: a tutor whose link is valid, expired or
// invalidated (his session opened before), a tutor of another student, a master with and
// without the apprentice link. {dossier} is the dossier in question: a student sous statut
// scolaire's for the tutors (Sarah), an apprentice's for the masters (Lucas).
var companyActors = []string{"tuteur (lien valable)", "tuteur (lien expiré)", "tuteur (lien invalidé)",
	"tuteur d'un autre élève", "maître (apprenti rattaché)", "maître (sans ce lien)"}

var companyMatrix = []matrixRow{
	{route: "GET /mes-apprenants", path: "/mes-apprenants", expects: [6]int{200, 303, 303, 200, 200, 200}},
	{route: "GET /dossiers/:id", path: "/dossiers/{dossier}", expects: [6]int{200, 303, 303, 404, 200, 404}},
	{route: "GET /dossiers/:id/liaison", path: "/dossiers/{dossier}/liaison", expects: [6]int{200, 303, 303, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{dossier}/portfolio/semaines", expects: [6]int{200, 303, 303, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{dossier}/portfolio/commentaires", expects: [6]int{200, 303, 303, 404, 200, 404}},
	{route: "POST /dossiers/:id/portfolio/commentaires", path: "/dossiers/{dossier}/portfolio/commentaires",
		form: url.Values{"body": {"Bon début."}}, expects: [6]int{303, 303, 303, 404, 303, 404}},
	{route: "POST /dossiers/:id/liaison/entreprise", path: "/dossiers/{dossier}/liaison/entreprise", form: validLiaisonCompany(),
		expects: [6]int{403, 303, 303, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/semaines/:n", path: "/dossiers/{dossier}/portfolio/semaines/1",
		form: url.Values{"version": {"0"}, "activities": {"Écrit par le tuteur."}}, expects: [6]int{403, 303, 303, 404, 403, 404}},
	{route: "GET /dossiers/:id/attestation", path: "/dossiers/{dossier}/attestation", expects: [6]int{200, 303, 303, 404, 200, 404}},
	{route: "GET /dossiers/:id/preconvention", path: "/dossiers/{dossier}/preconvention", expects: [6]int{403, 303, 303, 404, 403, 404}},
	{route: "GET /periodes", path: "/periodes", expects: [6]int{403, 303, 303, 403, 403, 403}},
	{route: "GET /periodes/:id/tuteurs", path: "/periodes/{period}/tuteurs", expects: [6]int{403, 303, 303, 403, 403, 403}},
}

var csrfFieldRe = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// stealLink opens a link (its token) in a fresh browser and keeps its session cookie, to replay it later
// as the browser would (an ended session is cleared by the answer; the copy is not).
func stealLink(t *testing.T, a *apptest.App, token string) stolen {
	t.Helper()
	r := a.NewClient(t).Get("/acces/" + token)
	cookie := strings.SplitN(sessionCookie(r), ";", 2)[0]
	require.NotEmpty(t, cookie)
	s := stolen{a: a, cookie: cookie}
	_, body := s.do(t, http.MethodGet, "/mes-apprenants", nil)
	m := csrfFieldRe.FindStringSubmatch(body)
	require.NotNil(t, m)
	s.csrf = m[1]
	return s
}

func TestTutorAccessMatrix(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	sarah := a.MustPlacement(t, demoE31, "sarah.bonnet")
	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")
	manon := a.MustPlacement(t, demoE31, "manon.girard")
	a.MustRecord(t, "users", map[string]any{"role": "master", "username": "maitre.sans.apprenti",
		"first_name": "Paul", "last_name": "Sansapprenti", "password": demo.Password})

	sessions := []stolen{
		stealLink(t, a, a.MustTutorGrant(t, "valide@usine.example", sarah.Id)),
		stealLink(t, a, a.MustTutorGrant(t, "expire@usine.example", sarah.Id)),
		stealLink(t, a, a.MustTutorGrant(t, "invalide@usine.example", sarah.Id)),
		stealLink(t, a, a.MustTutorGrant(t, "autre@usine.example", manon.Id)),
	}
	// One tutor per dossier: each grant above ended the one before on Sarah's dossier. Give
	// each its state back: the valid one runs, one expired a minute ago, one was invalidated.
	store := dossier.New(a.PB, a.Clock.Now)
	setGrant(t, a, "valide@usine.example", sarah.Id, map[string]any{"revoked": false})
	setGrant(t, a, "expire@usine.example", sarah.Id, map[string]any{"revoked": false, "expires": a.Clock.Now().Add(-time.Minute)})
	g := setGrant(t, a, "invalide@usine.example", sarah.Id, map[string]any{"revoked": false})
	require.NoError(t, store.RevokeGrant(g.Id))

	masters := map[int]*apptest.Client{4: a.MustLogin(t, "julien.boisseau", demo.Password),
		5: a.MustLogin(t, "maitre.sans.apprenti", demo.Password)}
	fill := func(i int, path string) string {
		target := sarah.Id
		if i >= 4 {
			target = lucas.Id
		}
		return strings.NewReplacer("{dossier}", target, "{period}", period.Id).Replace(path)
	}
	for _, row := range companyMatrix {
		for i, who := range companyActors {
			t.Run(row.path+" "+who, func(t *testing.T) {
				path := fill(i, row.path)
				var status int
				switch {
				case masters[i] != nil && row.form != nil:
					status = masters[i].For(t).PostForm(path, cloneValues(row.form)).Status
				case masters[i] != nil:
					status = masters[i].For(t).Get(path).Status
				case row.form != nil:
					status, _ = sessions[i].do(t, http.MethodPost, path, cloneValues(row.form))
				default:
					status, _ = sessions[i].do(t, http.MethodGet, path, nil)
				}
				require.Equal(t, row.expects[i], status, "%s as %s", path, who)
			})
		}
	}
}

// setGrant changes the grant of a tutor (by email) on a dossier, as the dashboard would.
func setGrant(t *testing.T, a *apptest.App, email, placementID string, fields map[string]any) *dossier.Grant {
	t.Helper()
	tutor := a.MustFind(t, "users", "email", email)
	rec, err := a.PB.FindFirstRecordByFilter("tutor_access", "tutor = {:t} && placement = {:p}",
		map[string]any{"t": tutor.Id, "p": placementID})
	require.NoError(t, err)
	for k, v := range fields {
		rec.Set(k, v)
	}
	require.NoError(t, a.PB.Save(rec))
	g := &dossier.Grant{}
	g.SetProxyRecord(rec)
	return g
}
