package web

// The portfolio's exports: DOCX, ODT and PDF downloads and the HTML print view, for whoever
// may print the dossier (pfmp.Print: its student, teachers, its granted tutors and masters).
// export/ writes the files from what dossier/ read; the PDF is the print view printed by the
// one Chromium of the process (Config.Printer).

import (
	"bytes"
	"html/template"
	"io"

	"github.com/gofiber/fiber/v2"

	"livret/export"
	"livret/pfmp"
	"livret/print"
)

const (
	mimeDOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	mimeODT  = "application/vnd.oasis.opendocument.text"
)

// portfolioDOCX downloads the portfolio as a Word document (GET …/portfolio.docx).
func (s *Server) portfolioDOCX(c *fiber.Ctx) error {
	return s.portfolioFile(c, ".docx", mimeDOCX, export.WriteDOCX)
}

// portfolioODT downloads the portfolio as an OpenDocument text (GET …/portfolio.odt).
func (s *Server) portfolioODT(c *fiber.Ctx) error {
	return s.portfolioFile(c, ".odt", mimeODT, export.WriteODT)
}

func (s *Server) portfolioFile(c *fiber.Ctx, ext, mime string, write func(io.Writer, *export.Portfolio) error) error {
	p, err := s.exportedPortfolio(c)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := write(&buf, p); err != nil {
		return err
	}
	return sendFile(c, print.File{Name: portfolioFileName(p, ext), ContentType: mime, Data: buf.Bytes()})
}

// portfolioPDF downloads the portfolio printed to PDF (GET …/portfolio.pdf). When it cannot
// be printed (no Chromium, too many prints waiting…), a page says why and offers the print
// view, which the browser itself can print.
func (s *Server) portfolioPDF(c *fiber.Ctx) error {
	p, doc, err := s.portfolioPrint(c)
	if err != nil {
		return err
	}
	base := "/dossiers/" + c.Params("id")
	return s.sendPDF(c, doc, portfolioFileName(p, ".pdf"), base+"/portfolio.html", base+"/portfolio")
}

// portfolioPrintView is the document the PDF prints, as a page (GET …/portfolio.html): it
// reads on screen, and the browser prints it when Chromium is missing on the server.
func (s *Server) portfolioPrintView(c *fiber.Ctx) error {
	_, doc, err := s.portfolioPrint(c)
	if err != nil {
		return err
	}
	return sendPrintView(c, doc)
}

// portfolioPrint is the :id portfolio's print document, for those the policy lets print it.
func (s *Server) portfolioPrint(c *fiber.Ctx) (*export.Portfolio, print.Document, error) {
	p, err := s.exportedPortfolio(c)
	if err != nil {
		return nil, print.Document{}, err
	}
	doc, err := portfolioDocument(p)
	return p, doc, err
}

// exportedPortfolio loads the :id dossier for an export, after the policy allowed it.
func (s *Server) exportedPortfolio(c *fiber.Ctx) (*export.Portfolio, error) {
	d, err := s.loadPlacement(c, pfmp.Print)
	if err != nil {
		return nil, err
	}
	pf, err := s.store.Portfolio(d.Dossier)
	if err != nil {
		return nil, err
	}
	files := s.linkBase(c) + attachmentsURL(d) + "/"
	return export.FromDossier(pf, func(id string) string { return files + id + "/fichier" }), nil
}

// portfolioDocument is the portfolio's print document: the export's HTML in the print layout.
func portfolioDocument(p *export.Portfolio) (print.Document, error) {
	var body bytes.Buffer
	if err := export.WriteHTML(&body, p); err != nil {
		return print.Document{}, err
	}
	// The export escaped every text it wrote.
	return print.RenderPortfolio(print.Portfolio{Title: p.Title(), Body: template.HTML(body.String())})
}

// portfolioFileName is « Portfolio <période> <Prénom> <Nom>.<ext> », as the reference system.
func portfolioFileName(p *export.Portfolio, ext string) string {
	return pfmp.DossierFileName("Portfolio", p.Period.Name, p.Student.FirstName, p.Student.LastName, ext)
}
