package web

import (
	"errors"
	"slices"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
	"livret/print"
)

// What every print route shares: the process's one Chromium (Config.Printer), the PDF
// download, the HTML print view, and the French page of a print that cannot be made.

// newBatches holds the background prints of cfg's printer; finished files are kept a while.
func newBatches(cfg Config) *print.Batches {
	if cfg.Printer == nil {
		return nil
	}
	return print.NewBatches(cfg.Printer, print.BatchOptions{Now: cfg.Now})
}

// Close cancels the background prints still running and stops the lost-link worker (at
// shutdown; the printer and the mailer are the caller's).
func (s *Server) Close() {
	if s.prints != nil {
		s.prints.Close()
	}
	s.lostLinks.close()
}

// printable says whether a print can start now: nil, or print.ErrUnavailable.
func (s *Server) printable() error {
	if s.cfg.Printer == nil {
		return print.ErrUnavailable
	}
	return s.cfg.Printer.Available()
}

// sendPDF prints doc and answers it as a download named name (RFC 5987), or the French page of
// a print that failed, with links to view (the HTML print view) and back.
func (s *Server) sendPDF(c *fiber.Ctx, doc print.Document, name, view, back string) error {
	if err := s.printable(); err != nil {
		return s.printFailed(c, err, view, back)
	}
	pdf, err := s.cfg.Printer.PDF(c.UserContext(), doc)
	if err != nil {
		return s.printFailed(c, err, view, back)
	}
	return sendFile(c, print.File{Name: name, ContentType: "application/pdf", Data: pdf})
}

// sendFile answers a generated document as a download.
func sendFile(c *fiber.Ctx, f print.File) error {
	c.Set(fiber.HeaderContentType, f.ContentType)
	c.Set(fiber.HeaderContentDisposition, attachmentDisposition(f.Name))
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(f.Data)
}

// printViewPolicy lets the print view use its own inline stylesheet and nothing else: it is
// our template's output (every typed text escaped), with no script.
const printViewPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'"

// sendPrintView serves a document's HTML as a page of its own: readable on screen and printable
// from the browser, with or without Chromium on the server.
func sendPrintView(c *fiber.Ctx, doc print.Document) error {
	c.Set(fiber.HeaderContentSecurityPolicy, printViewPolicy)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	c.Type("html", "utf-8")
	return c.Send(doc.HTML)
}

// printErrors are the print package's errors: their texts are French and safe to show.
var printErrors = []error{print.ErrUnavailable, print.ErrBusy, print.ErrTimeout, print.ErrCanceled,
	print.ErrFailed, print.ErrClosed}

// printFailed answers a print that could not be made: how to install Chromium when it is
// missing (503), « réessayez » when the queue is full (503), the print's French error otherwise,
// with the HTML print view one link away. Any other error goes to the error handler (logged).
func (s *Server) printFailed(c *fiber.Ctx, err error, view, back string) error {
	if !slices.ContainsFunc(printErrors, func(e error) bool { return errors.Is(err, e) }) {
		return err
	}
	status, title := fiber.StatusInternalServerError, "Impression impossible"
	switch {
	case errors.Is(err, print.ErrUnavailable):
		status, title = fiber.StatusServiceUnavailable, "Impression PDF indisponible"
	case errors.Is(err, print.ErrBusy):
		status, title = fiber.StatusServiceUnavailable, "Impressions en attente"
	case errors.Is(err, print.ErrTimeout):
		status = fiber.StatusGatewayTimeout
	}
	return s.page(c, status, "impressions/unavailable", title, &printFailedView{
		Message: err.Error(), Missing: errors.Is(err, print.ErrUnavailable), View: view, Back: back})
}

// printFailedView says why a PDF could not be printed, and offers the HTML print view.
type printFailedView struct {
	Page
	Message string
	Missing bool   // no Chromium: how to install it
	View    string // the document's HTML print view
	Back    string
}

// printedSheet loads the :id dossier for a document the policy lets act print, reads what it
// prints and renders it.
func (s *Server) printedSheet(c *fiber.Ctx, act pfmp.Action,
	render func(*dossier.PrintSheet) (print.Document, error)) (*openDossier, *dossier.PrintSheet, print.Document, error) {
	d, err := s.loadPlacement(c, act)
	if err != nil {
		return nil, nil, print.Document{}, err
	}
	sh, err := s.store.PrintSheet(d.Dossier)
	if err != nil {
		return nil, nil, print.Document{}, err
	}
	doc, err := render(sh)
	return d, sh, doc, err
}
