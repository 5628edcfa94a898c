package web_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"livret/apptest"
	"livret/demo"
)

var (
	labelledByRe = regexp.MustCompile(`aria-labelledby="([^"]*)"`)
	idRe         = regexp.MustCompile(`\sid="([^"]*)"`)
)

// Sections listed per class name each their heading by an id: class names hold spaces
// (« 1re MSPC »), so an id made of the name pointed at no element.
func TestSectionsPerClassNameTheirHeading(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	admin := a.MustLogin(t, "prof.martin", demo.Password)
	for _, path := range []string{"/annee/cloture", "/evaluations-certificatives"} {
		body := admin.Get(path).Body
		ids := map[string]int{}
		for _, m := range idRe.FindAllStringSubmatch(body, -1) {
			ids[m[1]]++
		}
		refs := labelledByRe.FindAllStringSubmatch(body, -1)
		assert.NotEmpty(t, refs, path)
		for _, m := range refs {
			for _, id := range strings.Fields(m[1]) {
				assert.Equal(t, 1, ids[id], "%s: aria-labelledby %q names %d element(s)", path, id, ids[id])
			}
		}
	}
}
