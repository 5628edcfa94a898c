package dossier

import (
	"io"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// A leaver's archive (collection archives): the ZIP of his dossiers built at the closing of
// the year, kept until his purge date, then purged with the rest of his data. The purge date
// is never stored: it is his leaving day plus the retention in force (pfmp.PurgeDate), the
// same for the pages and for the purge, whatever the retention was at the closing.

// StoredArchive is a leaver's stored archive.
type StoredArchive struct {
	ID        string          `db:"id"`
	Year      pfmp.SchoolYear `db:"school_year"`
	Size      int64           `db:"size"`
	Class     string          `db:"class_name"` // the class he left, "" for an archive stored before it was kept
	FirstName string          `db:"first_name"`
	LastName  string          `db:"last_name"`
	LeftAt    types.DateTime  `db:"left_at"`
	Until     time.Time       `db:"-"` // the day it is purged with its student's data; zero while he is enrolled again
}

// Student is "Prénom NOM".
func (a StoredArchive) Student() string {
	return pfmp.FullName(a.FirstName, a.LastName)
}

// Archives lists the stored archives, the latest year first, then by class and name.
func (s *Store) Archives() ([]StoredArchive, error) {
	return s.archivesWhere("", nil)
}

// Archive is one stored archive; not found when it was purged (or never stored).
func (s *Store) Archive(id string) (*StoredArchive, error) {
	list, err := s.archivesWhere("a.id = {:id}", dbx.Params{"id": id})
	if err != nil {
		return nil, err
	}
	if len(list) == 0 {
		return nil, pfmp.NotFound("Cette archive n'existe pas ou plus : les données de l'élève ont peut-être été supprimées.")
	}
	return &list[0], nil
}

// StudentArchive is a student's latest stored archive, nil when he has none.
func (s *Store) StudentArchive(studentID string) (*StoredArchive, error) {
	list, err := s.archivesWhere("a.student = {:s}", dbx.Params{"s": studentID})
	if err != nil || len(list) == 0 {
		return nil, err
	}
	return &list[0], nil
}

// archivesWhere reads the archives matching where ("" for all) with their students, in one
// query, each with its purge date under the retention in force.
func (s *Store) archivesWhere(where string, params dbx.Params) ([]StoredArchive, error) {
	ret, err := s.Retention()
	if err != nil {
		return nil, err
	}
	if where == "" {
		where = "1 = 1"
	}
	var list []StoredArchive
	err = s.app.DB().NewQuery(`SELECT a.id, a.school_year, a.size, a.class_name, u.first_name, u.last_name,
		u.left_at FROM archives a JOIN users u ON u.id = a.student WHERE ` + where + `
		ORDER BY a.school_year DESC, a.class_name, u.last_name, u.first_name`).Bind(params).All(&list)
	for i := range list {
		if !list[i].LeftAt.IsZero() { // a student who came back keeps his archive while enrolled
			list[i].Until = pfmp.PurgeDate(list[i].LeftAt.Time(), ret.Months)
		}
	}
	return list, err
}

// OpenArchive opens a stored archive's ZIP for reading; the caller closes it.
func (s *Store) OpenArchive(a *StoredArchive) (io.ReadCloser, error) {
	rec, err := s.app.FindRecordById("archives", a.ID)
	if err != nil {
		return nil, pfmp.NotFound("Cette archive n'existe pas ou plus.")
	}
	fsys, err := s.app.NewFilesystem()
	if err != nil {
		return nil, err
	}
	r, err := fsys.GetReader(rec.BaseFilesPath() + "/" + rec.GetString("file"))
	if err != nil {
		fsys.Close()
		return nil, pfmp.NotFound("Le fichier de cette archive est introuvable.")
	}
	return fileReader{r, fsys}, nil
}

// saveArchive stores a student's archive built at path, with the class he left.
func saveArchive(tx core.App, studentID string, year pfmp.SchoolYear, path, className string) error {
	f, err := filesystem.NewFileFromPath(path)
	if err != nil {
		return err
	}
	rec, err := newRecord(tx, "archives")
	if err != nil {
		return err
	}
	rec.Load(map[string]any{"student": studentID, "school_year": int(year), "file": f, "size": f.Size,
		"class_name": className})
	return tx.Save(rec)
}
