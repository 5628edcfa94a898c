package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/apptest"
)

// Benchmarks of the portfolio's writing tabs: a tab of 50 reports, a week's save (htmx), and
// a class of 30 students saving their week at the same moment.

var benchCSRF = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// benchStudent is a logged-in bench student with their placement and CSRF token.
type benchStudent struct {
	c         *http.Client
	placement string
	csrf      string
	version   int
}

// benchStudentsOf starts the app with a period of n bench students and logs in the first m.
func benchStudentsOf(b *testing.B, n, m int) (*apptest.App, []*benchStudent) {
	b.Helper()
	a := apptest.MustStartIn(b, b.TempDir())
	period, _ := a.MustBenchPeriod(b, n)
	out := make([]*benchStudent, m)
	for i := range m {
		st := a.MustFind(b, "users", "username", fmt.Sprintf("bench.eleve%02d", i))
		p, err := a.PB.FindFirstRecordByFilter("placements", "period = {:p} && student = {:s}",
			map[string]any{"p": period, "s": st.Id})
		if err != nil {
			b.Fatal(err)
		}
		c := a.MustBenchClient(b, st.GetString("username"), apptest.BenchPassword)
		req, _ := http.NewRequest(http.MethodGet, a.URL+"/dossiers/"+p.Id+"/portfolio/semaines", nil)
		status, body := pfDo(b, c, req)
		mm := benchCSRF.FindStringSubmatch(body)
		if status != http.StatusOK || mm == nil {
			b.Fatalf("semaines tab: status %d, no token", status)
		}
		out[i] = &benchStudent{c: c, placement: p.Id, csrf: mm[1]}
	}
	return a, out
}

// saveWeek posts week 1 as htmx does, from the student's current version.
func (s *benchStudent) saveWeek(a *apptest.App, text string) error {
	form := url.Values{"_csrf": {s.csrf}, "version": {fmt.Sprint(s.version)}, "activities": {text},
		"liked": {"Le travail en équipe."}, "succeeded": {"Un démontage propre."}}
	req, _ := http.NewRequest(http.MethodPost, a.URL+"/dossiers/"+s.placement+"/portfolio/semaines/1",
		strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", a.URL)
	req.Header.Set("HX-Request", "true")
	res, err := s.c.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "Semaine enregistrée") {
		return fmt.Errorf("save: status %d: %.300s", res.StatusCode, body)
	}
	s.version++
	return nil
}

// pfDo sends a request and reads the whole answer.
func pfDo(b *testing.B, c *http.Client, req *http.Request) (int, string) {
	res, err := c.Do(req)
	if err != nil {
		b.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.Fatal(err)
	}
	return res.StatusCode, string(body)
}

func BenchmarkInterventionsTab50(b *testing.B) {
	a, sts := benchStudentsOf(b, 1, 1)
	col, err := a.PB.FindCollectionByNameOrId("interventions")
	if err != nil {
		b.Fatal(err)
	}
	for i := range 50 {
		r := core.NewRecord(col)
		r.Set("placement", sts[0].placement)
		r.Set("title", fmt.Sprintf("Intervention n°%d sur la ligne de conditionnement", i+1))
		r.Set("wo_date", time.Date(2026, 3, 1+i%28, 0, 0, 0, 0, time.UTC))
		r.Set("wo_machine", "Thermoformeuse TF-2")
		r.Set("defects", strings.Repeat("Film déformé. ", 40))
		r.Set("selected", i%3 == 0)
		if err := a.PB.Save(r); err != nil {
			b.Fatal(err)
		}
	}
	target := a.URL + "/dossiers/" + sts[0].placement + "/portfolio/activites"
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	req.Header.Set("HX-Request", "true")
	status, body := pfDo(b, sts[0].c, req)
	if cards := strings.Count(body, `class="card iv-card`); status != http.StatusOK || cards != 50 {
		b.Fatalf("GET %s: status %d, %d cards, want 200 and 50", target, status, cards)
	}
	for b.Loop() {
		if status, _ := pfDo(b, sts[0].c, req); status != http.StatusOK {
			b.Fatalf("GET %s: status %d", target, status)
		}
	}
}

func BenchmarkSaveWeek(b *testing.B) {
	a, sts := benchStudentsOf(b, 1, 1)
	text := strings.Repeat("Graissage des paliers, contrôle des courroies. ", 40) // ~1900 characters
	for b.Loop() {
		if err := sts[0].saveWeek(a, text); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSave30Concurrent: each iteration, 30 students save their week at once (a class
// at the end of a lesson); ns/op is the time until the last of the 30 is saved.
func BenchmarkSave30Concurrent(b *testing.B) {
	a, sts := benchStudentsOf(b, 30, 30)
	text := strings.Repeat("Graissage des paliers, contrôle des courroies. ", 40)
	saves := 0
	start := time.Now()
	for b.Loop() {
		var wg sync.WaitGroup
		errs := make([]error, len(sts))
		for i, st := range sts {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = st.saveWeek(a, text)
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		saves += len(sts)
	}
	b.ReportMetric(float64(saves)/time.Since(start).Seconds(), "saves/s")
}
