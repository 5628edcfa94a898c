package web

// A print running in the background (print.Batches): its page answers at once and shows the
// progress, polled by htmx, then offers the file. Only whoever started it sees it.

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
	"livret/print"
)

const msgNoBatch = "Cette impression n'existe pas (ou plus) : les documents imprimés restent disponibles 15 minutes. Relancez l'impression."

func batchURL(id string) string { return "/impressions/" + id }

// batchView is a batch of documents being printed.
type batchView struct {
	Page
	Progress print.Progress
	URL      string
	Percent  int
	Running  bool
	Finished bool
}

// batchPage shows a batch's progress: the whole page, or the progress block alone to htmx.
func (s *Server) batchPage(c *fiber.Ctx) error {
	p, err := s.ownBatch(c)
	if err != nil {
		return err
	}
	data := &batchView{Progress: p, URL: batchURL(p.ID), Percent: p.Done * 100 / max(p.Total, 1),
		Running: p.State == print.BatchRunning, Finished: p.State == print.BatchDone}
	return s.pageOrFragment(c, "impressions/batch", "impressions/progress", "Impression des documents", data)
}

// batchFile downloads a finished batch.
func (s *Server) batchFile(c *fiber.Ctx) error {
	p, err := s.ownBatch(c)
	if err != nil {
		return err
	}
	f, ok := s.prints.File(p.ID)
	if !ok {
		return pfmp.Conflict("Cette impression n'est pas terminée : attendez la fin de la progression.")
	}
	return sendFile(c, f)
}

// ownBatch is the batch of :id if the actor started it; others learn nothing of it (404).
func (s *Server) ownBatch(c *fiber.Ctx) (print.Progress, error) {
	if s.prints == nil {
		return print.Progress{}, pfmp.NotFound(msgNoBatch)
	}
	p, ok := s.prints.Progress(c.Params("id"))
	if !ok || p.Owner != actorOf(c).ID {
		return print.Progress{}, pfmp.NotFound(msgNoBatch)
	}
	return p, nil
}
