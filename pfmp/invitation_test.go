package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestInvitationStateOf(t *testing.T) {
	now := time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	later, earlier := now.Add(time.Hour), now.Add(-time.Hour)
	cases := []struct {
		name string
		f    InvitationFacts
		want InvitationState
	}{
		{"never invited", InvitationFacts{}, InvitationPending},
		{"password chosen at the first login, never invited", InvitationFacts{PasswordChosen: true}, InvitationAccepted},
		{"invited, its email queued", InvitationFacts{Invited: true, Expires: later}, InvitationSending},
		{"invited, its email sent", InvitationFacts{Invited: true, Expires: later, MailSent: true}, InvitationSent},
		{"invited, its email failed", InvitationFacts{Invited: true, Expires: later, MailFailed: true}, InvitationUndelivered},
		{"expired", InvitationFacts{Invited: true, Expires: earlier, MailSent: true}, InvitationExpired},
		{"expiry instant is already too late", InvitationFacts{Invited: true, Expires: now, MailSent: true}, InvitationExpired},
		{"expired and its email failed: expired says more", InvitationFacts{Invited: true, Expires: earlier, MailFailed: true}, InvitationExpired},
		{"accepted, then expired: accepted", InvitationFacts{PasswordChosen: true, Invited: true, Expires: earlier}, InvitationAccepted},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := InvitationStateOf(c.f, now)
			require.Equal(t, c.want, s)
			require.NotEmpty(t, s.Label())
			require.NotEmpty(t, s.Class())
			require.Equal(t, c.want != InvitationAccepted, s.Invitable())
		})
	}
}

func TestInvitationOpens(t *testing.T) {
	now := time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	require.True(t, InvitationOpens(now.Add(InvitationValidity), false, now))
	require.False(t, InvitationOpens(now.Add(InvitationValidity), true, now), "used once: closed")
	require.False(t, InvitationOpens(now, false, now), "the expiry instant is already too late")
	require.False(t, InvitationOpens(time.Time{}, false, now), "no expiry: never open")
}
