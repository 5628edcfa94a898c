package dossier

import (
	"io"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"livret/pfmp"
)

// What a student's archive reads (package archive): his dossiers, and each one's evaluations
// as its student reads them.

// StudentDossiers loads every dossier of a student, the earliest period first.
func (s *Store) StudentDossiers(studentID string) ([]*Dossier, error) {
	var ids []string
	err := s.app.DB().NewQuery(`SELECT pl.id FROM placements pl JOIN periods pe ON pe.id = pl.period
		WHERE pl.student = {:s} ORDER BY pe.start, pe.name`).Bind(dbx.Params{"s": studentID}).Column(&ids)
	if err != nil {
		return nil, err
	}
	out := make([]*Dossier, len(ids))
	for i, id := range ids {
		if out[i], err = s.Load(id); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Bilans are a dossier's evaluations as its student reads them: the bilan personnel, the
// attitudes professionnelles, and the bilan entreprise or certification grid once saved.
type Bilans struct {
	Self           *SelfReview     // nil: not written
	Attitudes      []Attitude      // the criteria, in the référentiel's order
	AttitudeReview *AttitudeReview // nil: not saved
	Scope          *CompanyScope   // what the bilan entreprise or grid rates; nil when the period has neither
	Company        *CompanyState   // nil unless saved (« Enregistrer »)
}

// Bilans reads a dossier's evaluations.
func (s *Store) Bilans(d *Dossier) (*Bilans, error) {
	b := &Bilans{}
	var err error
	if b.Self, err = s.SelfReview(d.ID()); err != nil {
		return nil, err
	}
	if b.AttitudeReview, err = s.AttitudeReview(d.ID()); err != nil {
		return nil, err
	}
	if b.Attitudes, err = s.Attitudes(); err != nil {
		return nil, err
	}
	switch kind := d.Period.Kind(); {
	case kind.Certificative():
		b.Scope, err = s.CertificativeScope(d)
	case kind.HasCompanyReview():
		b.Scope, err = s.CompanyScope(d)
	}
	if err != nil || b.Scope == nil {
		return b, err
	}
	st, err := s.CompanyState(d, b.Scope)
	if err != nil {
		return nil, err
	}
	if st.Review.Saved() {
		b.Company = st
	}
	return b, nil
}

// OpenAttachment opens an attachment's stored file for reading, streamed; the caller closes it.
func (s *Store) OpenAttachment(placementID, id string) (io.ReadCloser, error) {
	a, err := s.Attachment(placementID, id)
	if err != nil {
		return nil, err
	}
	fsys, err := s.app.NewFilesystem()
	if err != nil {
		return nil, err
	}
	r, err := fsys.GetReader(a.BaseFilesPath() + "/" + a.GetString("file"))
	if err != nil {
		fsys.Close()
		return nil, err
	}
	return fileReader{r, fsys}, nil
}

// fileReader closes the storage with the file.
type fileReader struct {
	io.ReadCloser
	fsys *filesystem.System
}

func (f fileReader) Close() error {
	err := f.ReadCloser.Close()
	f.fsys.Close()
	return err
}

// Student reads a student's account, with his class's name ("" when he has none: he left).
func (s *Store) Student(id string) (*User, string, error) {
	rec, err := s.app.FindRecordById("users", id)
	if err != nil || rec.GetString("role") != string(pfmp.RoleStudent) {
		return nil, "", pfmp.NotFound("Cet élève n'existe pas (ou plus).")
	}
	class, err := s.className(rec.GetString("class"))
	return proxy[User](rec), class, err
}
