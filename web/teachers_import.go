package web

import (
	"errors"
	"log/slog"

	"github.com/gofiber/fiber/v2"

	"livret/accounts"
	"livret/dossier"
)

// « Importer des enseignants »: the school's administrator sends the teachers' list; the
// import runs like the students' (accounts_import.go), then invites each teacher it created.

var teachersImport = &accountsImport{URL: teachersURL + "/import", Title: "Importer des enseignants",
	One: "enseignant", Many: "enseignants", BackURL: teachersURL, BackLabel: teachersTitle, Teachers: true,
	kind:    accounts.Teachers,
	preview: func(s *Server, sh *accounts.Sheet) (*accounts.Plan, error) { return s.store.PreviewTeacherImport(sh) },
	confirm: (*Server).confirmTeachers}

// confirmTeachers applies a teachers' file, then invites by email each teacher it created —
// when SMTP is set; otherwise the result says to print their slips.
func (s *Server) confirmTeachers(c *fiber.Ctx, j *importJob) importApply {
	in := s.inviterOf(c)
	return func(progress func(done, total int)) (*importResult, error) {
		out, err := s.store.ApplyTeacherImport(j.Sheet, j.Owner, progress)
		if err != nil {
			return nil, err
		}
		res := &importResult{ImportOutcome: out, MailOff: !s.mailOn()}
		if res.MailOff {
			return res, nil
		}
		list, err := s.store.TeacherLogins() // one query for every teacher created
		if err != nil {
			return nil, err
		}
		byID := make(map[string]*dossier.TeacherLogin, len(list))
		for i := range list {
			byID[list[i].ID] = &list[i]
		}
		for _, id := range out.Created {
			t, ok := byID[id]
			if ok {
				_, err = in.invite(t)
			} else {
				err = errors.New("not among the teachers' accounts")
			}
			if err != nil {
				res.NotInvited++
				slog.Error("invitation not sent", "teacher", id, "error", err)
				continue
			}
			res.Invited++
		}
		return res, nil
	}
}
