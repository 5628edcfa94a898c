package pfmp

import "time"

// InvitationValidity is how long a teacher's invitation link opens: a week, once.
const InvitationValidity = 7 * 24 * time.Hour

// InvitationOpens reports whether an invitation's link still opens at now: not used yet, not
// expired (the expiry instant is already too late).
func InvitationOpens(expires time.Time, used bool, now time.Time) bool {
	return GrantValid(expires, used, now)
}

// InvitationFacts is what is known of a teacher's account and of its latest invitation.
type InvitationFacts struct {
	Disabled       bool // the account, by the school
	PasswordChosen bool // by the invitation's link, or at the first login with a slip
	Invited        bool
	Expires        time.Time
	MailSent       bool // its email reached the mail server
	MailFailed     bool // its email was refused, awaits a new try, or went to the outbox
}

// InvitationState is where a teacher's account stands, as « Comptes des enseignants » marks it.
type InvitationState int

const (
	InvitationPending     InvitationState = iota // no invitation yet: send one, or print a slip
	InvitationSending                            // its email is on its way
	InvitationSent                               // its email delivered, its link open
	InvitationUndelivered                        // its email has not got through
	InvitationExpired                            // its link no longer opens: send a new one
	InvitationAccepted                           // the teacher chose his password
)

// InvitationStateOf applies the rule: a chosen password ends the story; an invitation is only
// as good as its link and the email that carries it.
func InvitationStateOf(f InvitationFacts, now time.Time) InvitationState {
	switch {
	case f.PasswordChosen:
		return InvitationAccepted
	case !f.Invited:
		return InvitationPending
	case !InvitationOpens(f.Expires, false, now):
		return InvitationExpired
	case f.MailFailed:
		return InvitationUndelivered
	case !f.MailSent:
		return InvitationSending
	}
	return InvitationSent
}

// Label is the state's French mark.
func (s InvitationState) Label() string {
	return [...]string{"En attente d'invitation", "Invitation en cours d'envoi", "Invitation envoyée",
		"Invitation non distribuée", "Invitation expirée", "Compte activé"}[s]
}

// Class is the state's badge colour.
func (s InvitationState) Class() string {
	return [...]string{"badge-warning", "badge-muted", "badge-muted", "badge-error", "badge-warning", "badge-success"}[s]
}

// Invitable reports whether an invitation may be sent (again): until the password is chosen.
func (s InvitationState) Invitable() bool { return s != InvitationAccepted }

// InvitationRefusal says why no invitation may be sent to the account of name, in French; ""
// when one may: not to a disabled account, nor once the password is chosen.
func InvitationRefusal(f InvitationFacts, name string, now time.Time) string {
	switch {
	case f.Disabled:
		return "Ce compte est désactivé : réactivez-le dans le tableau de bord avant de l'inviter."
	case !InvitationStateOf(f, now).Invitable():
		return name + " a déjà choisi son mot de passe : aucune invitation n'est nécessaire."
	}
	return ""
}
