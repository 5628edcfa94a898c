package main

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"

	"livret/demo"
)

// school is a data set of the cold-cache runs.
type school struct {
	label    string
	dir      string
	students int
}

// coldCacheRuns measures the period page rendered afresh on every request (the view cache
// off) against PocketBase's REST list of the same 30 students, on the small school and on a
// 10,000-student one, each in its own server.
func coldCacheRuns(cfg config, small seeded, rep *report) error {
	for _, sc := range []school{{"100 students", cfg.data, 0}, {"10,000 students", cfg.data + "-10k", bigStudents}} {
		ids := small
		if sc.students > 0 {
			fmt.Println("seeding", sc.dir)
			var err error
			if ids, err = prepare(sc.dir, sc.students); err != nil {
				return fmt.Errorf("seed %s: %w", sc.label, err)
			}
		}
		runs, err := coldRunsOn(cfg, sc, ids)
		if err != nil {
			return err
		}
		rep.ColdRuns = append(rep.ColdRuns, runs...)
	}
	return nil
}

// coldRunsOn serves one school with the view cache off and runs the page and the REST list.
func coldRunsOn(cfg config, sc school, ids seeded) ([]runResult, error) {
	srv, _, err := start(cfg.bin, sc.dir, "LIVRET_VIEW_CACHE=off")
	if err != nil {
		return nil, err
	}
	defer srv.stop()
	c := newClient(cfg.conc)
	if err := login(c, srv.base, teacher, demo.Password); err != nil {
		return nil, err
	}
	tok, err := superuserToken(c, srv.base)
	if err != nil {
		return nil, err
	}
	all := targets(ids)
	page, rest := all[0], all[3]
	page.Name = "Period page, rendered (" + sc.label + ")"
	rest.Name = "PocketBase REST list (" + sc.label + ")"
	rest.header = http.Header{"Authorization": {tok}}
	for _, t := range []target{page, rest} {
		if err := verifyTarget(c, srv.base, t); err != nil {
			return nil, err
		}
	}
	// The page and the list alternate, coldRounds times: each reported run is the median of
	// its target's, so that a burst of other work on the machine does not decide the ratio.
	rounds := map[string][]runResult{}
	for range coldRounds {
		for _, t := range []target{page, rest} {
			fmt.Printf("load: %s (%d clients, %s)\n", t.Name, cfg.conc, cfg.dur)
			r, err := loadRun(c, srv, t, cfg.conc, cfg.warm, cfg.dur)
			if err != nil {
				return nil, err
			}
			rounds[t.Name] = append(rounds[t.Name], r)
		}
	}
	out := []runResult{medianRun(rounds[page.Name]), medianRun(rounds[rest.Name])}
	return out, nil
}

// coldRounds is how many times the rendered page and the REST list alternate.
const coldRounds = 3

// medianRun is the run of median throughput.
func medianRun(runs []runResult) runResult {
	sorted := slices.Clone(runs)
	slices.SortFunc(sorted, func(a, b runResult) int { return cmp.Compare(a.RPS, b.RPS) })
	return sorted[len(sorted)/2]
}
