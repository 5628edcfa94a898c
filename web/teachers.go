package web

// « Comptes des enseignants », the school's administrator's: the teachers' accounts with the
// state of their invitation, an invitation sent again, the import (teachers_import.go), and —
// without SMTP — the login slips of the teachers who have not chosen their password.

import (
	"cmp"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	teachersURL   = "/comptes/enseignants"
	teachersTitle = "Comptes des enseignants"
)

// teachersView is the page's data.
type teachersView struct {
	Teachers  []teacherRow
	MailOn    bool // invitations can leave
	Pending   int  // teachers who have not chosen their password: their slips
	ImportURL string
}

// teacherRow is one teacher with his invitation's state.
type teacherRow struct {
	dossier.TeacherLogin
	State     pfmp.InvitationState
	Detail    string // when he was invited, until when, why the email did not get through
	CanInvite bool
}

// teachersIndex lists the teachers' accounts.
func (s *Server) teachersIndex(c *fiber.Ctx) error {
	list, err := s.store.TeacherLogins()
	if err != nil {
		return err
	}
	v := teachersView{MailOn: s.mailOn(), ImportURL: teachersImport.URL}
	for _, t := range list {
		row := teacherRow{TeacherLogin: t, State: pfmp.InvitationStateOf(t.Facts(), s.cfg.Now())}
		row.Detail = invitationDetail(row)
		row.CanInvite = v.MailOn && pfmp.InvitationRefusal(t.Facts(), t.FirstName+" "+t.LastName, s.cfg.Now()) == ""
		if t.Pending && !t.Disabled {
			v.Pending++
		}
		v.Teachers = append(v.Teachers, row)
	}
	return s.page(c, fiber.StatusOK, "accounts/teachers", teachersTitle, withPage(v))
}

// invitationDetail says when a teacher was last invited, and what became of it.
func invitationDetail(r teacherRow) string {
	if r.InvitedAt.IsZero() {
		return ""
	}
	line := "Dernière invitation le " + pfmp.FormatDateTime(r.InvitedAt.Time())
	switch r.State {
	case pfmp.InvitationSent, pfmp.InvitationSending:
		return line + ", valable jusqu'au " + pfmp.FormatDateTime(r.Expires.Time()) + "."
	case pfmp.InvitationExpired:
		return line + ", expirée le " + pfmp.FormatDateTime(r.Expires.Time()) + "."
	case pfmp.InvitationUndelivered:
		return line + " : " + cmp.Or(r.MailError, "courriel non envoyé (messagerie non configurée).")
	}
	return line + "."
}

// teacherInvite sends a teacher a new invitation; his previous link no longer opens.
func (s *Server) teacherInvite(c *fiber.Ctx) error {
	t, err := s.store.TeacherLoginOf(c.Params("id"))
	if err != nil {
		return err
	}
	switch {
	case !s.mailOn():
		return pfmp.Conflict(msgMailOff)
	}
	if msg := pfmp.InvitationRefusal(t.Facts(), t.FirstName+" "+t.LastName, s.cfg.Now()); msg != "" {
		return pfmp.Conflict(msg)
	}
	r, err := s.inviterOf(c).invite(t)
	if err != nil {
		return err
	}
	if r.Duplicate {
		s.flash(c, "Une invitation vient déjà d'être envoyée à "+t.Email+" : elle n'a pas été envoyée une seconde fois.")
	} else {
		s.flash(c, "Invitation envoyée à "+t.Email+", valable jusqu'au "+pfmp.FormatDateTime(s.cfg.Now().Add(pfmp.InvitationValidity))+
			". Le lien de l'invitation précédente ne fonctionne plus.")
	}
	return c.Redirect(teachersURL, fiber.StatusSeeOther)
}

// teacherSlips prints the slips of the teachers who have not chosen their password.
func (s *Server) teacherSlips(c *fiber.Ctx) error {
	list, err := s.store.TeacherLogins()
	if err != nil {
		return err
	}
	var pending []dossier.Login
	for _, t := range list {
		if t.Pending && !t.Disabled {
			pending = append(pending, t.Login)
		}
	}
	if len(pending) == 0 {
		return pfmp.Conflict("Tous les enseignants ont déjà choisi leur mot de passe : aucune fiche à imprimer.")
	}
	return s.sendSlips(c, pending, s.store.SetTeacherInitialPasswords, pfmp.FileName("Identifiants enseignants", ".pdf"), teachersURL)
}
