package web

import (
	"context"
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

// closeJob is one confirmed closing: its steps are the leavers' archives, then the closing.
type closeJob struct {
	ID, Owner string
	job[*dossier.ClosingCounts]
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
		if j.status().State == jobRunning {
			return nil, pfmp.Conflict("Une clôture de l'année est déjà en cours : attendez qu'elle se termine.")
		}
	}
	j := &closeJob{ID: newJobID(), Owner: owner}
	js.jobs[j.ID] = j
	j.start(len(leavers)+1, func(progress func(done, total int)) (*dossier.ClosingCounts, error) {
		counts, err := archiveAndApply(leavers, build, apply, progress)
		if err != nil && pfmp.KindOf(err) == pfmp.ErrInternal {
			slog.Error("year closing failed", "error", err)
		}
		progress(len(leavers)+1, len(leavers)+1)
		return counts, err
	})
	return j, nil
}

// archiveAndApply builds each leaver's archive in a temporary folder, then closes the year.
func archiveAndApply(leavers []string, build func(dir, studentID string) (string, error),
	apply func(map[string]string) (*dossier.ClosingCounts, error), progress func(done, total int)) (*dossier.ClosingCounts, error) {
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
		progress(i+1, len(leavers)+1)
	}
	return apply(archives)
}

// buildArchive is the builder the closings use: a leaver's ZIP in dir.
func (s *Server) buildArchive(dir, studentID string) (string, error) {
	return s.archives.BuildFile(context.Background(), dir, studentID)
}
