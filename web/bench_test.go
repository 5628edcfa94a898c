package web_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"livret/apptest"
)

const benchStudents = 30

// benchTeacher starts the app with a period of benchStudents students and a logged-in teacher.
func benchTeacher(b *testing.B) (a *apptest.App, c *http.Client, periodID string) {
	b.Helper()
	a = apptest.MustStartIn(b, b.TempDir())
	periodID, _ = a.MustBenchPeriod(b, benchStudents)
	a.MustRecord(b, "users", map[string]any{"role": "teacher", "username": "bench.prof",
		"first_name": "Paul", "last_name": "Banc", "password": "livret-bench-prof"})
	return a, a.MustBenchClient(b, "bench.prof", "livret-bench-prof"), periodID
}

// benchGet checks one response (status 200, wantRows student rows unless negative), then
// times the same GET in a loop, failing on any status other than 200.
func benchGet(b *testing.B, c *http.Client, url string, wantRows int, header ...string) {
	b.Helper()
	status, body := do(b, c, url, header)
	if rows := strings.Count(body, `class="student-row"`); status != http.StatusOK || wantRows >= 0 && rows != wantRows {
		b.Fatalf("GET %s: status %d, %d student rows, want 200 and %d", url, status, rows, wantRows)
	}
	for b.Loop() {
		if status, _ := do(b, c, url, header); status != http.StatusOK {
			b.Fatalf("GET %s: status %d", url, status)
		}
	}
}

// do sends a fresh request each time: the client's cookie jar adds its cookies to the
// request itself, so a reused request would carry a Cookie header growing at every call.
func do(b *testing.B, c *http.Client, url string, header []string) (int, string) {
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := c.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	var sb strings.Builder
	if _, err := io.Copy(&sb, res.Body); err != nil {
		b.Fatal(err)
	}
	return res.StatusCode, sb.String()
}

func BenchmarkPeriodPage30(b *testing.B) {
	a, c, period := benchTeacher(b)
	benchGet(b, c, a.URL+"/periodes?niveau=1re&periode="+period, benchStudents)
}

func BenchmarkPeriodFragment30(b *testing.B) {
	a, c, period := benchTeacher(b)
	benchGet(b, c, a.URL+"/periodes/"+period+"/apprenants", benchStudents, "HX-Request", "true")
}

func BenchmarkLoginPage(b *testing.B) {
	a := apptest.MustStartIn(b, b.TempDir())
	benchGet(b, &http.Client{}, a.URL+"/connexion", -1)
}

// BenchmarkRESTList30 is PocketBase's own REST list of the same 30 students, as a superuser:
// the yardstick of the period page (run both with LIVRET_VIEW_CACHE=off for the rendered page).
func BenchmarkRESTList30(b *testing.B) {
	a := apptest.MustStartIn(b, b.TempDir())
	_, class := a.MustBenchPeriod(b, benchStudents)
	su := a.MustRecord(b, "_superusers", map[string]any{"email": "bench@livret.local", "password": "livret-bench-admin"})
	tok, err := su.NewAuthToken()
	if err != nil {
		b.Fatal(err)
	}
	benchGet(b, &http.Client{}, a.URL+"/api/collections/users/records?perPage=30&filter="+
		url.QueryEscape("(class='"+class+"')"), -1, "Authorization", tok)
}
