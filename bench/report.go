package main

import (
	"bufio"
	"fmt"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"time"
)

// Targets the report checks.
const (
	targetPageVsREST = 1.5
	targetBigVsSmall = 1.3 // p50 of the rendered page, 10,000 students ÷ 100
	targetColdStart  = 300 * time.Millisecond
	targetIdleRSS    = 50e6 // bytes
	targetPageP50    = 5 * time.Millisecond
	targetPageP95    = 20 * time.Millisecond
)

// report holds every figure of one `make bench`.
type report struct {
	Config           config
	Date             time.Time
	LoadAvg          [2]string // /proc/loadavg before and after the measures
	Cold             []time.Duration
	IdleRSS, LoadRSS int64
	Runs             []runResult
	ColdRuns         []runResult // page rendered afresh, then REST: 100 students, then 10,000
	GoBench          string
}

func (r *report) loadErrors() int {
	n := 0
	for _, run := range append(slices.Clone(r.Runs), r.ColdRuns...) {
		n += run.Errors
	}
	return n
}

func (r *report) coldMedian() time.Duration {
	s := slices.Clone(r.Cold)
	slices.Sort(s)
	return s[len(s)/2]
}

// ratio divides the req/s of two runs (by index in targets()).
func (r *report) ratio(a, b int) float64 { return r.Runs[a].RPS / r.Runs[b].RPS }

func mark(ok bool) string {
	if ok {
		return "✅"
	}
	return "❌"
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }

func mb(b int64) string { return fmt.Sprintf("%.1f MB", float64(b)/1e6) }

// markdown is the whole BENCHMARKS.md.
func (r *report) markdown() string {
	var b strings.Builder
	c := r.Config
	fmt.Fprintf(&b, "# Livret — benchmarks\n\nWritten by `make bench` (`go run ./bench -bin bin/livret -out BENCHMARKS.md`) on %s.\n\n",
		r.Date.Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "Machine: %s\n\n", machine())
	fmt.Fprintf(&b, "Load average (1, 5, 15 min) before: %s; after the load runs: %s. Other work on the machine "+
		"skews absolute figures; the ratios compare runs of the same minute.\n\n", r.LoadAvg[0], r.LoadAvg[1])
	fmt.Fprintf(&b, "The served binary runs on a data folder seeded with the demo school plus a class of %d students "+
		"on one period (`bin/benchdata`); every request goes to 127.0.0.1 over keep-alive connections.\n\n", benchStudents)
	fmt.Fprintf(&b, "## Load runs\n\n%d concurrent clients, %s each after a %s warm-up; every answer must be a 200 "+
		"with the expected content, otherwise it counts as an error.\n\n", c.conc, c.dur, c.warm)
	b.WriteString(r.runTable(r.Runs))
	b.WriteString("\n## Targets\n\nThe period view is served from a render cache that any database write " +
		"invalidates (web/cache.go); these runs read the cached view, as a teacher reloading it does.\n\n")
	b.WriteString(r.targetTable())
	fmt.Fprintf(&b, "\n## Rendered page, cache off, small and big school\n\nThe same page rendered on every "+
		"request (`LIVRET_VIEW_CACHE=off`), first on the school above (%d students), then on `bin/benchdata-10k`: "+
		"%d students in classes of 30, %d periods over three school years with a class placed on each and a "+
		"checkpoint per placed student. Each school has its own server, both running side by side; the REST list is of the same 30 students. The four requests take turns three times (page and list of one school, then of the other); each row is the median round of its request.\n\n",
		smallStudent, bigStudents, bigPeriods)
	b.WriteString(r.runTable(r.ColdRuns))
	b.WriteString("\n" + r.coldTable())
	fmt.Fprintf(&b, "\n## Portfolio and tutor figures\n\nRead off the Go benchmarks below: mean time per "+
		"operation, one request at a time except the concurrent saves.\n\n%s", goTargetTable(r.GoBench))
	fmt.Fprintf(&b, "\n## Go benchmarks\n\n`go test -run '^$' -bench . -benchmem -count 1 "+strings.Join(benchPackages, " ")+"` "+
		"(the app in-process, requests over real loopback HTTP):\n\n```text\n%s```\n", r.GoBench)
	return b.String()
}

func (r *report) runTable(runs []runResult) string {
	var b strings.Builder
	b.WriteString("| Run | Request | p50 | p95 | p99 | req/s | server CPU / req | errors |\n|---|---|--:|--:|--:|--:|--:|--:|\n")
	for _, run := range runs {
		errs := fmt.Sprint(run.Errors)
		if run.Errors > 0 {
			errs += " (" + run.FirstError + ")"
		}
		fmt.Fprintf(&b, "| %s | `GET %s` | %s | %s | %s | %.0f | %s | %s |\n", run.Name, shorten(run.Path),
			ms(run.P50), ms(run.P95), ms(run.P99), run.RPS, ms(run.CPUPerReq), errs)
	}
	return b.String()
}

var recordID = regexp.MustCompile(`\b[a-z0-9]{15}\b`)

// shorten decodes a path and hides its record ids, so the table stays readable.
func shorten(p string) string {
	if d, err := url.QueryUnescape(p); err == nil {
		p = d
	}
	return recordID.ReplaceAllString(p, "…")
}

func (r *report) targetTable() string {
	var b strings.Builder
	cold, idle := r.coldMedian(), r.IdleRSS
	colds := make([]string, len(r.Cold))
	for i, d := range r.Cold {
		colds[i] = ms(d)
	}
	b.WriteString("| Measure | Value | Target | Met |\n|---|--:|--:|:-:|\n")
	for i, name := range []string{"Period page", "Student-list fragment"} {
		run := r.Runs[i]
		fmt.Fprintf(&b, "| %s p50 / p95 | %s / %s | ≤ %s / ≤ %s | %s |\n", name, ms(run.P50), ms(run.P95),
			ms(targetPageP50), ms(targetPageP95), mark(run.P50 <= targetPageP50 && run.P95 <= targetPageP95))
	}
	fmt.Fprintf(&b, "| Period page req/s ÷ PocketBase REST req/s | %.2f | ≥ %.1f | %s |\n",
		r.ratio(0, 3), targetPageVsREST, mark(r.ratio(0, 3) >= targetPageVsREST))
	fmt.Fprintf(&b, "| Period page req/s ÷ static CSS req/s | %.2f | — | |\n", r.ratio(0, 2))
	fmt.Fprintf(&b, "| Fragment req/s ÷ PocketBase REST req/s | %.2f | — | |\n", r.ratio(1, 3))
	fmt.Fprintf(&b, "| Cold start, exec → first 200 of `/connexion` (median of %d: %s) | %s | ≤ %d ms | %s |\n",
		len(colds), strings.Join(colds, ", "), ms(cold), targetColdStart.Milliseconds(), mark(cold <= targetColdStart))
	fmt.Fprintf(&b, "| Idle RSS (after login and one page view, then 1 s idle) | %s | ≤ %.0f MB | %s |\n",
		mb(idle), targetIdleRSS/1e6, mark(idle <= targetIdleRSS))
	fmt.Fprintf(&b, "| RSS after the load runs | %s | — | |\n", mb(r.LoadRSS))
	b.WriteString("\nMB = 10⁶ bytes (VmRSS from `/proc/<pid>/status`).\n")
	return b.String()
}

// coldTable checks the rendered page against the REST list, and the big school against the small.
func (r *report) coldTable() string {
	if len(r.ColdRuns) < 4 {
		return ""
	}
	smallPage, smallREST, bigPage, bigREST := r.ColdRuns[0], r.ColdRuns[1], r.ColdRuns[2], r.ColdRuns[3]
	var b strings.Builder
	b.WriteString("| Measure | Value | Target | Met |\n|---|--:|--:|:-:|\n")
	for _, p := range [][2]runResult{{smallPage, smallREST}, {bigPage, bigREST}} {
		ratio := p[0].RPS / p[1].RPS
		fmt.Fprintf(&b, "| %s req/s ÷ %s req/s | %.2f | ≥ %.1f | %s |\n", p[0].Name, p[1].Name, ratio,
			targetPageVsREST, mark(ratio >= targetPageVsREST))
	}
	grow := float64(bigPage.P50) / float64(smallPage.P50)
	fmt.Fprintf(&b, "| Rendered page p50, 10,000 students ÷ 100 (%s ÷ %s) | %.2f | ≤ %.1f | %s |\n",
		ms(bigPage.P50), ms(smallPage.P50), grow, targetBigVsSmall, mark(grow <= targetBigVsSmall))
	return b.String()
}

// summary is what the terminal shows.
func (r *report) summary() string {
	return "\n" + r.runTable(r.Runs) + "\n" + r.targetTable() + "\n" + r.runTable(r.ColdRuns) + "\n" + r.coldTable() + "\n"
}

// machine describes the CPU, memory, OS and Go release.
func machine() string {
	cpu := procField("/proc/cpuinfo", "model name", ":")
	mem := procField("/proc/meminfo", "MemTotal", ":")
	var kb int64
	fmt.Sscanf(mem, "%d", &kb)
	osName := strings.Trim(procField("/etc/os-release", "PRETTY_NAME", "="), `"`)
	return fmt.Sprintf("%s, %d logical CPUs, %.1f GiB RAM, %s, %s %s/%s", cpu, runtime.NumCPU(),
		float64(kb)/(1<<20), osName, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// loadAvg is the 1, 5 and 15 minute load averages.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if f := strings.Fields(string(b)); err == nil && len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "unknown"
}

// procField is the value of the first "key<sep>value" line of a file, or "unknown".
func procField(path, key, sep string) string {
	f, err := os.Open(path)
	if err != nil {
		return "unknown"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), sep)
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return "unknown"
}
