package web

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
)

// Work done in the background while its page polls the progress: a students' or teachers'
// import (importJob), the closing of the year (closeJob).

// jobState is where a background job stands.
type jobState int

const (
	jobWaiting jobState = iota // not started: an import previewed, awaiting its confirmation
	jobRunning
	jobDone
	jobFailed
)

// job is a background job's progress and end; T is what it produces.
type job[T any] struct {
	mu          sync.Mutex
	state       jobState
	done, total int
	result      T
	err         error
}

// jobStatus is a job at one moment, for its page.
type jobStatus[T any] struct {
	State       jobState
	Done, Total int
	Result      T
	Err         error
}

func (j *job[T]) status() jobStatus[T] {
	j.mu.Lock()
	defer j.mu.Unlock()
	return jobStatus[T]{State: j.state, Done: j.done, Total: j.total, Result: j.result, Err: j.err}
}

// progress is where the work is: done of total steps.
func (j *job[T]) progress(done, total int) {
	j.mu.Lock()
	j.done, j.total = done, total
	j.mu.Unlock()
}

// start runs work once in the background, from a waiting job, with total steps first; false
// when the job had started already.
func (j *job[T]) start(total int, work func(progress func(done, total int)) (T, error)) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.state != jobWaiting {
		return false
	}
	j.state, j.total = jobRunning, total
	go func() {
		out, err := work(j.progress)
		j.mu.Lock()
		defer j.mu.Unlock()
		j.result, j.err, j.state = out, err, jobDone
		if err != nil {
			j.state = jobFailed
		}
	}()
	return true
}

// newJobID names a job in its page's address: random, so that nobody guesses another's.
func newJobID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
