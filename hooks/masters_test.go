package hooks_test

import (
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/tools/router"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// The apprentice-master link goes from a student to a master account, whatever saves it.
func TestMasterLinkPointsFromAStudentToAMaster(t *testing.T) {
	t.Parallel()
	a := apptest.MustStart(t)
	master := a.MustRecord(t, "users", map[string]any{"role": "master", "username": "maitre", "password": "secret-123"})
	teacher := a.MustRecord(t, "users", map[string]any{"role": "teacher", "username": "prof", "password": "secret-123"})
	student := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "apprenti", "status": "apprenti", "password": "secret-123"})

	student.Set("master", teacher.Id)
	requireBadRequest(t, a.PB.Save(student), "n'est pas un compte « Maître d'apprentissage »")
	student.Set("master", master.Id)
	require.NoError(t, a.PB.Save(student))

	teacher.Set("master", master.Id)
	requireBadRequest(t, a.PB.Save(teacher), "Seul un apprenant")
	student.Set("master", "")
	require.NoError(t, a.PB.Save(student), "unlinking is always allowed")
}

func requireBadRequest(t *testing.T, err error, words string) {
	t.Helper()
	var ae *router.ApiError
	require.ErrorAs(t, err, &ae)
	require.Equal(t, http.StatusBadRequest, ae.Status)
	require.Contains(t, ae.Message, words)
}
