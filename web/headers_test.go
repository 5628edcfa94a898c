package web_test

import (
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/views"
)

// TestEveryAnswerCarriesTheSecurityHeaders: pages, fragments, errors and static files.
func TestEveryAnswerCarriesTheSecurityHeaders(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	anon := a.NewClient(t)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	answers := map[string]*apptest.Response{
		"login page":   anon.Get("/connexion", "Origin", "http://evil.example"),
		"page":         teacher.Get("/periodes", "Origin", "http://evil.example"),
		"map tab":      teacher.Get("/dossiers/" + p.Id + "/portfolio/carte"),
		"fragment":     teacher.Get("/dossiers/"+p.Id+"/liaison?onglet=objectifs", "HX-Request", "true"),
		"not found":    anon.Get("/nulle-part"),
		"static file":  anon.Get("/static/js/map.js"),
		"refused form": anon.PostForm("/connexion", url.Values{}, "Origin", "http://evil.example"),
	}
	for name, r := range answers {
		csp := r.Header.Values("Content-Security-Policy")
		require.Len(t, csp, 1, name)
		for _, want := range []string{"default-src 'self'", "script-src 'self';", "style-src 'self';",
			"frame-ancestors 'none'", "img-src 'self' data: https://tile.openstreetmap.org;",
			"connect-src 'self' https://api-adresse.data.gouv.fr;"} {
			assert.Contains(t, csp[0], want, name)
		}
		assert.NotContains(t, csp[0], "unsafe", name)
		assert.Equal(t, "strict-origin-when-cross-origin", r.Header.Get("Referrer-Policy"), name)
		assert.Equal(t, []string{"DENY"}, r.Header.Values("X-Frame-Options"), name)
		assert.Equal(t, []string{"nosniff"}, r.Header.Values("X-Content-Type-Options"), name)
		assert.Empty(t, r.Header.Values("Access-Control-Allow-Origin"), name)
	}
	require.Equal(t, http.StatusForbidden, answers["refused form"].Status)
}

// TestTemplatesHoldNoInlineScriptOrStyle: the CSP refuses them, so the page would silently
// lose them. Scripts are files under static/js, styles in static/css.
func TestTemplatesHoldNoInlineScriptOrStyle(t *testing.T) {
	t.Parallel()
	inline := map[string]*regexp.Regexp{
		"inline <script>":         regexp.MustCompile(`(?i)<script\b[^>]*>\s*[^<\s]`),
		"<script> without src":    regexp.MustCompile(`(?i)<script\b[^>]*>`),
		"event handler attribute": regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
		"javascript: URL":         regexp.MustCompile(`(?i)javascript:`),
		"hx-on attribute":         regexp.MustCompile(`(?i)hx-on`),
		"style attribute":         regexp.MustCompile(`(?i)\sstyle\s*=`),
		"<style> element":         regexp.MustCompile(`(?i)<style\b`),
	}
	n := 0
	require.NoError(t, fs.WalkDir(views.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(views.FS, path)
		if err != nil {
			return err
		}
		n++
		for what, re := range inline {
			for _, m := range re.FindAllString(string(b), -1) {
				if what == "<script> without src" && strings.Contains(m, "src=") {
					continue
				}
				t.Errorf("%s: %s: %q", path, what, m)
			}
		}
		return nil
	}))
	require.Positive(t, n)
}
