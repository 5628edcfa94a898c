package web

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/pfmp"
)

func TestSessionCacheKeepsAnActorBriefly(t *testing.T) {
	t.Parallel()
	now := time.Date(2026, 3, 11, 9, 0, 0, 0, time.UTC)
	sc := newSessionCache(func() time.Time { return now })
	martin := &pfmp.Actor{ID: "martin", Role: pfmp.RoleTeacher}

	_, gen := sc.get("tok")
	sc.put("tok", martin, time.Time{}, gen)
	got, _ := sc.get("tok")
	require.Equal(t, martin, got)

	now = now.Add(sessionTTL)
	got, _ = sc.get("tok")
	require.Nil(t, got, "past the TTL the database is asked again")

	sc.put("tok", martin, now.Add(time.Second), gen)
	now = now.Add(2 * time.Second)
	got, _ = sc.get("tok")
	require.Nil(t, got, "never past the token's own expiry")
}

func TestSessionCacheForgetsAnAccountAtOnce(t *testing.T) {
	t.Parallel()
	sc := newSessionCache(time.Now)
	martin := &pfmp.Actor{ID: "martin"}
	benali := &pfmp.Actor{ID: "benali"}
	_, gen := sc.get("a")
	sc.put("a", martin, time.Time{}, gen)
	sc.put("b", martin, time.Time{}, gen)
	sc.put("c", benali, time.Time{}, gen)

	sc.dropUser("martin")
	for tok, want := range map[string]*pfmp.Actor{"a": nil, "b": nil, "c": benali} {
		got, _ := sc.get(tok)
		require.Equal(t, want, got, tok)
	}

	// A lookup that read the database before the change does not store what it read.
	_, stale := sc.get("d")
	sc.dropUser("martin")
	sc.put("d", martin, time.Time{}, stale)
	got, _ := sc.get("d")
	require.Nil(t, got)

	sc.dropAll()
	got, _ = sc.get("c")
	require.Nil(t, got)
}

func TestSessionCacheIsBounded(t *testing.T) {
	t.Parallel()
	sc := newSessionCache(time.Now)
	_, gen := sc.get("")
	for i := range maxSessions + 10 {
		sc.put(string(rune(i)), &pfmp.Actor{ID: "x"}, time.Time{}, gen)
	}
	require.LessOrEqual(t, len(sc.byToken), maxSessions)
}
