package pfmp

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestLinkStateOf(t *testing.T) {
	now := time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	later, earlier := now.Add(time.Hour), now.Add(-time.Hour)
	cases := []struct {
		name string
		f    LinkFacts
		want LinkState
	}{
		{"never sent", LinkFacts{}, LinkNone},
		{"a mail failed but no grant: nothing to open", LinkFacts{MailFailed: true}, LinkNone},
		{"valid", LinkFacts{HasGrant: true, Expires: later}, LinkValid},
		{"valid, its mail retrying", LinkFacts{HasGrant: true, Expires: later, MailRetrying: true}, LinkUndelivered},
		{"valid, its mail failed", LinkFacts{HasGrant: true, Expires: later, MailFailed: true}, LinkUndelivered},
		{"expired", LinkFacts{HasGrant: true, Expires: earlier}, LinkExpired},
		{"expiry instant is already too late", LinkFacts{HasGrant: true, Expires: now}, LinkExpired},
		{"expired and its mail failed: expired says more", LinkFacts{HasGrant: true, Expires: earlier, MailFailed: true}, LinkExpired},
		{"revoked", LinkFacts{HasGrant: true, Expires: later, Revoked: true}, LinkRevoked},
		{"revoked after expiry: revoked", LinkFacts{HasGrant: true, Expires: earlier, Revoked: true}, LinkRevoked},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := LinkStateOf(c.f, now)
			require.Equal(t, c.want, s)
			require.Equal(t, c.want == LinkNone, s.Label() == "", "every state but none has a mark")
		})
	}
}

func TestActorGrants(t *testing.T) {
	now := time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	tutor := &Actor{ID: "tu", Role: RoleTutor, Grants: []Grant{
		{ID: "g1", Placement: "p1", Expires: now.Add(time.Hour)},
		{ID: "g2", Placement: "p2", Expires: now.Add(-time.Hour)},
		{ID: "g3", Placement: "p3", Expires: now.Add(time.Hour), Revoked: true},
	}}
	require.True(t, tutor.GrantOn("p1", now))
	require.False(t, tutor.GrantOn("p2", now), "expired")
	require.False(t, tutor.GrantOn("p3", now), "revoked")
	require.False(t, tutor.GrantOn("p4", now), "not held")
	require.Equal(t, []Grant{tutor.Grants[0]}, tutor.LiveGrants(now))
	require.False(t, tutor.GrantOn("p1", now.Add(time.Hour)), "until its expiry only")

	notTutor := &Actor{ID: "ma", Role: RoleMaster, Grants: tutor.Grants}
	require.False(t, notTutor.GrantOn("p1", now), "links open a tutor's session only")
	require.Empty(t, notTutor.LiveGrants(now))
	var nobody *Actor
	require.False(t, nobody.GrantOn("p1", now))
}
