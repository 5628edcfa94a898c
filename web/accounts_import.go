package web

// « Importer des élèves »: a teacher given the right (users.can_import) sends the CSV that the
// school software exports; the preview lists what will be created, updated, left alone and
// every rejected line with its reason; confirming applies it in one transaction in the
// background, its page polling the progress (import_jobs.go).

import (
	"io"
	"log/slog"
	"path/filepath"

	"github.com/gofiber/fiber/v2"

	"livret/accounts"
	"livret/dossier"
	"livret/pfmp"
)

const (
	importURL      = "/comptes/import"
	importTitle    = "Importer des élèves"
	msgNoFile      = "Choisissez le fichier CSV des élèves (exporté du logiciel de scolarité ou d'un tableur)."
	msgImportFails = "L'import a échoué et rien n'a été importé : aucun compte, aucune classe n'a été créé ni modifié. Réessayez ; si l'échec se répète, prévenez l'administrateur."
)

func importJobURL(id string) string { return importURL + "/" + id }

// importFormView is the upload form.
type importFormView struct {
	Page
	MaxSize string // the file's size limit, in words
}

// importJobView is an import: its preview, its progress or its result.
type importJobView struct {
	Page
	Job       *importJob
	URL       string
	Plan      *accounts.Plan // what the import does (did, once done)
	Sheet     *accounts.Sheet
	Status    importStatus
	Previewed bool
	Running   bool
	Done      bool
	Failed    bool
	Percent   int
	Failure   string // why it failed, in French
}

// importForm shows the upload form with what the file must hold.
func (s *Server) importForm(c *fiber.Ctx) error {
	return s.page(c, fiber.StatusOK, "accounts/import", importTitle, &importFormView{MaxSize: pfmp.SizeLabel(accounts.MaxFileSize)})
}

// importUpload reads and checks the file, then shows its preview (after a redirect, so a
// reload does not send it again). A file that cannot be read at all comes back on the form
// with the reason.
func (s *Server) importUpload(c *fiber.Ctx) error {
	name, data, err := importFile(c)
	var sheet *accounts.Sheet
	if err == nil {
		sheet, err = accounts.Parse(data, s.cfg.Now())
	}
	if err != nil {
		if k := pfmp.KindOf(err); k == pfmp.ErrInvalid || k == pfmp.ErrTooLarge {
			return s.invalid(c, "accounts/import", importTitle, &importFormView{MaxSize: pfmp.SizeLabel(accounts.MaxFileSize)}, err)
		}
		return err
	}
	plan, err := s.store.PreviewImport(sheet)
	if err != nil {
		return err
	}
	j := s.imports.add(actorOf(c).ID, name, sheet, plan)
	return c.Redirect(importJobURL(j.ID), fiber.StatusSeeOther)
}

// importFile reads the uploaded file, at most accounts.MaxFileSize.
func importFile(c *fiber.Ctx) (name string, data []byte, err error) {
	fh, err := c.FormFile("fichier")
	if err != nil || fh.Filename == "" {
		return "", nil, pfmp.Invalid(msgNoFile, map[string]string{"fichier": msgNoFile})
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
func (s *Server) importPage(c *fiber.Ctx) error {
	j, err := s.imports.get(c.Params("id"), actorOf(c).ID)
	if err != nil {
		return err
	}
	return s.pageOrFragment(c, "accounts/import_job", "accounts/import_status", importTitle, importJobData(j))
}

func importJobData(j *importJob) *importJobView {
	st := j.status()
	data := &importJobView{Job: j, URL: importJobURL(j.ID), Plan: j.Preview, Sheet: j.Sheet,
		Status: st, Previewed: st.State == importPreviewed, Running: st.State == importRunning,
		Done: st.State == importDone, Failed: st.State == importFailed,
		Percent: st.Done * 100 / max(st.Total, 1)}
	if st.Outcome != nil { // what was done, on the school as it was at the confirmation
		data.Plan = st.Outcome.Plan
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
func (s *Server) importConfirm(c *fiber.Ctx) error {
	j, err := s.imports.get(c.Params("id"), actorOf(c).ID)
	if err != nil {
		return err
	}
	if j.Preview.Writes() == 0 {
		return pfmp.Conflict("Rien à importer : tous les élèves de ce fichier sont déjà à jour.")
	}
	err = j.start(func(progress func(done, total int)) (*dossier.ImportOutcome, error) {
		out, err := s.store.ApplyImport(j.Sheet, j.Owner, progress)
		if err != nil && pfmp.KindOf(err) == pfmp.ErrInternal {
			slog.Error("import failed", "file", j.FileName, "error", err)
		}
		return out, err
	})
	if err != nil {
		return err
	}
	return c.Redirect(importJobURL(j.ID), fiber.StatusSeeOther)
}
