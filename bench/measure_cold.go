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
// 10,000-student one, each in its own server. Both servers run side by side and the four
// requests take turns, coldRounds times: each reported run is the median round of its
// request, so that the machine slowing down for a minute does not decide a ratio (measuring
// one school after the other, the 10,000 ÷ 100 ratio of the same binary read 0.99 then 1.34).
func coldCacheRuns(cfg config, small seeded, rep *report) error {
	var sessions []*coldSession
	defer func() {
		for _, s := range sessions {
			s.srv.stop()
		}
	}()
	for _, sc := range []school{{"100 students", cfg.data, 0}, {"10,000 students", cfg.data + "-10k", bigStudents}} {
		ids := small
		if sc.students > 0 {
			fmt.Println("seeding", sc.dir)
			var err error
			if ids, err = prepare(sc.dir, sc.students); err != nil {
				return fmt.Errorf("seed %s: %w", sc.label, err)
			}
		}
		s, err := openCold(cfg, sc, ids)
		if err != nil {
			return err
		}
		sessions = append(sessions, s)
	}
	rounds := map[string][]runResult{}
	for range coldRounds {
		for _, s := range sessions {
			for _, t := range s.targets {
				fmt.Printf("load: %s (%d clients, %s)\n", t.Name, cfg.conc, cfg.dur)
				r, err := loadRun(s.client, s.srv, t, cfg.conc, cfg.warm, cfg.dur)
				if err != nil {
					return err
				}
				rounds[t.Name] = append(rounds[t.Name], r)
			}
		}
	}
	for _, s := range sessions {
		for _, t := range s.targets {
			rep.ColdRuns = append(rep.ColdRuns, medianRun(rounds[t.Name]))
		}
	}
	return nil
}

// coldSession is one school's server with the view cache off, logged in, and its two
// requests: the rendered page, then the REST list.
type coldSession struct {
	srv     *server
	client  *http.Client
	targets []target
}

// openCold serves one school with the view cache off and checks its page and REST list; the
// server is stopped again if any of that fails.
func openCold(cfg config, sc school, ids seeded) (_ *coldSession, err error) {
	srv, _, err := start(cfg.bin, sc.dir, "LIVRET_VIEW_CACHE=off")
	if err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			srv.stop()
		}
	}()
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
	return &coldSession{srv: srv, client: c, targets: []target{page, rest}}, nil
}

// coldRounds is how many times the rendered page and the REST list alternate.
const coldRounds = 3

// medianRun is the run of median throughput.
func medianRun(runs []runResult) runResult {
	sorted := slices.Clone(runs)
	slices.SortFunc(sorted, func(a, b runResult) int { return cmp.Compare(a.RPS, b.RPS) })
	return sorted[len(sorted)/2]
}
