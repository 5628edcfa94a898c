package web

import (
	"fmt"
	"html/template"
	"sync"
	"sync/atomic"

	"github.com/pocketbase/pocketbase/core"
)

// viewCache keeps rendered HTML of read-mostly screens (the teacher's period view), valid
// until the next write to what they show. A record of those collections saved or deleted, by
// any path (our pages, the REST API, the dashboard), bumps the version and so invalidates
// every entry at once; a dossier's own content (the portfolio's autosaves) does not.
type viewCache struct {
	enabled bool
	version atomic.Uint64
	mu      sync.RWMutex
	entries map[string]cachedView
}

type cachedView struct {
	version uint64
	html    template.HTML
}

const maxCachedViews = 1000

func newViewCache(app core.App, enabled bool) *viewCache {
	vc := &viewCache{enabled: enabled, entries: map[string]cachedView{}}
	bump := func(e *core.ModelEvent) error {
		if shown(e.Model) {
			vc.version.Add(1)
		}
		return e.Next()
	}
	app.OnModelAfterCreateSuccess().BindFunc(bump)
	app.OnModelAfterUpdateSuccess().BindFunc(bump)
	app.OnModelAfterDeleteSuccess().BindFunc(bump)
	return vc
}

// shownCollections are what the cached views show. Of a placement, the view shows only its
// period, student, first-edit mark and referents (« Mes élèves »); of a user, the name, status
// and class; the tutors' links are marked from their grants and emails.
var shownCollections = map[string][]string{
	"periods": nil, "classes": nil, "checkpoints": nil, "tutor_access": nil, "mail_log": nil,
	"placements": {"period", "student", "portfolio_edited", "referents"},
	"users":      {"first_name", "last_name", "status", "class", "role"},
}

// shown reports whether a write to m may change a cached view: any write to a shown
// collection, except updates that leave every shown field of a record as it was.
func shown(m core.Model) bool {
	r, ok := m.(*core.Record)
	if !ok {
		return false // request logs, collections, settings
	}
	fields, ok := shownCollections[r.Collection().Name]
	if !ok {
		return false
	}
	if fields == nil || r.IsNew() || r.Original() == nil {
		return true
	}
	for _, f := range fields {
		if fmt.Sprint(r.Original().Get(f)) != fmt.Sprint(r.Get(f)) { // lists (referents) too
			return true
		}
	}
	return r.Original().Id == "" // an original never loaded: no telling what changed
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
	if !vc.enabled {
		return fn()
	}
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
