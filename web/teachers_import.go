package web

import (
	"log/slog"

	"github.com/gofiber/fiber/v2"

	"livret/accounts"
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
		for _, id := range out.Created {
			t, err := s.store.TeacherLoginOf(id)
			if err == nil {
				_, err = in.invite(t)
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
