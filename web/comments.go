package web

// Portfolio tab 7, « Commentaires »: teachers, and tutors or masters holding a grant, leave
// advice the student reads to rework the portfolio. Everyone who reads the portfolio sees the
// comments, newest first. A comment is « nouveau » for the student until the student opens
// this tab: only that visit marks them read (read_at), never another reader's.

import (
	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

const (
	tabComments    = "commentaires"
	maxCommentBody = 5000 // the column's own limit
	commentPosted  = "Commentaire publié."
)

// commentRow is one comment as listed.
type commentRow struct {
	ID        string         `db:"id"`
	Body      string         `db:"body"`
	Created   types.DateTime `db:"created"`
	ReadAt    string         `db:"read_at"`
	FirstName string         `db:"first_name"`
	LastName  string         `db:"last_name"`
	Role      string         `db:"role"`
	New       bool           `db:"-"` // unread when the student opened the tab
}

// Author is "Prénom NOM", or a note when the account is gone.
func (r commentRow) Author() string {
	if r.FirstName == "" && r.LastName == "" {
		return "Compte supprimé"
	}
	return (&pfmp.Actor{FirstName: r.FirstName, LastName: r.LastName}).Name()
}

// RoleLabel is the author's kind of account, in French.
func (r commentRow) RoleLabel() string {
	if r.Role == "" {
		return ""
	}
	return pfmp.Role(r.Role).Label()
}

// When is the date in Paris time, « lundi 3 mars 2025 à 14 h 05 ».
func (r commentRow) When() string { return pfmp.FormatDateTime(r.Created.Time()) }

// ISO is the date for the <time> element.
func (r commentRow) ISO() string { return r.Created.Time().UTC().Format("2006-01-02T15:04:05Z") }

func init() { setTabLoader(tabComments, loadCommentsTab) }

func loadCommentsTab(s *Server, c *fiber.Ctx, d *dossier) (fiber.Map, error) {
	rows, err := s.commentsOf(d.Placement.Id)
	if err != nil {
		return nil, err
	}
	if pfmp.IsOwner(actorOf(c), d.Access) {
		for i := range rows {
			rows[i].New = rows[i].ReadAt == ""
		}
		if err := s.markCommentsRead(d.Placement.Id); err != nil {
			return nil, err
		}
	}
	return s.commentsData(c, d, rows, ""), nil
}

func (s *Server) commentsData(c *fiber.Ctx, d *dossier, rows []commentRow, body string) fiber.Map {
	return fiber.Map{"Comments": rows, "Body": body, "Errors": map[string]string{}, "Max": maxCommentBody,
		"CanWrite": pfmp.Can(actorOf(c), pfmp.WriteComment, d.Access), "IsStudent": pfmp.IsOwner(actorOf(c), d.Access)}
}

func (s *Server) commentsOf(placementID string) ([]commentRow, error) {
	var rows []commentRow
	err := s.app.DB().NewQuery(`SELECT c.id, c.body, c.created, c.read_at,
			COALESCE(u.first_name, '') AS first_name, COALESCE(u.last_name, '') AS last_name,
			COALESCE(u.role, '') AS role
		FROM comments c LEFT JOIN users u ON u.id = c.author
		WHERE c.placement = {:p} ORDER BY c.created DESC, c.rowid DESC`).
		Bind(dbx.Params{"p": placementID}).All(&rows)
	return rows, err
}

// markCommentsRead stamps the unread comments of a placement, through the models so that
// every hook on comments sees it.
func (s *Server) markCommentsRead(placementID string) error {
	unread, err := s.app.FindRecordsByFilter("comments", "placement = {:p} && read_at = ''", "", 0, 0,
		dbx.Params{"p": placementID})
	if err != nil || len(unread) == 0 {
		return err
	}
	now := s.cfg.Now().UTC()
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

// commentCreate posts a comment: 422 with the message and the typed text kept, or the list
// with the new comment on top (htmx) or a redirect with a flash.
func (s *Server) commentCreate(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.WriteComment)
	if err != nil {
		return err
	}
	body := formValues(c, "body")["body"]
	errs := pfmp.FieldErrors{}
	errs.Add("body", pfmp.Required(body, "Commentaire"))
	errs.Add("body", pfmp.MaxLen(body, maxCommentBody, "Commentaire"))
	if err := errs.Err(); err != nil {
		rows, lerr := s.commentsOf(d.Placement.Id)
		if lerr != nil {
			return lerr
		}
		return s.answerPortfolioTab(c, tabComments, "portfolio/commentaires-body", d, s.commentsData(c, d, rows, body), err)
	}
	col, err := s.app.FindCachedCollectionByNameOrId("comments")
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	r.Set("placement", d.Placement.Id)
	r.Set("author", actorOf(c).ID)
	r.Set("body", body)
	if err := s.app.Save(r); err != nil {
		return err
	}
	rows, err := s.commentsOf(d.Placement.Id)
	if err != nil {
		return err
	}
	data := s.commentsData(c, d, rows, "")
	data["Saved"] = commentPosted
	return s.answerPortfolioTab(c, tabComments, "portfolio/commentaires-body", d, data, nil)
}
