package web

import (
	"strings"
	"sync"
	"time"
)

// Logging in through our form bypasses PocketBase's rate limits, so failures are counted here:
// past maxFailures in the window, a key (an account, or an address) must wait.
const (
	maxFailures   = 5
	failureWindow = 15 * time.Minute
	maxKeys       = 10000 // bound memory under a spray of identities
)

type loginThrottle struct {
	mu   sync.Mutex
	now  func() time.Time
	fail map[string][]time.Time
}

func newLoginThrottle(now func() time.Time) *loginThrottle {
	return &loginThrottle{now: now, fail: map[string][]time.Time{}}
}

// throttleKeys are the address's key and the account's (see accountKey), in that order.
func throttleKeys(ip, account string) []string {
	return []string{"ip:" + ip, "id:" + account}
}

// wait is how long the caller must wait before trying again (0: go ahead).
func (t *loginThrottle) wait(keys ...string) time.Duration {
	t.mu.Lock()
	defer t.mu.Unlock()
	var longest time.Duration
	for _, k := range keys {
		recent := t.recent(k)
		limit := maxFailures
		if strings.HasPrefix(k, "ip:") {
			limit = 20 * maxFailures // a school behind one address: students mistype too
		}
		if len(recent) >= limit {
			if w := recent[len(recent)-limit].Add(failureWindow).Sub(t.now()); w > longest {
				longest = w
			}
		}
	}
	return longest
}

func (t *loginThrottle) failed(keys ...string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.fail) > maxKeys {
		t.fail = map[string][]time.Time{}
	}
	for _, k := range keys {
		t.fail[k] = append(t.recent(k), t.now())
	}
}

func (t *loginThrottle) succeeded(identityKey string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.fail, identityKey)
}

// recent drops failures older than the window; callers hold the lock.
func (t *loginThrottle) recent(k string) []time.Time {
	cut := t.now().Add(-failureWindow)
	kept := t.fail[k][:0]
	for _, at := range t.fail[k] {
		if at.After(cut) {
			kept = append(kept, at)
		}
	}
	if len(kept) == 0 {
		delete(t.fail, k)
		return nil
	}
	t.fail[k] = kept
	return kept
}
