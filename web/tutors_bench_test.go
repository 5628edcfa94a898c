package web_test

import (
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"

	"livret/apptest"
	"livret/mail/mailtest"
)

// benchScolaires are the dossiers of a bench period's students sous statut scolaire.
func benchScolaires(b *testing.B, a *apptest.App, periodID string) []string {
	b.Helper()
	var ids []string
	err := a.PB.DB().NewQuery(`SELECT pl.id FROM placements pl JOIN users u ON u.id = pl.student
		WHERE pl.period = {:p} AND u.status = 'scolaire' ORDER BY u.username`).
		Bind(dbx.Params{"p": periodID}).Column(&ids)
	if err != nil {
		b.Fatal(err)
	}
	return ids
}

// BenchmarkOpenTutorLink: a tutor clicks his link — the token checked, the use recorded, the
// session opened — and his home is rendered. Reports the median as ms-p50.
func BenchmarkOpenTutorLink(b *testing.B) {
	a := apptest.MustStartIn(b, b.TempDir())
	period, _ := a.MustBenchPeriod(b, benchStudents)
	token := a.MustTutorGrant(b, "tuteur@bench.example", benchScolaires(b, a, period)[0])
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		jar, _ := cookiejar.New(nil)
		c := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
		if status, _ := do(b, c, a.URL+"/acces/"+token, nil); status != http.StatusSeeOther {
			b.Fatalf("link: status %d", status)
		}
		if status, body := do(b, c, a.URL+"/mes-apprenants", nil); status != http.StatusOK || !strings.Contains(body, "Élève00") {
			b.Fatalf("home: status %d", status)
		}
		took = append(took, time.Since(start))
	}
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2])/float64(time.Millisecond), "ms-p50")
}

// BenchmarkSend30TutorLinks: a teacher sends the links of 30 students one after the other from
// the tutor window; each answer comes at once (ms-posts: the 30 answers), the emails follow
// through the queue (ns/op: until the in-process SMTP server holds all 30; over 5 s fails).
func BenchmarkSend30TutorLinks(b *testing.B) {
	a := apptest.MustStartIn(b, b.TempDir())
	period, _ := a.MustBenchPeriod(b, 38) // every fifth an apprentice: 31 sous statut scolaire
	dossiers := benchScolaires(b, a, period)[:30]
	srv := mailtest.Start(b)
	a.MustSMTP(b, srv)
	a.MustRecord(b, "users", map[string]any{"role": "teacher", "username": "bench.prof",
		"first_name": "Paul", "last_name": "Banc", "password": "livret-bench-prof"})
	teacher := a.MustLogin(b, "bench.prof", "livret-bench-prof")
	var posts time.Duration
	round := 0
	for b.Loop() {
		round++
		before := len(srv.Messages())
		start := time.Now()
		for i, p := range dossiers {
			r := teacher.PostForm("/periodes/"+period+"/tuteurs/"+p+"/envoyer", url.Values{
				"tutor_last_name": {"Tuteur"}, "tutor_first_name": {"Paul"},
				"tutor_email": {fmt.Sprintf("tuteur%02d.%d@bench.example", i, round)}})
			if r.Status != http.StatusSeeOther {
				b.Fatalf("send %d: status %d", i, r.Status)
			}
		}
		posts += time.Since(start)
		srv.Wait(b, before+len(dossiers), 5*time.Second)
	}
	b.ReportMetric(float64(posts)/float64(round)/float64(time.Millisecond), "ms-posts")
}
