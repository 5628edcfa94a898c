package print

import (
	"context"
	"crypto/rand"
	"sync"
	"time"
)

// BatchState is where a batch stands.
type BatchState int

const (
	BatchRunning BatchState = iota
	BatchDone
	BatchFailed
)

// String is the state in French, for the progress fragment.
func (s BatchState) String() string {
	switch s {
	case BatchDone:
		return "terminé"
	case BatchFailed:
		return "échec"
	default:
		return "en cours"
	}
}

// Progress is a snapshot of a batch, for the page that polls it.
type Progress struct {
	ID       string
	Owner    string // who started it: the web layer lets only them download it
	FileName string
	Done     int // sections printed
	Total    int
	State    BatchState
	Err      string // French, when State is BatchFailed
}

// File is a finished batch's download.
type File struct {
	Name        string
	ContentType string // application/pdf, or application/zip for several documents
	Data        []byte
}

// BatchOptions tune Batches; the zero value is the production setting.
type BatchOptions struct {
	Keep time.Duration    // how long a finished file stays downloadable; 0: 15 min
	Max  int              // batches held at once, running or finished; 0: 20
	Now  func() time.Time // the clock; nil: time.Now
}

// Batches runs prints too long for a request in the background and keeps each result for
// a while: start answers at once with an id, the page polls Progress, then downloads File.
// Memory stays bounded: at most Max batches, finished ones dropped after Keep.
type Batches struct {
	svc  *Service
	opts BatchOptions
	ctx  context.Context
	stop context.CancelFunc
	wg   sync.WaitGroup

	mu      sync.Mutex
	batches map[string]*batch
}

type batch struct {
	progress Progress
	file     File
	finished time.Time
}

// NewBatches prints with svc.
func NewBatches(svc *Service, opts BatchOptions) *Batches {
	if opts.Keep <= 0 {
		opts.Keep = 15 * time.Minute
	}
	if opts.Max <= 0 {
		opts.Max = 20
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	ctx, stop := context.WithCancel(context.Background())
	return &Batches{svc: svc, opts: opts, ctx: ctx, stop: stop, batches: map[string]*batch{}}
}

// Start prints docs in the background for owner and returns the batch's id. One document
// gives a PDF named fileName; several give a ZIP of their PDFs (see zipName). Progress
// counts the documents' sections. ErrBusy when Max batches are still running.
func (b *Batches) Start(owner, fileName string, docs ...Document) (string, error) {
	if len(docs) == 0 {
		return "", errNothing
	}
	total := 0
	for _, d := range docs {
		total += d.sections()
	}
	id := rand.Text() // unguessable: the id is in URLs
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.makeRoom() {
		return "", ErrBusy
	}
	b.batches[id] = &batch{progress: Progress{ID: id, Owner: owner, FileName: fileName, Total: total}}
	b.wg.Go(func() { b.run(id, fileName, docs) })
	return id, nil
}

// Progress returns the state of batch id; false when it is unknown or expired.
func (b *Batches) Progress(id string) (Progress, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.expire()
	j, ok := b.batches[id]
	if !ok {
		return Progress{}, false
	}
	return j.progress, true
}

// File returns the file of batch id once it is done; false before, after it expired, or
// when it failed.
func (b *Batches) File(id string) (File, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.expire()
	j, ok := b.batches[id]
	if !ok || j.progress.State != BatchDone {
		return File{}, false
	}
	return j.file, true
}

// Close cancels the running batches and waits for them.
func (b *Batches) Close() {
	b.stop()
	b.wg.Wait()
}

// run prints the documents one after the other: the service's queue is shared with the
// single prints of every user, a batch must not take all its workers.
func (b *Batches) run(id, fileName string, docs []Document) {
	pdfs := make([][]byte, 0, len(docs))
	for _, d := range docs {
		pdf, err := b.svc.PDF(b.ctx, d)
		if err != nil {
			b.finish(id, File{}, err)
			return
		}
		pdfs = append(pdfs, pdf)
		b.mu.Lock()
		b.batches[id].progress.Done += d.sections()
		b.mu.Unlock()
	}
	file, err := pack(fileName, docs, pdfs)
	b.finish(id, file, err)
}

func (b *Batches) finish(id string, file File, err error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	j := b.batches[id]
	j.finished = b.opts.Now()
	if err != nil {
		j.progress.State, j.progress.Err = BatchFailed, err.Error()
		return
	}
	j.progress.State, j.file = BatchDone, file
}

// expire drops the finished batches older than Keep. Called under mu.
func (b *Batches) expire() {
	limit := b.opts.Now().Add(-b.opts.Keep)
	for id, j := range b.batches {
		if j.progress.State != BatchRunning && j.finished.Before(limit) {
			delete(b.batches, id)
		}
	}
}

// makeRoom expires old batches, then drops the oldest finished one while Max are held; false
// when all of them still run. Called under mu.
func (b *Batches) makeRoom() bool {
	b.expire()
	for len(b.batches) >= b.opts.Max {
		oldest := ""
		for id, j := range b.batches {
			if j.progress.State != BatchRunning && (oldest == "" || j.finished.Before(b.batches[oldest].finished)) {
				oldest = id
			}
		}
		if oldest == "" {
			return false
		}
		delete(b.batches, oldest)
	}
	return true
}
