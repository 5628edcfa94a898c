// Command bench is Livret's bounded loopback load tool: it seeds a data folder, starts the
// built binary, measures cold start, memory and latency of a few pages against PocketBase's
// REST API, runs the Go benchmarks and writes a Markdown report. `make bench` runs it.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// config is the command line.
type config struct {
	bin, out, data string
	dur, warm      time.Duration
	conc, starts   int
	coldOnly       bool
}

func main() {
	var cfg config
	flag.StringVar(&cfg.bin, "bin", "bin/livret", "the built livret binary to serve")
	flag.StringVar(&cfg.out, "out", "BENCHMARKS.md", "where to write the Markdown report")
	flag.StringVar(&cfg.data, "data", "bin/benchdata", "data folder, wiped and reseeded (must be in a bin/ folder)")
	flag.DurationVar(&cfg.dur, "duration", 3*time.Second, "length of each load run")
	flag.DurationVar(&cfg.warm, "warmup", 500*time.Millisecond, "warm-up before each load run")
	flag.IntVar(&cfg.conc, "c", 10, "concurrent clients per load run")
	flag.IntVar(&cfg.starts, "starts", 3, "cold starts to take the median of")
	flag.BoolVar(&cfg.coldOnly, "cold-only", false, "only the rendered-page runs, printed, no report written")
	flag.Parse()
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// checkPaths refuses a binary under the temp dir (PocketBase would take it for `go run`)
// and a data folder outside a bin/ folder (it is wiped).
func checkPaths(cfg *config) error {
	var err error
	if cfg.bin, err = filepath.Abs(cfg.bin); err != nil {
		return err
	}
	if cfg.data, err = filepath.Abs(cfg.data); err != nil {
		return err
	}
	if tmp, _ := filepath.Abs(os.TempDir()); strings.HasPrefix(cfg.bin, tmp+string(filepath.Separator)) {
		return fmt.Errorf("binary %s is under the temp dir: PocketBase would run in dev mode", cfg.bin)
	}
	if filepath.Base(filepath.Dir(cfg.data)) != "bin" {
		return errors.New("the data folder must sit directly in a bin/ folder: " + cfg.data)
	}
	if _, err := os.Stat(cfg.bin); err != nil {
		return fmt.Errorf("binary: %w (run `make bench`)", err)
	}
	return nil
}

func run(cfg config) error {
	if err := checkPaths(&cfg); err != nil {
		return err
	}
	rep := &report{Config: cfg, Date: time.Now()}
	if cfg.coldOnly {
		return coldOnly(cfg, rep)
	}
	if err := measure(cfg, rep); err != nil {
		return err // nothing trustworthy to write
	}
	out, err := goBench()
	if err != nil {
		return fmt.Errorf("go benchmarks: %w\n%s", err, out)
	}
	rep.GoBench = out
	if err := os.WriteFile(cfg.out, []byte(rep.markdown()+keptSection(cfg.out, suiteSection)), 0o644); err != nil {
		return err
	}
	fmt.Print(rep.summary())
	fmt.Println("report written to", cfg.out)
	if n := rep.loadErrors(); n > 0 {
		return fmt.Errorf("%d request(s) failed during the load runs (see the report)", n)
	}
	return nil
}

// coldOnly runs the rendered-page comparisons alone and prints them: the quick loop while
// working on the page's cost.
func coldOnly(cfg config, rep *report) error {
	ids, err := prepare(cfg.data, smallStudent)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	if err := coldCacheRuns(cfg, ids, rep); err != nil {
		return err
	}
	fmt.Print("\n" + rep.runTable(rep.ColdRuns) + "\n" + rep.coldTable() + "\n")
	return nil
}

// suiteSection is the report's part measured by hand (the test suite's wall time against an
// older commit's, in one sitting): kept from the previous report as it was.
const suiteSection = "## Test suite"

// keptSection is the section titled title of the file at path, up to the next section.
func keptSection(path, title string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	text := string(b)
	i := strings.Index(text, "\n"+title+"\n")
	if i < 0 {
		return ""
	}
	rest := text[i+1:]
	if j := strings.Index(rest[len(title):], "\n## "); j >= 0 {
		rest = rest[:len(title)+j+1]
	}
	return "\n" + rest
}
