package print

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// benchPrint renders and prints with the warm shared Chromium, b.N times.
func benchPrint(b *testing.B, render func() (Document, error)) {
	doc, err := render()
	mustPDF(b, doc, err) // warms Chromium up
	b.ResetTimer()
	for b.Loop() {
		doc, err := render()
		mustPDF(b, doc, err)
	}
}

func BenchmarkPreconventionWarm(b *testing.B) {
	benchPrint(b, func() (Document, error) { return RenderPreconventions(testPreconvention(0)) })
}

func period30() []Preconvention {
	ps := make([]Preconvention, 30)
	for i := range ps {
		ps[i] = testPreconvention(i)
	}
	return ps
}

func BenchmarkPeriod30Warm(b *testing.B) {
	benchPrint(b, func() (Document, error) { return RenderPreconventions(period30()...) })
	b.ReportMetric(chromiumMemory(b, shared.pid())/1e6, "chromium-MB")
}

// BenchmarkPeriod30OneProcessEach is what the service replaces: the same 30 documents,
// one `chromium-headless-shell --print-to-pdf` each.
func BenchmarkPeriod30OneProcessEach(b *testing.B) {
	chrome, err := ChromePath()
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	var files []string
	for i, p := range period30() {
		doc, err := RenderPreconventions(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, filepath.Join(dir, fmt.Sprintf("%02d.html", i)))
		if err := os.WriteFile(files[i], doc.HTML, 0o600); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		for _, f := range files {
			out, err := exec.Command(chrome, "--headless", "--no-sandbox", "--disable-gpu",
				"--print-to-pdf="+f+".pdf", "file://"+f).CombinedOutput()
			if err != nil {
				b.Fatal(err, string(out))
			}
		}
	}
}

// chromiumMemory is the memory Chromium holds: the proportional set size (shared pages
// split between the processes that share them) of the process pid and its children.
func chromiumMemory(b testing.TB, pid int) float64 {
	children := map[int][]int{}
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		child, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		stat, err := os.ReadFile("/proc/" + e.Name() + "/stat")
		if err != nil {
			continue
		}
		// The command name is in parentheses and may hold spaces: the fields after it.
		fields := strings.Fields(string(stat[strings.LastIndexByte(string(stat), ')')+1:]))
		parent, _ := strconv.Atoi(fields[1])
		children[parent] = append(children[parent], child)
	}
	var total float64
	for todo := []int{pid}; len(todo) > 0; todo = todo[1:] {
		rollup, err := os.ReadFile(fmt.Sprintf("/proc/%d/smaps_rollup", todo[0]))
		if err != nil {
			continue
		}
		for line := range strings.SplitSeq(string(rollup), "\n") {
			if kb, ok := strings.CutPrefix(line, "Pss:"); ok {
				n, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(kb), " kB"), 64)
				total += n * 1024
			}
		}
		todo = append(todo, children[todo[0]]...)
	}
	if total == 0 {
		b.Fatalf("no Chromium process under pid %d", pid)
	}
	return total
}
