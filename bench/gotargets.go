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
	{"BenchmarkOpenTutorLink", "A tutor's link opened to his home (mean; the median is ms-p50)", 20 * time.Millisecond},
	{"BenchmarkSend30TutorLinks", "30 tutor links sent, all received by the SMTP server", 5 * time.Second},
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
	return b.String()
}
