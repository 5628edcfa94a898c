package web

// « Télécharger mes données » (issue 14, right of access): a student downloads at any time,
// before and after the year is closed and until his purge, the archive of everything Livret
// keeps about him, built on demand (package archive); a leaver also finds the archive stored
// at the closing of the year, until its purge date.

import (
	"io"
	"os"

	"github.com/gofiber/fiber/v2"

	"livret/archive"
	"livret/pfmp"
)

const (
	myDataURL    = "/mes-donnees"
	myArchiveURL = "/mes-donnees/archive"
	mimeZIP      = "application/zip"
)

// myData builds the student's archive now and sends it.
func (s *Server) myData(c *fiber.Ctx) error {
	a := actorOf(c)
	path, err := s.archives.BuildFile(c.Context(), "", a.ID)
	if err != nil {
		return err
	}
	f, err := os.Open(path)
	_ = os.Remove(path) // the open file stays readable until it is sent and closed
	if err != nil {
		return err
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return err
	}
	return sendZIP(c, f, info.Size(), archive.FileName(a.FirstName, a.LastName, ""))
}

// myStoredArchive sends the archive stored for the student at the closing of the year.
func (s *Server) myStoredArchive(c *fiber.Ctx) error {
	a := actorOf(c)
	stored, err := s.store.StudentArchive(a.ID)
	if err != nil {
		return err
	}
	if stored == nil {
		return pfmp.NotFound("Aucune archive de fin d'année n'a été conservée pour vous : téléchargez vos données depuis votre page d'accueil.")
	}
	r, err := s.store.OpenArchive(stored)
	if err != nil {
		return err
	}
	return sendZIP(c, r, stored.Size, archiveName(stored))
}

// sendZIP streams a ZIP of size bytes as a download; the response closes r once sent.
func sendZIP(c *fiber.Ctx, r io.ReadCloser, size int64, name string) error {
	c.Set(fiber.HeaderContentType, mimeZIP)
	c.Set(fiber.HeaderContentDisposition, attachmentDisposition(name))
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	c.Response().SetBodyStream(r, int(size))
	return nil
}

// myDataView is the student home's « Mes données » block.
type myDataView struct {
	DownloadURL string
	Archive     *storedArchiveView // the archive kept since the closing of the year, if any
}

// storedArchiveView is a stored archive as the student's home offers it.
type storedArchiveView struct {
	URL, Year, Until, Size string
}

func (s *Server) myDataView(studentID string) (myDataView, error) {
	v := myDataView{DownloadURL: myDataURL}
	stored, err := s.store.StudentArchive(studentID)
	if err != nil || stored == nil {
		return v, err
	}
	v.Archive = &storedArchiveView{URL: myArchiveURL, Year: stored.Year.Label(),
		Until: pfmp.FormatLong(stored.Until), Size: pfmp.SizeLabel(stored.Size)}
	return v, nil
}
