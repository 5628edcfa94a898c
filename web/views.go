package web

import (
	"html/template"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/gofiber/template/html/v2"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
	"livret/views"
)

// loadedViews are the embedded templates, parsed once per process with the few functions
// they share: embedded, they cannot change, and every server of the process (the tests start
// hundreds) renders them read-only.
var loadedViews = sync.OnceValues(func() (*html.Engine, error) {
	e := html.NewFileSystem(http.FS(views.FS), ".html")
	e.AddFuncMap(viewFuncs())
	return e, e.Load()
})

// viewFuncs are the functions the templates share.
func viewFuncs() template.FuncMap {
	return template.FuncMap{
		"date":       func(d any) string { return fmtDate(d, pfmp.FormatLong) },
		"dateShort":  func(d any) string { return fmtDate(d, pfmp.FormatShort) },
		"iso":        func(d any) string { return fmtDate(d, pfmp.ISODate) },
		"kindLabel":  func(k string) string { return pfmp.Kind(k).Label() },
		"kind":       func(k string) pfmp.Kind { return pfmp.Kind(k) },
		"levelLabel": func(l string) string { return pfmp.Level(l).Label() },
		"roleLabel":  func(r pfmp.Role) string { return r.Label() },
		"upper":      pfmp.FamilyName,
		"dict":       dict,
		"has":        func(list []string, v string) bool { return slices.Contains(list, v) },
		// evaluations
		"datetime":        func(d any) string { return fmtDate(d, pfmp.FormatDateTime) },
		"rating":          func(code string) pfmp.Rating { r, _ := pfmp.RatingOf(code); return r },
		"attitudeLevel":   func(code string) *pfmp.AttitudeLevel { return attitudeLevel(code) },
		"ratingScale":     pfmp.Ratings,
		"engagementScale": pfmp.Engagements,
	}
}

// fmtDate formats time.Time or PocketBase DateTime values; empty dates print as nothing.
func fmtDate(d any, f func(time.Time) string) string {
	var t time.Time
	switch v := d.(type) {
	case time.Time:
		t = v
	case types.DateTime:
		t = v.Time()
	case *types.DateTime:
		if v != nil {
			t = v.Time()
		}
	}
	if t.IsZero() {
		return ""
	}
	return f(t)
}

// attitudeLevel is a level of the attitudes' scale, nil for none.
func attitudeLevel(code string) *pfmp.AttitudeLevel {
	if l, ok := pfmp.AttitudeLevelOf(code); ok {
		return &l
	}
	return nil
}

// dict builds a map from key, value pairs, to hand several values to a partial.
func dict(kv ...any) map[string]any {
	m := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i].(string)] = kv[i+1]
	}
	return m
}
