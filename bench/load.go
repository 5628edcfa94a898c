package main

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"time"
)

// target is one kind of request a load run repeats.
type target struct {
	Name, Path string
	header     http.Header
	check      func(body []byte) error // on every response
	verify     func(body []byte) error // once before the run, more thorough
}

// runResult is one load run's figures.
type runResult struct {
	target
	N, Errors     int
	FirstError    string
	P50, P95, P99 time.Duration
	RPS           float64
	CPUPerReq     time.Duration // the server's CPU time per request of the measured phase
}

// samples is what workers collect: latencies and failures.
type samples struct {
	lat      []time.Duration
	errors   int
	firstErr string
}

func (s *samples) add(o samples) {
	s.lat = append(s.lat, o.lat...)
	s.errors += o.errors
	if s.firstErr == "" {
		s.firstErr = o.firstErr
	}
}

// verifyTarget fetches the target once and checks the answer thoroughly.
func verifyTarget(c *http.Client, base string, t target) error {
	status, body, err := get(c, base+t.Path, t.header)
	if err == nil && status != http.StatusOK {
		err = fmt.Errorf("status %d", status)
	}
	if err == nil {
		err = t.verify(body)
	}
	if err != nil {
		return fmt.Errorf("%s: GET %s: %w", t.Name, t.Path, err)
	}
	return nil
}

// loadRun checks one response thoroughly, warms up, then measures conc workers for dur.
func loadRun(c *http.Client, srv *server, t target, conc int, warm, dur time.Duration) (runResult, error) {
	base := srv.base
	if err := verifyTarget(c, base, t); err != nil {
		return runResult{}, err
	}
	warmed, _ := phase(c, base, t, conc, warm)
	cpu0, err := srv.cpu()
	if err != nil {
		return runResult{}, err
	}
	s, elapsed := phase(c, base, t, conc, dur)
	cpu1, err := srv.cpu()
	if err != nil {
		return runResult{}, err
	}
	s.add(samples{errors: warmed.errors, firstErr: warmed.firstErr})
	r := runResult{target: t, N: len(s.lat), Errors: s.errors, FirstError: s.firstErr}
	slices.Sort(s.lat)
	r.P50, r.P95, r.P99 = percentile(s.lat, 50), percentile(s.lat, 95), percentile(s.lat, 99)
	r.RPS = float64(r.N) / elapsed.Seconds()
	r.CPUPerReq = (cpu1 - cpu0) / time.Duration(max(r.N, 1))
	return r, nil
}

// phase runs conc workers until d has passed and returns their samples and the wall time.
func phase(c *http.Client, base string, t target, conc int, d time.Duration) (samples, time.Duration) {
	out := make([]samples, conc)
	var wg sync.WaitGroup
	t0 := time.Now()
	end := t0.Add(d)
	for i := range out {
		wg.Go(func() { out[i] = worker(c, base+t.Path, t, end) })
	}
	wg.Wait()
	elapsed := time.Since(t0)
	var all samples
	for _, o := range out {
		all.add(o)
	}
	return all, elapsed
}

// worker sends requests one after the other until end; each is bounded by the client timeout.
func worker(c *http.Client, url string, t target, end time.Time) samples {
	var s samples
	for time.Now().Before(end) {
		t0 := time.Now()
		status, body, err := get(c, url, t.header)
		s.lat = append(s.lat, time.Since(t0))
		if err == nil && status != http.StatusOK {
			err = fmt.Errorf("status %d", status)
		}
		if err == nil {
			err = t.check(body)
		}
		if err != nil {
			s.errors++
			if s.firstErr == "" {
				s.firstErr = err.Error()
			}
		}
	}
	return s
}

// percentile is the nearest-rank percentile of sorted latencies.
func percentile(sorted []time.Duration, p int) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := (len(sorted)*p + 99) / 100
	return sorted[max(i-1, 0)]
}
