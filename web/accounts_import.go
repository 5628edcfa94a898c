package web

// An accounts import: someone with the right sends a CSV file — the students' that the school
// software exports (teachers given the right, users.can_import), or the teachers' (the
// school's administrator, teachers_import.go); the preview lists what will be created, updated,
// left alone and every rejected line with its reason; confirming applies it in one transaction
// in the background, its page polling the progress (import_jobs.go).

import (
	"io"
	"log/slog"
	"path/filepath"

	"github.com/gofiber/fiber/v2"

	"livret/accounts"
	"livret/pfmp"
)

// accountsImport is one kind of import: its pages' addresses and words, the file it reads,
// its preview, and what confirming it does.
type accountsImport struct {
	URL                string // the upload form; a file's page is URL/<id>
	Title              string // « Importer des élèves »
	One, Many          string // « élève », « élèves »
	BackURL, BackLabel string // the accounts' page it comes from
	Teachers           bool   // the templates' words and columns for teachers
	kind               *accounts.Kind
	preview            func(s *Server, sh *accounts.Sheet) (*accounts.Plan, error)
	confirm            func(s *Server, c *fiber.Ctx, j *importJob) importApply // read c before returning
}

const (
	importURL      = "/comptes/import"
	msgImportFails = "L'import a échoué et rien n'a été importé : aucun compte, aucune classe n'a été créé ni modifié. Réessayez ; si l'échec se répète, prévenez l'administrateur."
)

// studentsImport is the students' file, sent by the teachers given the right.
var studentsImport = &accountsImport{URL: importURL, Title: "Importer des élèves", One: "élève", Many: "élèves",
	BackURL: accountsURL, BackLabel: "Comptes des élèves", kind: accounts.Students,
	preview: func(s *Server, sh *accounts.Sheet) (*accounts.Plan, error) { return s.store.PreviewImport(sh) },
	confirm: func(s *Server, _ *fiber.Ctx, j *importJob) importApply {
		return func(progress func(done, total int)) (*importResult, error) {
			out, err := s.store.ApplyImport(j.Sheet, j.Owner, progress)
			if err != nil {
				return nil, err
			}
			return &importResult{ImportOutcome: out}, nil
		}
	}}

func (k *accountsImport) jobURL(id string) string { return k.URL + "/" + id }

func (k *accountsImport) formData() *importFormView {
	return &importFormView{Import: k, MaxSize: pfmp.SizeLabel(accounts.MaxFileSize)}
}

// importFormView is the upload form.
type importFormView struct {
	Page
	Import  *accountsImport
	MaxSize string // the file's size limit, in words
}

// importJobView is an import: its preview, its progress or its result.
type importJobView struct {
	Page
	Import    *accountsImport
	Job       *importJob
	URL       string
	Plan      *accounts.Plan // what the import does (did, once done)
	Sheet     *accounts.Sheet
	Status    jobStatus[*importResult]
	Previewed bool
	Running   bool
	Done      bool
	Failed    bool
	Percent   int
	Failure   string // why it failed, in French
}

// importForm shows the upload form with what the file must hold.
func (s *Server) importForm(k *accountsImport) fiber.Handler {
	return func(c *fiber.Ctx) error {
		return s.page(c, fiber.StatusOK, "accounts/import", k.Title, k.formData())
	}
}

// importUpload reads and checks the file, then shows its preview (after a redirect, so a
// reload does not send it again). A file that cannot be read at all comes back on the form
// with the reason.
func (s *Server) importUpload(k *accountsImport) fiber.Handler {
	return func(c *fiber.Ctx) error {
		name, data, err := k.file(c)
		var sheet *accounts.Sheet
		if err == nil {
			sheet, err = k.kind.Parse(data, s.cfg.Now())
		}
		if err != nil {
			if kind := pfmp.KindOf(err); kind == pfmp.ErrInvalid || kind == pfmp.ErrTooLarge {
				return s.invalid(c, "accounts/import", k.Title, k.formData(), err)
			}
			return err
		}
		plan, err := k.preview(s, sheet)
		if err != nil {
			return err
		}
		j := s.imports.add(actorOf(c).ID, name, sheet, plan)
		return c.Redirect(k.jobURL(j.ID), fiber.StatusSeeOther)
	}
}

// file reads the uploaded file, at most accounts.MaxFileSize.
func (k *accountsImport) file(c *fiber.Ctx) (name string, data []byte, err error) {
	fh, err := c.FormFile("fichier")
	if err != nil || fh.Filename == "" {
		msg := "Choisissez le fichier CSV des " + k.Many + " (exporté du logiciel de scolarité ou d'un tableur)."
		return "", nil, pfmp.Invalid(msg, map[string]string{"fichier": msg})
	}
	if fh.Size > accounts.MaxFileSize {
		return "", nil, accounts.ErrTooLarge
	}
	f, err := fh.Open()
	if err != nil {
		return "", nil, err
	}
	defer f.Close()
	data, err = io.ReadAll(io.LimitReader(f, accounts.MaxFileSize+1))
	return filepath.Base(fh.Filename), data, err
}

// importPage shows an import: its preview, its progress (the fragment alone to htmx polling)
// or its result.
func (s *Server) importPage(k *accountsImport) fiber.Handler {
	return func(c *fiber.Ctx) error {
		j, err := s.imports.get(c.Params("id"), actorOf(c).ID, k.kind)
		if err != nil {
			return err
		}
		return s.pageOrFragment(c, "accounts/import_job", "accounts/import_status", k.Title, k.jobData(j))
	}
}

func (k *accountsImport) jobData(j *importJob) *importJobView {
	st := j.status()
	data := &importJobView{Import: k, Job: j, URL: k.jobURL(j.ID), Plan: j.Preview, Sheet: j.Sheet,
		Status: st, Previewed: st.State == jobWaiting, Running: st.State == jobRunning,
		Done: st.State == jobDone, Failed: st.State == jobFailed,
		Percent: st.Done * 100 / max(st.Total, 1)}
	if st.Result != nil { // what was done, on the school as it was at the confirmation
		data.Plan = st.Result.Plan
	}
	if st.Err != nil {
		data.Failure = msgImportFails
		if pfmp.KindOf(st.Err) != pfmp.ErrInternal {
			data.Failure = pfmp.Message(st.Err) + " Rien n'a été importé."
		}
	}
	return data
}

// importConfirm applies the file in the background and answers at once with its page.
func (s *Server) importConfirm(k *accountsImport) fiber.Handler {
	return func(c *fiber.Ctx) error {
		j, err := s.imports.get(c.Params("id"), actorOf(c).ID, k.kind)
		if err != nil {
			return err
		}
		if j.Preview.Writes() == 0 {
			return pfmp.Conflict("Rien à importer : tous les " + k.Many + " de ce fichier sont déjà à jour.")
		}
		apply := k.confirm(s, c, j)
		err = j.start(func(progress func(done, total int)) (*importResult, error) {
			out, err := apply(progress)
			if err != nil && pfmp.KindOf(err) == pfmp.ErrInternal {
				slog.Error("import failed", "file", j.FileName, "error", err)
			}
			return out, err
		})
		if err != nil {
			return err
		}
		return c.Redirect(k.jobURL(j.ID), fiber.StatusSeeOther)
	}
}
