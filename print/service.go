package print

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os/exec"
	"runtime"
	"sync"
	"time"
)

// Options tune a Service; the zero value is the production setting.
type Options struct {
	// ChromePath is the browser to run; "" looks it up (ChromePath) at each start, so
	// installing Chromium later needs no restart of the app.
	ChromePath  string
	Workers     int           // documents printed at once; 0: one per core
	MaxWaiting  int           // documents waiting for a worker before ErrBusy; 0: 32
	JobTimeout  time.Duration // for one document, once a worker has it; 0: 1 min
	IdleTimeout time.Duration // Chromium is stopped after this long without a job; 0: 3 min
	MaxJobs     int           // Chromium is replaced after this many documents; 0: 500
	Logger      *slog.Logger  // nil: slog.Default()
}

func (o Options) withDefaults() Options {
	if o.Workers <= 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.MaxWaiting <= 0 {
		o.MaxWaiting = 32
	}
	if o.JobTimeout <= 0 {
		o.JobTimeout = time.Minute
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 3 * time.Minute
	}
	if o.MaxJobs <= 0 {
		o.MaxJobs = 500
	}
	if o.Logger == nil {
		o.Logger = slog.Default()
	}
	return o
}

// Service prints HTML documents to PDF with one headless Chromium for the whole process:
// started on the first print, stopped when idle, replaced after a crash and every MaxJobs
// documents. Safe for concurrent use.
type Service struct {
	opts    Options
	queue   chan struct{} // a token per admitted document, running or waiting: the queue's bound
	workers chan struct{} // a token per document being printed

	mu        sync.Mutex
	cur       *browser    // nil while stopped
	idle      *time.Timer // stops cur after IdleTimeout without a job
	idleSince time.Time   // when cur's last job ended
	closed    bool
	stopping  sync.WaitGroup // browsers being stopped in the background
}

// New returns a service; Chromium starts on the first print, not here.
func New(opts Options) *Service {
	opts = opts.withDefaults()
	return &Service{
		opts:    opts,
		queue:   make(chan struct{}, opts.Workers+opts.MaxWaiting),
		workers: make(chan struct{}, opts.Workers),
	}
}

// PDF prints doc. Every error it returns has a French text safe to show: ErrUnavailable
// (no Chromium), ErrBusy (queue full), ErrTimeout, ErrCanceled (ctx ended), ErrFailed,
// ErrClosed. A job whose Chromium dies under it is retried once on a fresh one.
func (s *Service) PDF(ctx context.Context, doc Document) ([]byte, error) {
	select {
	case s.queue <- struct{}{}:
		defer func() { <-s.queue }()
	default:
		return nil, ErrBusy
	}
	select {
	case s.workers <- struct{}{}:
		defer func() { <-s.workers }()
	case <-ctx.Done():
		return nil, fail(ErrCanceled, ctx.Err())
	}
	pdf, err := s.printOnce(ctx, doc)
	if errors.Is(err, errLost) {
		s.opts.Logger.Warn("print: Chromium died during a job; retrying on a new one", "cause", Cause(err))
		pdf, err = s.printOnce(ctx, doc)
	}
	if errors.Is(err, errLost) {
		err = fail(ErrFailed, fmt.Errorf("Chromium died twice: %s", Cause(err)))
	}
	if Cause(err) != "" && !errors.Is(err, ErrCanceled) {
		s.opts.Logger.Error("print: "+err.Error(), "title", doc.Title, "cause", Cause(err))
	}
	return pdf, err
}

func (s *Service) printOnce(ctx context.Context, doc Document) ([]byte, error) {
	b, err := s.acquire()
	if err != nil {
		return nil, err
	}
	defer s.release(b)
	jobCtx, cancel := context.WithTimeout(ctx, s.opts.JobTimeout)
	defer cancel()
	pdf, err := b.printTab(jobCtx, doc)
	return pdf, b.classify(jobCtx, err)
}

// Available tells whether a print can start: nil, or ErrUnavailable when no Chromium is
// found. It does not start Chromium; menus can grey their print entries with it.
func (s *Service) Available() error {
	_, err := s.chromePath()
	return err
}

func (s *Service) chromePath() (string, error) {
	path, err := s.opts.ChromePath, error(nil)
	if path == "" {
		path, err = ChromePath()
	} else {
		_, err = exec.LookPath(path)
	}
	if err != nil {
		return "", fail(ErrUnavailable, err)
	}
	return path, nil
}

// Close stops Chromium and refuses new jobs; jobs still running fail.
func (s *Service) Close() {
	s.mu.Lock()
	s.closed = true
	if s.idle != nil {
		s.idle.Stop()
	}
	if s.cur != nil {
		s.retire(s.cur)
		s.cur = nil
	}
	s.mu.Unlock()
	s.stopping.Wait()
}
