package print

import "time"

// acquire returns the running Chromium, starting one when there is none, when the last one
// died, or when it has printed MaxJobs documents (Chromium's memory grows with its age).
func (s *Service) acquire() (*browser, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, ErrClosed
	}
	if s.cur != nil && (!s.cur.alive() || s.cur.jobs >= s.opts.MaxJobs) {
		s.retire(s.cur)
		s.cur = nil
	}
	if s.cur == nil {
		path, err := s.chromePath()
		if err != nil {
			return nil, err
		}
		// Under the lock on purpose: jobs arriving meanwhile wait for this start.
		b, err := startBrowser(path, s.opts.Workers, s.opts.Logger)
		if err != nil {
			return nil, fail(ErrUnavailable, err)
		}
		s.cur = b
	}
	s.cur.jobs++
	s.cur.active++
	return s.cur, nil
}

// release ends a job on b: a retired browser stops after its last job, the current one
// starts its idle countdown.
func (s *Service) release(b *browser) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b.active--
	switch {
	case b != s.cur:
		s.retire(b)
	case b.active == 0:
		s.idleSince = time.Now()
		if s.idle == nil {
			s.idle = time.AfterFunc(s.opts.IdleTimeout, s.closeIdle)
		} else {
			s.idle.Reset(s.opts.IdleTimeout)
		}
	}
}

// closeIdle stops Chromium once it has had no job for IdleTimeout. The timer may fire for
// an older countdown while a job runs or just after: the checks make that a no-op.
func (s *Service) closeIdle() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cur == nil || s.cur.active > 0 || time.Since(s.idleSince) < s.opts.IdleTimeout {
		return
	}
	s.retire(s.cur)
	s.cur = nil
}

// retire takes b out of service, stopping it once its last job has ended (at once when
// the service closes). Stopping waits for the process to end and its profile to be
// removed, so it runs in the background. Called under mu.
func (s *Service) retire(b *browser) {
	if b.stopped || (b.active > 0 && !s.closed) {
		return
	}
	b.stopped = true
	s.stopping.Go(b.stop)
}
