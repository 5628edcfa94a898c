package dossier

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// CommentRow is one comment of the « Commentaires » tab, with its author.
type CommentRow struct {
	ID        string         `db:"id"`
	Body      string         `db:"body"`
	Created   types.DateTime `db:"created"`
	ReadAt    string         `db:"read_at"`
	FirstName string         `db:"first_name"`
	LastName  string         `db:"last_name"`
	Role      string         `db:"role"`
	New       bool           `db:"-"` // unread when the student opened the tab
}

// Author is "Prénom NOM", or says the account is gone.
func (r CommentRow) Author() string {
	if r.FirstName == "" && r.LastName == "" {
		return "Compte supprimé"
	}
	return pfmp.FullName(r.FirstName, r.LastName)
}

// RoleLabel is the author's role in French, empty when the account is gone.
func (r CommentRow) RoleLabel() string {
	if r.Role == "" {
		return ""
	}
	return pfmp.Role(r.Role).Label()
}

// When is the comment's date and time in French.
func (r CommentRow) When() string { return pfmp.FormatDateTime(r.Created.Time()) }

// ISO is the comment's instant for a <time datetime> attribute.
func (r CommentRow) ISO() string { return r.Created.Time().UTC().Format("2006-01-02T15:04:05Z") }

// Comments lists a dossier's comments, newest first.
func (s *Store) Comments(placementID string) ([]CommentRow, error) {
	var rows []CommentRow
	err := s.app.DB().NewQuery(`SELECT c.id, c.body, c.created, c.read_at,
			COALESCE(u.first_name, '') AS first_name, COALESCE(u.last_name, '') AS last_name,
			COALESCE(u.role, '') AS role
		FROM comments c LEFT JOIN users u ON u.id = c.author
		WHERE c.placement = {:p} ORDER BY c.created DESC, c.rowid DESC`).
		Bind(dbx.Params{"p": placementID}).All(&rows)
	return rows, err
}

// MarkCommentsRead stamps the dossier's unread comments as read now (the student opened them).
func (s *Store) MarkCommentsRead(placementID string) error {
	unread, err := s.app.FindRecordsByFilter("comments", "placement = {:p} && read_at = ''", "", 0, 0,
		dbx.Params{"p": placementID})
	if err != nil || len(unread) == 0 {
		return err
	}
	now := s.now().UTC()
	return s.app.RunInTransaction(func(tx core.App) error {
		for _, r := range unread {
			r.Set("read_at", now)
			if err := tx.Save(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// AddComment saves a comment of author on a dossier.
func (s *Store) AddComment(placementID, author, body string) error {
	_, err := s.Create("comments", Fields{"placement": placementID, "author": author, "body": body})
	return err
}
