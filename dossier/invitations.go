package dossier

import (
	"database/sql"
	"errors"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// A teacher's invitation: a one-time link to choose his password, one per teacher. Its token is
// drawn like a tutor's (NewAccessToken): only its SHA-256 is stored. A new invitation replaces
// the previous one, whose link then opens nothing.

// Invitation is an invitation as its link finds it.
type Invitation struct {
	ID      string         `db:"id"`
	UserID  string         `db:"user"`
	Expires types.DateTime `db:"expires"`
	UsedAt  types.DateTime `db:"used_at"`
}

// Used reports whether its link set a password already.
func (i *Invitation) Used() bool { return !i.UsedAt.IsZero() }

// Opens reports whether its link still opens at now (pfmp.InvitationOpens).
func (i *Invitation) Opens(now time.Time) bool {
	return pfmp.InvitationOpens(i.Expires.Time(), i.Used(), now)
}

// ErrInvitationClosed: the link was used, or expired, between the form and its sending, or
// the account's password was set meanwhile (see hooks/invitations.go).
var ErrInvitationClosed = pfmp.Conflict("Ce lien d'invitation ne permet plus de choisir un mot de passe.")

// InvitationByTokenHash finds the invitation a link's token opens (any state); nil when none.
func (s *Store) InvitationByTokenHash(hash string) (*Invitation, error) {
	var inv Invitation
	err := s.app.DB().NewQuery(`SELECT id, user, expires, used_at FROM invitations WHERE token_hash = {:h}`).
		Bind(dbx.Params{"h": hash}).One(&inv)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &inv, err
}

// ErrInvitationReaddressed: the teacher's email changed since his invitation was queued.
var ErrInvitationReaddressed = pfmp.Conflict("L'adresse électronique de cet enseignant a changé depuis l'envoi de l'invitation : invitez-le de nouveau.")

// IssueInvitation gives a teacher who has not chosen his password a new invitation under
// tokenHash, valid pfmp.InvitationValidity from now, for the email to carries it to: his own,
// or none is issued (an email queued before his address was corrected). The previous
// invitation's link opens nothing any more.
func (s *Store) IssueInvitation(userID, to, tokenHash string) error {
	return s.app.RunInTransaction(func(tx core.App) error {
		user, err := tx.FindRecordById("users", userID)
		if err != nil || user.GetString("role") != "teacher" {
			return pfmp.NotFound("Ce compte d'enseignant n'existe pas (ou plus).")
		}
		if !strings.EqualFold(user.Email(), to) {
			return ErrInvitationReaddressed
		}
		facts := pfmp.InvitationFacts{Disabled: user.GetBool("disabled"), PasswordChosen: !user.GetBool("must_change_password")}
		if msg := pfmp.InvitationRefusal(facts, user.GetString("first_name")+" "+user.GetString("last_name"), s.now()); msg != "" {
			return pfmp.Conflict(msg)
		}
		rec, err := tx.FindFirstRecordByData("invitations", "user", userID)
		if errors.Is(err, sql.ErrNoRows) {
			if rec, err = newRecord(tx, "invitations"); err == nil {
				rec.Set("user", userID)
			}
		}
		if err != nil {
			return err
		}
		now := s.now().UTC()
		rec.Set("token_hash", tokenHash)
		rec.Set("token_key", user.TokenKey()) // the account as it is now: see AcceptInvitation
		rec.Set("sent_at", now)
		rec.Set("expires", now.Add(pfmp.InvitationValidity))
		rec.Set("used_at", "")
		return tx.Save(rec)
	})
}

// NoteInvitationMail records the email (mail_log) that carries a teacher's invitation.
func (s *Store) NoteInvitationMail(userID, mailID string) error {
	_, err := s.app.DB().Update("invitations", dbx.Params{"mail": mailID}, dbx.HashExp{"user": userID}).Execute()
	return err
}

// AcceptInvitation sets the password a teacher chose through his invitation (checked already
// against accounts.CheckNewPassword), hashed at PocketBase's cost, and uses the invitation up,
// in one transaction: an invitation used or expired meanwhile is ErrInvitationClosed. The
// saved account comes back, for the session it opens.
func (s *Store) AcceptInvitation(invitationID, password string) (*core.Record, error) {
	var user *core.Record
	err := s.app.RunInTransaction(func(tx core.App) error {
		inv, err := tx.FindRecordById("invitations", invitationID)
		now := s.now().UTC()
		if err != nil || !pfmp.InvitationOpens(inv.GetDateTime("expires").Time(), !inv.GetDateTime("used_at").IsZero(), now) {
			return ErrInvitationClosed
		}
		if user, err = tx.FindRecordById("users", inv.GetString("user")); err != nil {
			return ErrInvitationClosed
		}
		if user.GetBool("disabled") {
			return pfmp.Forbidden("Ce compte a été désactivé : adressez-vous à l'administrateur de l'application.")
		}
		if !user.GetBool("must_change_password") || user.TokenKey() != inv.GetString("token_key") {
			// his password is chosen, or set since (a slip, the dashboard), or his sessions were
			// ended: the link is no key to his account any more, whatever its row says
			return ErrInvitationClosed
		}
		inv.Set("used_at", now)
		if err := tx.Save(inv); err != nil {
			return err
		}
		user.SetPassword(password) // a new password renews the token key: any other session ends
		user.Set("must_change_password", false)
		if err := tx.Save(user); err != nil {
			return err
		}
		return Audit(tx, user.Id, "invitation_acceptee", "users", user.Id, nil)
	})
	return user, err
}
