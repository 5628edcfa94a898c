package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"os"
	"sync"

	"livret/dossier"
	"livret/pfmp"
)

// A closing of the year runs in the background while its page polls the progress: first each
// leaver's archive is built (one ZIP file each, in a temporary folder), then one transaction
// stores them and moves the school (dossier.CloseYear). Only one closing runs at a time; a
// closing is kept in memory until the process ends (its result is recorded in year_closings).

// closeState is where a closing stands.
type closeState int

const (
	closeRunning closeState = iota
	closeDone
	closeFailed
)

// closeJob is one confirmed closing.
type closeJob struct {
	ID, Owner string

	mu          sync.Mutex
	state       closeState
	done, total int
	counts      *dossier.ClosingCounts
	err         error
}

// closeStatus is a closing at one moment, for its page.
type closeStatus struct {
	State       closeState
	Done, Total int
	Counts      *dossier.ClosingCounts
	Err         error
}

func (j *closeJob) status() closeStatus {
	j.mu.Lock()
	defer j.mu.Unlock()
	return closeStatus{State: j.state, Done: j.done, Total: j.total, Counts: j.counts, Err: j.err}
}

func (j *closeJob) progress(done int) {
	j.mu.Lock()
	j.done = done
	j.mu.Unlock()
}

// closeJobs holds the closings of the process.
type closeJobs struct {
	mu   sync.Mutex
	jobs map[string]*closeJob
}

func newCloseJobs() *closeJobs { return &closeJobs{jobs: map[string]*closeJob{}} }

const msgNoClosing = "Cette clôture n'existe pas (ou plus) : consultez les années clôturées sur la page « Fin d'année scolaire »."

// get is the owner's closing; others learn nothing of it.
func (js *closeJobs) get(id, owner string) (*closeJob, error) {
	js.mu.Lock()
	defer js.mu.Unlock()
	if j := js.jobs[id]; j != nil && j.Owner == owner {
		return j, nil
	}
	return nil, pfmp.NotFound(msgNoClosing)
}

// start runs a closing in the background: the leavers' archives, then the closing itself.
func (js *closeJobs) start(owner string, leavers []string, build func(dir, studentID string) (string, error),
	apply func(archives map[string]string) (*dossier.ClosingCounts, error)) (*closeJob, error) {
	js.mu.Lock()
	defer js.mu.Unlock()
	for _, j := range js.jobs {
		if j.status().State == closeRunning {
			return nil, pfmp.Conflict("Une clôture de l'année est déjà en cours : attendez qu'elle se termine.")
		}
	}
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	j := &closeJob{ID: hex.EncodeToString(b), Owner: owner, total: len(leavers) + 1}
	js.jobs[j.ID] = j
	go j.run(leavers, build, apply)
	return j, nil
}

func (j *closeJob) run(leavers []string, build func(dir, studentID string) (string, error),
	apply func(map[string]string) (*dossier.ClosingCounts, error)) {
	counts, err := j.archiveAndApply(leavers, build, apply)
	if err != nil && pfmp.KindOf(err) == pfmp.ErrInternal {
		slog.Error("year closing failed", "error", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.counts, j.err, j.state, j.done = counts, err, closeDone, j.total
	if err != nil {
		j.state = closeFailed
	}
}

func (j *closeJob) archiveAndApply(leavers []string, build func(dir, studentID string) (string, error),
	apply func(map[string]string) (*dossier.ClosingCounts, error)) (*dossier.ClosingCounts, error) {
	dir, err := os.MkdirTemp("", "livret-cloture-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	archives := map[string]string{}
	for i, id := range leavers {
		if archives[id], err = build(dir, id); err != nil {
			return nil, err
		}
		j.progress(i + 1)
	}
	return apply(archives)
}

// buildArchive is the builder the closings use: a leaver's ZIP in dir.
func (s *Server) buildArchive(dir, studentID string) (string, error) {
	return s.archives.BuildFile(context.Background(), dir, studentID)
}
