package dossier

import (
	"errors"
	"fmt"
	"io"
	"net/url"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// Attachment is a file or a link the student joined to the portfolio (collection attachments;
// « annexes » in the manual's words, not to be mixed up with the annexes pédagogiques).
type Attachment struct{ core.BaseRecordProxy }

// AttachmentRow is one attachment as the tab lists it.
type AttachmentRow struct {
	ID      string         `db:"id"`
	Title   string         `db:"title"`
	Kind    string         `db:"kind"`
	URL     string         `db:"url"`
	MIME    string         `db:"mime"`
	Size    int64          `db:"size"`
	Created types.DateTime `db:"created"`
}

// TypeLabel names the kind of attachment for people: "Image JPEG", "Lien vers example.org".
func (a AttachmentRow) TypeLabel() string {
	if a.Kind == "link" {
		if u, err := url.Parse(a.URL); err == nil {
			return "Lien vers " + u.Hostname()
		}
		return "Lien"
	}
	if t, ok := pfmp.TypeByMIME(a.MIME); ok {
		return t.Label
	}
	return "Fichier"
}

// SizeLabel is the file's size for people ("2,4 Mo").
func (a AttachmentRow) SizeLabel() string { return pfmp.SizeLabel(a.Size) }

// AttachmentRows lists a dossier's attachments, newest first.
func (s *Store) AttachmentRows(placementID string) ([]AttachmentRow, error) {
	var rows []AttachmentRow
	err := s.app.DB().NewQuery(`SELECT id, title, kind, url, mime, size, created FROM attachments
		WHERE placement = {:p} ORDER BY created DESC`).Bind(dbx.Params{"p": placementID}).All(&rows)
	return rows, err
}

// ErrAttachmentsFull refuses an attachment past pfmp.MaxAttachments.
var ErrAttachmentsFull = pfmp.Invalid(fmt.Sprintf("Ce portfolio compte déjà %d annexes, le maximum : "+
	"supprimez-en une pour en ajouter une autre.", pfmp.MaxAttachments), nil)

// AddAttachment saves a new attachment of a dossier unless it already has the most it may
// hold; the count and the write are one transaction.
func (s *Store) AddAttachment(placementID string, f Fields) error {
	return s.app.RunInTransaction(func(tx core.App) error {
		var n int
		err := tx.DB().NewQuery(`SELECT COUNT(*) FROM attachments WHERE placement = {:p}`).
			Bind(dbx.Params{"p": placementID}).Row(&n)
		if err != nil {
			return err
		}
		if n >= pfmp.MaxAttachments {
			return ErrAttachmentsFull
		}
		rec, err := newRecord(tx, "attachments")
		if err != nil {
			return err
		}
		rec.Set("placement", placementID)
		for k, v := range f {
			rec.Set(k, v)
		}
		return tx.Save(rec)
	})
}

// Attachment reads one attachment of a dossier; another dossier's is not found.
func (s *Store) Attachment(placementID, id string) (*Attachment, error) {
	rec, err := s.app.FindRecordById("attachments", id)
	if err != nil || rec.GetString("placement") != placementID {
		return nil, pfmp.NotFound(pfmp.MsgNoAttachment)
	}
	return proxy[Attachment](rec), nil
}

// ReadFile reads an attachment's stored file whole (10 Mo at most): the storage is closed
// before the caller writes the response.
func (s *Store) ReadFile(a *Attachment) ([]byte, error) {
	fsys, err := s.app.NewFilesystem()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	r, err := fsys.GetReader(a.BaseFilesPath() + "/" + a.GetString("file"))
	if err != nil {
		if errors.Is(err, filesystem.ErrNotFound) {
			return nil, pfmp.NotFound("Le fichier de cette annexe est introuvable.")
		}
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}
