package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"time"

	"livret/demo"
)

// measure seeds, times the cold starts, then logs in and runs the loads on the last server.
func measure(cfg config, rep *report) error {
	rep.LoadAvg[0] = loadAvg()
	fmt.Println("seeding", cfg.data)
	ids, err := prepare(cfg.data, smallStudent)
	if err != nil {
		return fmt.Errorf("seed: %w", err)
	}
	srv, err := coldStarts(cfg, rep)
	if err != nil {
		return fmt.Errorf("cold start: %w", err)
	}
	defer srv.stop()
	c := newClient(cfg.conc)
	if err := login(c, srv.base, teacher, demo.Password); err != nil {
		return err
	}
	runs := targets(ids)
	if err := verifyTarget(c, srv.base, runs[0]); err != nil { // one logged-in page view
		return err
	}
	time.Sleep(time.Second)
	if rep.IdleRSS, err = srv.rss(); err != nil {
		return err
	}
	tok, err := superuserToken(c, srv.base)
	if err != nil {
		return err
	}
	runs[3].header.Set("Authorization", tok)
	for _, t := range runs {
		fmt.Printf("load: %s (%d clients, %s)\n", t.Name, cfg.conc, cfg.dur)
		r, err := loadRun(c, srv, t, cfg.conc, cfg.warm, cfg.dur)
		if err != nil {
			return err
		}
		rep.Runs = append(rep.Runs, r)
	}
	if rep.LoadRSS, err = srv.rss(); err != nil {
		return err
	}
	srv.stop()
	if err := coldCacheRuns(cfg, ids, rep); err != nil {
		return err
	}
	rep.LoadAvg[1] = loadAvg()
	return nil
}

// coldStarts starts the server cfg.starts times, stopping all but the last.
func coldStarts(cfg config, rep *report) (*server, error) {
	var srv *server
	for range cfg.starts {
		if srv != nil {
			srv.stop()
		}
		s, d, err := start(cfg.bin, cfg.data)
		if err != nil {
			return nil, err
		}
		fmt.Printf("cold start: %s\n", d.Round(100*time.Microsecond))
		srv, rep.Cold = s, append(rep.Cold, d)
	}
	return srv, nil
}

// benchPackages hold the Go benchmarks of the issues' figures.
var benchPackages = []string{"./web/", "./pfmp/", "./export/", "./print/", "./mail/", "./accounts/"}

// goBench runs the Go benchmarks of the pages and the rules, output verbatim.
func goBench() (string, error) {
	fmt.Println("go test -bench", strings.Join(benchPackages, " "))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	args := append([]string{"test", "-run", "^$", "-bench", ".", "-benchmem", "-count", "1"}, benchPackages...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	out, err := cmd.CombinedOutput()
	return string(out), err
}
