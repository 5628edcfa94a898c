package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// goTarget is a figure of an issue read off a Go benchmark: its time per operation.
type goTarget struct {
	bench, what string
	max         time.Duration
}

var goTargets = []goTarget{
	{"BenchmarkInterventionsTab50", "Portfolio tab fragment, 50 reports", 10 * time.Millisecond},
	{"BenchmarkSaveWeek", "Saving a week", 10 * time.Millisecond},
	{"BenchmarkSave30Concurrent", "30 concurrent week saves, all done", time.Second},
	{"BenchmarkExportDOCX50", "Portfolio of 50 reports as DOCX, over HTTP", 300 * time.Millisecond},
	{"BenchmarkExportODT50", "Portfolio of 50 reports as ODT, over HTTP", 300 * time.Millisecond},
	{"BenchmarkPreconventionWarm", "One pré-convention PDF, Chromium warm", 300 * time.Millisecond},
	{"BenchmarkPeriod30Warm", "A 30-student period's pré-conventions, one PDF, warm", 3 * time.Second},
	{"BenchmarkSend30", "30 emails enqueued, all received by the SMTP server", 5 * time.Second},
	{"BenchmarkImport1000Students", "Importing 1,000 students, initial passwords hashed", 5 * time.Second},
	{"BenchmarkSlips30", "Login slips of a 30-student class (PDF), warm", time.Second},
	{"BenchmarkOpenTutorLink", "A tutor's link opened to his home (mean; the median is ms-p50)", 20 * time.Millisecond},
	{"BenchmarkSend30TutorLinks", "30 tutor links sent, all received by the SMTP server", 5 * time.Second},
	{"BenchmarkSaveOneChoice", "Saving one choice of a bilan entreprise (mean)", 10 * time.Millisecond},
	{"BenchmarkDashboard60Bilans", "Dashboard of a student with 60 bilans and 200 school evaluations (mean)", 20 * time.Millisecond},
}

// goRatios are figures of the issues that compare two Go benchmarks of one run.
var goRatios = []struct {
	slow, fast, what string
	min              float64
}{
	{"BenchmarkPeriod30OneProcessEach", "BenchmarkPeriod30Warm",
		"30 pré-conventions: one `chromium-headless-shell --print-to-pdf` each ÷ one warm Chromium", 5},
}

var nsPerOp = regexp.MustCompile(`(?m)^(Benchmark\w+)-\d+\s+\d+\s+(\d+(?:\.\d+)?) ns/op`)

// goTargetTable checks the Go benchmarks' ns/op against the issues' figures.
func goTargetTable(out string) string {
	found := map[string]time.Duration{}
	for _, m := range nsPerOp.FindAllStringSubmatch(out, -1) {
		ns, _ := strconv.ParseFloat(m[2], 64)
		found[m[1]] = time.Duration(ns)
	}
	var b strings.Builder
	b.WriteString("| Measure (Go benchmark, time per operation) | Value | Target | Met |\n|---|--:|--:|:-:|\n")
	for _, t := range goTargets {
		d, ok := found[t.bench]
		value, met := "not run", mark(false)
		if ok {
			value, met = ms(d), mark(d <= t.max)
		}
		fmt.Fprintf(&b, "| %s (`%s`) | %s | ≤ %s | %s |\n", t.what, t.bench, value, ms(t.max), met)
	}
	for _, r := range goRatios {
		slow, ok1 := found[r.slow]
		fast, ok2 := found[r.fast]
		value, met := "not run", mark(false)
		if ok1 && ok2 && fast > 0 {
			ratio := float64(slow) / float64(fast)
			value, met = fmt.Sprintf("%.1f×", ratio), mark(ratio >= r.min)
		}
		fmt.Fprintf(&b, "| %s | %s | ≥ %.0f× | %s |\n", r.what, value, r.min, met)
	}
	return b.String()
}
