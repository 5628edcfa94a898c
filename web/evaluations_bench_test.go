package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"livret/apptest"
)

// Benchmarks of the evaluations: saving one choice of a bilan entreprise (htmx), and the
// tableau de bord of a student with three years of evaluations. Each reports its median
// (p50-ms) beside the mean (ns/op).

// benchEvaluations starts the app with one bench student on a P2 period whose tasks mobilise
// C1.1–C1.4, and a logged-in teacher.
func benchEvaluations(b *testing.B) (a *apptest.App, teacher *http.Client, placement *core.Record) {
	b.Helper()
	a = apptest.MustStartIn(b, b.TempDir())
	period, _ := a.MustBenchPeriod(b, 1)
	p := a.MustFind(b, "periods", "id", period)
	p.Set("tasks", []string{a.MustFind(b, "tasks", "code", "A1T1").Id, a.MustFind(b, "tasks", "code", "A1T2").Id})
	if err := a.PB.Save(p); err != nil {
		b.Fatal(err)
	}
	a.MustRecord(b, "users", map[string]any{"role": "teacher", "username": "bench.prof",
		"first_name": "Paul", "last_name": "Banc", "password": "livret-bench-prof"})
	return a, a.MustBenchClient(b, "bench.prof", "livret-bench-prof"), a.MustFind(b, "placements", "period", period)
}

var benchVersion = regexp.MustCompile(`id="v-niveau-C1-2" name="v:niveau:C1.2" value="(\d+)"`)

func BenchmarkSaveOneChoice(b *testing.B) {
	a, c, p := benchEvaluations(b)
	base := a.URL + "/dossiers/" + p.Id + "/bilan-entreprise"
	req, _ := http.NewRequest(http.MethodGet, base, nil)
	status, body := pfDo(b, c, req)
	token := benchCSRF.FindStringSubmatch(body)
	if status != http.StatusOK || token == nil {
		b.Fatalf("bilan page: status %d", status)
	}
	seen := 0
	var times []time.Duration
	for i := 0; b.Loop(); i++ {
		form := url.Values{"_csrf": {token[1]}, "niveau:C1.2": {strconv.Itoa(2 + i%2)}, "v:niveau:C1.2": {strconv.Itoa(seen)}}
		req, _ := http.NewRequest(http.MethodPost, base+"/choix", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", a.URL)
		req.Header.Set("HX-Request", "true")
		start := time.Now()
		status, body := pfDo(b, c, req)
		times = append(times, time.Since(start))
		m := benchVersion.FindStringSubmatch(body)
		if status != http.StatusOK || m == nil {
			b.Fatalf("save: status %d: %.300s", status, body)
		}
		seen, _ = strconv.Atoi(m[1])
	}
	reportMedian(b, times)
}

// BenchmarkDashboard60Bilans: a student with 60 saved bilans entreprise (8 competences each,
// two in detailed mode), 200 school evaluations and 6 bilans intermédiaires, read by a teacher.
func BenchmarkDashboard60Bilans(b *testing.B) {
	a, c, p := benchEvaluations(b)
	student := p.GetString("student")
	if err := a.PB.RunInTransaction(func(tx core.App) error { return seedEvaluations(tx, student) }); err != nil {
		b.Fatal(err)
	}
	target := a.URL + "/dossiers/" + p.Id + "/tableau-de-bord"
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	status, body := pfDo(b, c, req)
	if items := strings.Count(body, `class="timeline-eval"`); status != http.StatusOK || items < 60*8+200 {
		b.Fatalf("GET %s: status %d, %d evaluations shown", target, status, items)
	}
	var times []time.Duration
	for b.Loop() {
		start := time.Now()
		if status, _ := pfDo(b, c, req); status != http.StatusOK {
			b.Fatalf("GET %s: status %d", target, status)
		}
		times = append(times, time.Since(start))
	}
	reportMedian(b, times)
}

// seedEvaluations gives a student three years of evaluations.
func seedEvaluations(app core.App, student string) error {
	save := func(col string, fields map[string]any) (*core.Record, error) {
		c, err := app.FindCollectionByNameOrId(col)
		if err != nil {
			return nil, err
		}
		r := core.NewRecord(c)
		for k, v := range fields {
			r.Set(k, v)
		}
		return r, app.Save(r)
	}
	comps, err := app.FindAllRecords("competences", dbx.HashExp{"parent": ""})
	if err != nil {
		return err
	}
	start := time.Date(2023, 9, 4, 0, 0, 0, 0, time.UTC)
	for i := range 60 {
		day := start.AddDate(0, 0, 18*i)
		period, err := save("periods", map[string]any{"name": fmt.Sprintf("Bench PFMP %02d", i), "level": "1re",
			"kind": "P2", "start": day, "end": day.AddDate(0, 0, 12), "review_date": day.AddDate(0, 0, 12)})
		if err != nil {
			return err
		}
		pl, err := save("placements", map[string]any{"period": period.Id, "student": student})
		if err != nil {
			return err
		}
		ratings := map[string]string{}
		for j := range 8 {
			ratings[comps[(i+j)%len(comps)].GetString("code")] = strconv.Itoa((i + j) % 5)
		}
		ratings["C1.1.a"], ratings["C1.1.b"], ratings["C1.2.a"] = "3", "4", "NE"
		if _, err := save("company_reviews", map[string]any{"placement": pl.Id, "ratings": ratings,
			"modes": map[string]string{"C1.1": "detaille", "C1.2": "detaille"}, "engagement": 3,
			"meeting_date": day.AddDate(0, 0, 12), "saved_at": day.AddDate(0, 0, 12)}); err != nil {
			return err
		}
	}
	for i := range 200 {
		if _, err := save("school_evaluations", map[string]any{"student": student, "competence": comps[i%len(comps)].Id,
			"level": strconv.Itoa(i % 5), "date": start.AddDate(0, 0, 5*i+2), "label": fmt.Sprintf("TP %d", i)}); err != nil {
			return err
		}
	}
	for i := range 6 {
		if _, err := save("checkpoints", map[string]any{"student": student, "date": start.AddDate(0, 0, 180*i+90)}); err != nil {
			return err
		}
	}
	return nil
}

// reportMedian adds the median of the timed requests, in milliseconds.
func reportMedian(b *testing.B, times []time.Duration) {
	if len(times) == 0 {
		return
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, "p50-ms")
}
