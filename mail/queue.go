package mail

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// Config tunes the queue; the zero value is the production setting.
type Config struct {
	// Retry lists the waits before each new try after a temporary failure; after the
	// last one the message is failed. Nil means 10 s, 1 min, 5 min.
	Retry []time.Duration
	// DedupeWindow: a message sent less than this ago is not sent again. Default 2 min.
	DedupeWindow time.Duration
	// Timeout bounds one SMTP connection and its sends. Default 30 s.
	Timeout time.Duration
	// Now stamps sent_at and next_try and measures the dedupe window. Default time.Now.
	Now func() time.Time
	// Relink mints a fresh link for a queued message whose link was lost to a restart
	// (links are never stored). Nil: such a message fails, asking for a new sending.
	Relink func(kind, to, placement string) (string, error)
}

func (c Config) withDefaults() Config {
	if c.Retry == nil {
		c.Retry = []time.Duration{10 * time.Second, time.Minute, 5 * time.Minute}
	}
	if c.DedupeWindow == 0 {
		c.DedupeWindow = 2 * time.Minute
	}
	if c.Timeout == 0 {
		c.Timeout = 30 * time.Second
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// batchMax caps the messages sent over one SMTP connection.
const batchMax = 20

// Mailer is the queue and its one worker.
type Mailer struct {
	app core.App
	cfg Config

	mu   sync.Mutex      // guards jobs; held by Enqueue across dedupe, minting and insert
	jobs map[string]*job // queued mail_log rows by id
	wake chan struct{}

	stop context.CancelFunc
	done chan struct{}
}

// job is a queued row as the worker sees it.
type job struct {
	link string    // the secret link, memory only; "" when none or lost to a restart
	due  time.Time // wall clock of the next try
	busy bool      // in the worker's hands
}

// New returns a stopped mailer: Enqueue already works (rows wait in mail_log), Start
// sends them.
func New(app core.App, cfg Config) *Mailer {
	return &Mailer{app: app, cfg: cfg.withDefaults(), jobs: map[string]*job{}, wake: make(chan struct{}, 1)}
}

// Register returns a mailer started when the app serves (after its migrations) and
// stopped when it terminates: the wiring main.go needs.
func Register(app core.App, cfg Config) *Mailer {
	m := New(app, cfg)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if err := m.Start(); err != nil {
			return err
		}
		return se.Next()
	})
	app.OnTerminate().BindFunc(func(e *core.TerminateEvent) error {
		m.Stop()
		return e.Next()
	})
	return m
}

// Receipt tells the caller what Enqueue did.
type Receipt struct {
	ID        string // the mail_log row
	Duplicate bool   // the same message is queued or was just sent: nothing new queued
}

// Enqueue records the message as pending and returns at once; the worker sends it. A
// duplicate (same key, still queued or sent within DedupeWindow) queues nothing and mints
// no link: the receipt points at the existing row.
func (m *Mailer) Enqueue(msg Message) (Receipt, error) {
	if err := msg.validate(); err != nil {
		return Receipt{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	dup, err := duplicate(m.app, msg.dedupeKey(), m.cfg.Now().Add(-m.cfg.DedupeWindow))
	if err != nil {
		return Receipt{}, err
	}
	if dup != nil {
		return Receipt{ID: dup.Id, Duplicate: true}, nil
	}
	var link string
	if msg.Link != nil {
		if link, err = msg.Link(); err != nil {
			return Receipt{}, err
		}
		if err := checkLink(link); err != nil {
			return Receipt{}, err
		}
	}
	rec, err := insert(m.app, msg)
	if err != nil {
		return Receipt{}, err
	}
	m.jobs[rec.Id] = &job{link: link, due: time.Now()}
	m.signal()
	return Receipt{ID: rec.Id}, nil
}

// Start loads the rows left pending by a previous run and starts the worker.
func (m *Mailer) Start() error {
	recs, err := pending(m.app)
	if err != nil {
		return err
	}
	m.mu.Lock()
	if m.stop != nil {
		m.mu.Unlock()
		return errors.New("mail: already started")
	}
	for _, r := range recs {
		if m.jobs[r.Id] == nil {
			m.jobs[r.Id] = &job{due: time.Now()}
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	m.stop, m.done = cancel, make(chan struct{})
	m.mu.Unlock()
	go m.run(ctx)
	return nil
}

// Stop ends the worker and waits for it; queued messages stay pending in mail_log.
func (m *Mailer) Stop() {
	m.mu.Lock()
	stop, done := m.stop, m.done
	m.stop = nil
	m.mu.Unlock()
	if stop != nil {
		stop()
		<-done
	}
}

// signal wakes the worker without blocking.
func (m *Mailer) signal() {
	select {
	case m.wake <- struct{}{}:
	default:
	}
}
