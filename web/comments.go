package web

// Portfolio tab 7, « Commentaires »: teachers, and tutors or masters holding a grant, leave
// advice the student reads to rework the portfolio. Everyone who reads the portfolio sees the
// comments, newest first. A comment is « nouveau » for the student until the student opens
// this tab: only that visit marks them read (read_at), never another reader's.

import (
	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	tabComments    = "commentaires"
	maxCommentBody = 5000 // the column's own limit
	commentPosted  = "Commentaire publié."
)

// commentsView is the tab: the comments, newest first, and the form for those who may write.
type commentsView struct {
	portfolioView
	Comments  []dossier.CommentRow
	Body      string // what was typed
	Max       int
	CanWrite  bool
	IsStudent bool
}

func loadCommentsTab(s *Server, c *fiber.Ctx, d *openDossier) (tabView, error) {
	rows, err := s.store.Comments(d.Placement.Id)
	if err != nil {
		return nil, err
	}
	if pfmp.IsOwner(actorOf(c), d.Access) {
		for i := range rows {
			rows[i].New = rows[i].ReadAt == ""
		}
		if err := s.store.MarkCommentsRead(d.Placement.Id); err != nil {
			return nil, err
		}
	}
	return s.commentsData(c, d, rows, ""), nil
}

func (s *Server) commentsData(c *fiber.Ctx, d *openDossier, rows []dossier.CommentRow, body string) *commentsView {
	return &commentsView{Comments: rows, Body: body, Max: maxCommentBody,
		CanWrite: pfmp.Can(actorOf(c), pfmp.WriteComment, d.Access), IsStudent: pfmp.IsOwner(actorOf(c), d.Access)}
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
		rows, lerr := s.store.Comments(d.Placement.Id)
		if lerr != nil {
			return lerr
		}
		return s.answerPortfolioTab(c, tabComments, "portfolio/commentaires-body", d, s.commentsData(c, d, rows, body), err)
	}
	if err := s.store.AddComment(d.ID(), actorOf(c).ID, body); err != nil {
		return err
	}
	rows, err := s.store.Comments(d.Placement.Id)
	if err != nil {
		return err
	}
	data := s.commentsData(c, d, rows, "")
	data.Saved = commentPosted
	return s.answerPortfolioTab(c, tabComments, "portfolio/commentaires-body", d, data, nil)
}
