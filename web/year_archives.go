package web

// The leavers' archives on « Fin d'année scolaire »: each ZIP stored at the closing of the year,
// listed with the date its student's data is purged (the retention in force, the purge's own
// rule), and downloadable by the administrator until then.

import (
	"github.com/gofiber/fiber/v2"

	"livret/archive"
	"livret/dossier"
	"livret/pfmp"
)

const yearArchivesURL = "/annee/archives/"

// archiveView is one stored archive in the administrator's list.
type archiveView struct {
	Student, Class, Year, Size, Until, URL string
}

// archiveViews lists the stored archives.
func (s *Server) archiveViews() ([]archiveView, error) {
	list, err := s.store.Archives()
	if err != nil {
		return nil, err
	}
	out := make([]archiveView, len(list))
	for i, a := range list {
		out[i] = archiveView{Student: a.Student(), Class: a.Class, Year: a.Year.Label(), Size: pfmp.SizeLabel(a.Size),
			Until: pfmp.FormatLong(a.Until), URL: yearArchivesURL + a.ID}
	}
	return out, nil
}

// yearArchiveDownload sends one stored archive (GET /annee/archives/:id), named like the
// student's own download.
func (s *Server) yearArchiveDownload(c *fiber.Ctx) error {
	a, err := s.store.Archive(c.Params("id"))
	if err != nil {
		return err
	}
	r, err := s.store.OpenArchive(a)
	if err != nil {
		return err
	}
	return sendZIP(c, r, a.Size, archiveName(a))
}

// archiveName is "Archive Prénom Nom 2025-2026.zip".
func archiveName(a *dossier.StoredArchive) string {
	return archive.FileName(a.FirstName, a.LastName, a.Year.Label())
}
