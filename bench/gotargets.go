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
	{"BenchmarkImport1000Students", "Importing 1,000 students, initial passwords hashed", 5 * time.Second},
	{"BenchmarkSlips30", "Login slips of a 30-student class (PDF), warm", time.Second},
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
