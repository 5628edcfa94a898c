package dossier

import "sync"

// stamped keeps a value read from the référentiel with the stamp of its rows (their ids,
// count or update times): read again only once the stamp changes.
type stamped[T any] struct {
	mu    sync.Mutex
	stamp string
	value T
}

// get is the value kept for stamp, or read's, then kept.
func (c *stamped[T]) get(stamp string, read func() (T, error)) (T, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stamp == stamp {
		return c.value, nil
	}
	v, err := read()
	if err == nil {
		c.stamp, c.value = stamp, v
	}
	return v, err
}
