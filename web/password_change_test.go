package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// Changing one's password asks the current one: a wrong one is a 422 on its field; tried too
// often, the page answers 429 as the login does, the wait in minutes.
func TestPasswordChangeRefusesAWrongCurrentPassword(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	form := url.Values{"actuel": {"pas le bon"}, "mot_de_passe": {"la craie verte 42"}, "confirmation": {"la craie verte 42"}}
	r := teacher.PostForm("/mot-de-passe", form)
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	assert.Contains(t, r.Body, `class="field-error"`)
	for range 10 {
		if r = teacher.PostForm("/mot-de-passe", form); r.Status != http.StatusUnprocessableEntity {
			break
		}
	}
	require.Equal(t, http.StatusTooManyRequests, r.Status)
	assert.Contains(t, alertOf(r.Body), "Trop de tentatives échouées. Réessayez dans")
	assert.True(t, a.MustFind(t, "users", "username", "prof.martin").ValidatePassword(demo.Password), "unchanged")
}
