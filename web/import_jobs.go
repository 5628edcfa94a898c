package web

import (
	"sync"
	"time"

	"livret/accounts"
	"livret/dossier"
	"livret/pfmp"
)

// Imports between their preview and their end, in memory: a file is read and previewed, then
// confirmed and applied in the background while its page polls the progress. Only the teacher
// who sent it sees it, at the address of its kind of file; it is forgotten an hour later (or at
// a restart: send the file again).

const (
	importLifetime = time.Hour
	maxImportJobs  = 50 // a file of 10,000 students weighs a few Mo in memory
)

// importJob is one file sent: its sheet, its preview's plan, and once confirmed its progress.
type importJob struct {
	ID, Owner, FileName string
	Sheet               *accounts.Sheet
	Preview             *accounts.Plan
	created             time.Time
	job[*importResult]
}

// importResult is what an applied import did: its outcome and, for teachers, their invitations.
type importResult struct {
	*dossier.ImportOutcome
	Invited, NotInvited int  // invitations queued, and those that failed to be
	MailOff             bool // no SMTP: nobody was invited, their slips are to print
}

// importJobs holds the jobs of the process.
type importJobs struct {
	mu   sync.Mutex
	jobs map[string]*importJob
	now  func() time.Time
}

func newImportJobs(now func() time.Time) *importJobs {
	return &importJobs{jobs: map[string]*importJob{}, now: now}
}

// add keeps a previewed file and names it.
func (js *importJobs) add(owner, fileName string, sh *accounts.Sheet, preview *accounts.Plan) *importJob {
	j := &importJob{ID: newJobID(), Owner: owner, FileName: fileName, Sheet: sh, Preview: preview, created: js.now()}
	js.mu.Lock()
	defer js.mu.Unlock()
	var oldest *importJob
	for id, old := range js.jobs {
		if old.status().State == jobRunning {
			continue
		}
		if js.now().Sub(old.created) > importLifetime {
			delete(js.jobs, id)
		} else if oldest == nil || old.created.Before(oldest.created) {
			oldest = old
		}
	}
	if len(js.jobs) >= maxImportJobs && oldest != nil {
		delete(js.jobs, oldest.ID)
	}
	js.jobs[j.ID] = j
	return j
}

const msgNoImport = "Cet import n'existe pas (ou plus) : un fichier envoyé reste une heure en attente de confirmation. Envoyez-le de nouveau."

// get is the owner's job of a kind of file; others learn nothing of it.
func (js *importJobs) get(id, owner string, kind *accounts.Kind) (*importJob, error) {
	js.mu.Lock()
	j := js.jobs[id]
	js.mu.Unlock()
	if j == nil || j.Owner != owner || j.Sheet.Kind != kind {
		return nil, pfmp.NotFound(msgNoImport)
	}
	return j, nil
}

// importApply applies a job's file, reporting its progress.
type importApply func(progress func(done, total int)) (*importResult, error)

// start runs apply once in the background, reporting its progress into the job.
func (j *importJob) start(apply importApply) error {
	if !j.job.start(j.Preview.Writes(), apply) {
		return pfmp.Conflict("Cet import a déjà été confirmé : suivez sa progression ci-dessous.")
	}
	return nil
}
