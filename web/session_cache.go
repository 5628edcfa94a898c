package web

import (
	"sync"
	"time"

	"livret/pfmp"
)

// Resolving a session cookie reads the account from the database: about a third of a page's
// work. The actor of a token is kept in memory for a short while; every change to an account
// (logout, password, disabling, any save from any path) drops its entries at once (see
// bindSessionHooks), so the cache never outlives a session that has ended.
const (
	sessionTTL  = 45 * time.Second
	maxSessions = 10000 // bounds memory under a spray of tokens
)

type sessionEntry struct {
	actor  *pfmp.Actor
	userID string
	until  time.Time
}

type sessionCache struct {
	mu      sync.Mutex
	now     func() time.Time
	byToken map[string]sessionEntry
	// gen moves on every invalidation: a lookup that read the database before it must not
	// store what it read (the account may have changed in between).
	gen uint64
}

func newSessionCache(now func() time.Time) *sessionCache {
	return &sessionCache{now: now, byToken: map[string]sessionEntry{}}
}

// get returns the cached actor of a token, and the generation to hand to put on a miss.
func (sc *sessionCache) get(token string) (*pfmp.Actor, uint64) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	e, ok := sc.byToken[token]
	if ok && sc.now().Before(e.until) {
		return e.actor, sc.gen
	}
	if ok {
		delete(sc.byToken, token)
	}
	return nil, sc.gen
}

// put keeps a token's actor until ttl or the token's own expiry, whichever comes first,
// unless an invalidation happened since gen was read.
func (sc *sessionCache) put(token string, a *pfmp.Actor, expires time.Time, gen uint64) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	if gen != sc.gen {
		return
	}
	until := sc.now().Add(sessionTTL)
	if !expires.IsZero() && expires.Before(until) {
		until = expires
	}
	if len(sc.byToken) >= maxSessions {
		sc.byToken = map[string]sessionEntry{}
	}
	sc.byToken[token] = sessionEntry{actor: a, userID: a.ID, until: until}
}

// dropUser forgets every session of one account.
func (sc *sessionCache) dropUser(userID string) {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.gen++
	for tok, e := range sc.byToken {
		if e.userID == userID {
			delete(sc.byToken, tok)
		}
	}
}

// dropAll forgets every session (the users collection itself changed: its token secret…).
func (sc *sessionCache) dropAll() {
	sc.mu.Lock()
	defer sc.mu.Unlock()
	sc.gen++
	sc.byToken = map[string]sessionEntry{}
}
