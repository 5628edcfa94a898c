package web

import (
	"html/template"
	"sync"
	"sync/atomic"

	"github.com/pocketbase/pocketbase/core"
)

// viewCache keeps rendered HTML of read-mostly screens (the teacher's period view), valid
// until the next write to the database. Any record saved or deleted, by any path (our pages,
// the REST API, the dashboard), bumps the version and so invalidates every entry at once:
// coarse, but never stale.
type viewCache struct {
	version atomic.Uint64
	mu      sync.RWMutex
	entries map[string]cachedView
}

type cachedView struct {
	version uint64
	html    template.HTML
}

const maxCachedViews = 1000

func newViewCache(app core.App) *viewCache {
	vc := &viewCache{entries: map[string]cachedView{}}
	bump := func(e *core.ModelEvent) error {
		if _, isLog := e.Model.(*core.Log); !isLog { // request logs are not data
			vc.version.Add(1)
		}
		return e.Next()
	}
	app.OnModelAfterCreateSuccess().BindFunc(bump)
	app.OnModelAfterUpdateSuccess().BindFunc(bump)
	app.OnModelAfterDeleteSuccess().BindFunc(bump)
	return vc
}

// get returns the HTML stored under key if no write happened since it was rendered.
func (vc *viewCache) get(key string) (template.HTML, bool) {
	vc.mu.RLock()
	e, ok := vc.entries[key]
	vc.mu.RUnlock()
	return e.html, ok && e.version == vc.version.Load()
}

// render returns the cached HTML or renders it with fn and keeps it. The version is read
// before rendering, so a write during the render leaves the entry already outdated.
func (vc *viewCache) render(key string, fn func() (template.HTML, error)) (template.HTML, error) {
	if html, ok := vc.get(key); ok {
		return html, nil
	}
	v := vc.version.Load()
	html, err := fn()
	if err != nil {
		return "", err
	}
	vc.mu.Lock()
	if len(vc.entries) >= maxCachedViews {
		vc.entries = map[string]cachedView{}
	}
	vc.entries[key] = cachedView{version: v, html: html}
	vc.mu.Unlock()
	return html, nil
}
