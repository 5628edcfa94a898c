package web

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/mail"
	"livret/pfmp"
)

// The teachers' invitations by email. Like a tutor's link, an invitation's token is minted by
// the mail queue only for a message that is not a duplicate, and reaches the email at send time
// only: neither the queue table nor a log ever holds it.

const msgMailOff = "La messagerie de l'application n'est pas configurée (tableau de bord /_/, menu « Settings » puis « Mail settings », c'est-à-dire Paramètres → Messagerie) : aucune invitation ne peut partir. Imprimez plutôt les fiches de connexion des enseignants."

// mailOn reports whether emails can leave: a mail queue, and SMTP set in the dashboard.
func (s *Server) mailOn() bool { return s.cfg.Mailer != nil && s.app.Settings().SMTP.Enabled }

// inviter sends invitations on behalf of the administrator of a request, with its site address.
type inviter struct {
	s     *Server
	base  string
	admin mail.Person
}

// inviterOf reads, while the request lasts, what invitations sent later need of it.
func (s *Server) inviterOf(c *fiber.Ctx) inviter {
	a := actorOf(c)
	admin := mail.Person{FirstName: a.FirstName, LastName: a.LastName}
	if rec := s.store.Account(a.ID); rec != nil {
		admin.Email = rec.Email()
	}
	return inviter{s: s, base: s.linkBase(c), admin: admin}
}

// invite queues a teacher's invitation; its token is made (and the invitation issued or
// replaced) only if the email is not a duplicate of one queued or just sent.
func (in inviter) invite(t *dossier.TeacherLogin) (mail.Receipt, error) {
	s := in.s
	if s.cfg.Mailer == nil {
		return mail.Receipt{}, errNoMailer
	}
	teacher := mail.Person{FirstName: t.FirstName, LastName: t.LastName, Email: t.Email}
	email, err := mail.Invitation(mail.InvitationData{School: s.store.SchoolName(), Teacher: teacher,
		Username: t.Username, Admin: in.admin, Expires: s.cfg.Now().Add(pfmp.InvitationValidity)})
	if err != nil {
		return mail.Receipt{}, err
	}
	r, err := s.cfg.Mailer.Enqueue(mail.Message{Email: email, Kind: mail.KindInvitation, To: t.Email,
		ToName: teacher.Name(), Key: mail.KindInvitation + "|" + t.ID,
		Link: func() (string, error) { return s.mintInvitation(in.base, t.ID, t.Email) }})
	if err != nil {
		return r, err
	}
	return r, s.store.NoteInvitationMail(t.ID, r.ID)
}

// mintInvitation draws a new token for a teacher's invitation sent to the address to, which
// replaces his previous one; none when his address is no longer to.
func (s *Server) mintInvitation(base, userID, to string) (string, error) {
	tok, hash, err := dossier.NewAccessToken()
	if err != nil {
		return "", err
	}
	if err := s.store.IssueInvitation(userID, to, hash); err != nil {
		return "", err
	}
	return base + invitationPath + "/" + tok, nil
}

// relinkInvitation mints a fresh invitation for a queued email whose link a restart lost
// (IssueInvitation refuses an account that is no teacher's, or no longer at that address).
func (s *Server) relinkInvitation(base, to string) (string, error) {
	rec := s.store.FindAccount(to)
	if rec == nil {
		return "", errors.New("le destinataire n'a plus de compte")
	}
	return s.mintInvitation(base, rec.Id, to)
}
