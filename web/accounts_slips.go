package web

// Login slips. An initial password exists only on its slip: printing a class's slips (or the
// teachers', teachers.go) draws a new one for each account whose owner has not chosen his own
// yet, and « Réinitialiser le mot de passe » draws one for a single student. Nothing keeps
// them: a lost slip is replaced by a new one, which makes the old one useless. The passwords are stored only once the PDF is made,
// so a failed print changes nobody's password.

import (
	"github.com/gofiber/fiber/v2"

	"livret/accounts"
	"livret/dossier"
	"livret/pfmp"
	"livret/print"
)

// classSlips prints the slips of the class's students still waiting for their first login.
func (s *Server) classSlips(c *fiber.Ctx) error {
	class, students, err := s.store.ClassLogins(c.Params("id"))
	if err != nil {
		return err
	}
	var pending []dossier.Login
	for _, st := range students {
		if st.Pending && !st.Disabled {
			pending = append(pending, st)
		}
	}
	if len(pending) == 0 {
		return pfmp.Conflict("Tous les élèves de cette classe ont déjà choisi leur mot de passe : pour l'un d'eux, utilisez « Réinitialiser le mot de passe ».")
	}
	return s.sendSlips(c, pending, s.studentPasswords(true), pfmp.FileName("Identifiants "+class.Name, ".pdf"), classAccountsURL(class.ID))
}

// studentSlip gives one student a new initial password, printed on his slip.
func (s *Server) studentSlip(c *fiber.Ctx) error {
	st, err := s.store.StudentLoginOf(c.Params("id"))
	if err != nil {
		return err
	}
	back := accountsURL
	if class := s.store.ClassOf(st.ID); class != "" {
		back = classAccountsURL(class)
	}
	return s.sendSlips(c, []dossier.Login{*st}, s.studentPasswords(false),
		pfmp.FileName("Identifiant "+st.FirstName+" "+pfmp.FamilyName(st.LastName), ".pdf"), back)
}

// savePasswords stores the passwords of slips just printed (a dossier.Store method).
type savePasswords func(actorID string, pws []dossier.InitialPassword) error

// studentPasswords stores students' slips' passwords; onlyPending: see SetInitialPasswords.
func (s *Server) studentPasswords(onlyPending bool) savePasswords {
	return func(actorID string, pws []dossier.InitialPassword) error {
		return s.store.SetInitialPasswords(actorID, pws, onlyPending)
	}
}

// sendSlips draws the accounts' passwords, prints their slips as one PDF (or, with
// format=html, as a page the browser prints), then stores the passwords and sends the slips.
func (s *Server) sendSlips(c *fiber.Ctx, students []dossier.Login, save savePasswords, name, back string) error {
	asPage := c.FormValue("format") == "html"
	if err := s.printable(); err != nil && !asPage {
		return s.printFailed(c, err, "", back)
	}
	passwords := make([]string, len(students))
	for i := range students {
		passwords[i] = accounts.NewPassword()
	}
	hashes, err := accounts.HashInitials(passwords)
	if err != nil {
		return err
	}
	slips := make([]print.Slip, len(students))
	pws := make([]dossier.InitialPassword, len(students))
	for i, st := range students {
		slips[i] = print.Slip{Student: print.Student{FirstName: st.FirstName, LastName: pfmp.FamilyName(st.LastName), Class: st.ClassName},
			Username: st.Username, Password: passwords[i]}
		pws[i] = dossier.InitialPassword{AccountID: st.ID, Hash: hashes[i]}
	}
	doc, err := print.RenderSlips(s.printSchool(), s.linkBase(c), slips)
	if err != nil {
		return err
	}
	var pdf []byte
	if !asPage {
		if pdf, err = s.cfg.Printer.PDF(c.UserContext(), doc); err != nil {
			return s.printFailed(c, err, "", back)
		}
	}
	if err := save(actorOf(c).ID, pws); err != nil {
		return err
	}
	if asPage {
		return sendPrintView(c, doc)
	}
	return sendFile(c, print.File{Name: name, ContentType: "application/pdf", Data: pdf})
}
