package dossier

import (
	"io"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"livret/pfmp"
)

// A leaver's archive (collection archives): the ZIP of his dossiers built at the closing of
// the year, kept until his purge date (available_until), then purged with the rest of his data.

// StoredArchive is a leaver's stored archive.
type StoredArchive struct {
	ID    string
	Year  pfmp.SchoolYear
	Size  int64
	Until time.Time // the day it is purged with its student's data
	rec   *core.Record
}

// StudentArchive is a student's latest stored archive, nil when he has none.
func (s *Store) StudentArchive(studentID string) (*StoredArchive, error) {
	recs, err := s.app.FindRecordsByFilter("archives", "student = {:s}", "-school_year", 1, 0,
		dbx.Params{"s": studentID})
	if err != nil || len(recs) == 0 {
		return nil, err
	}
	r := recs[0]
	return &StoredArchive{ID: r.Id, Year: pfmp.SchoolYear(r.GetInt("school_year")), Size: int64(r.GetInt("size")),
		Until: r.GetDateTime("available_until").Time(), rec: r}, nil
}

// OpenArchive opens a stored archive's ZIP for reading; the caller closes it.
func (s *Store) OpenArchive(a *StoredArchive) (io.ReadCloser, error) {
	fsys, err := s.app.NewFilesystem()
	if err != nil {
		return nil, err
	}
	r, err := fsys.GetReader(a.rec.BaseFilesPath() + "/" + a.rec.GetString("file"))
	if err != nil {
		fsys.Close()
		return nil, pfmp.NotFound("Le fichier de cette archive est introuvable.")
	}
	return fileReader{r, fsys}, nil
}

// saveArchive stores a student's archive built at path, kept until his purge date.
func saveArchive(tx core.App, studentID string, year pfmp.SchoolYear, path string, until time.Time) error {
	f, err := filesystem.NewFileFromPath(path)
	if err != nil {
		return err
	}
	rec, err := newRecord(tx, "archives")
	if err != nil {
		return err
	}
	rec.Load(map[string]any{"student": studentID, "school_year": int(year), "file": f, "size": f.Size,
		"available_until": until})
	return tx.Save(rec)
}
