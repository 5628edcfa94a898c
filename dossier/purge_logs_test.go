package dossier_test

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// mustLog writes a row of PocketBase's logs, as its request logger and app.Logger() do.
func mustLog(t *testing.T, a *apptest.App, message string, data map[string]any) {
	t.Helper()
	l := &core.Log{Message: message, Data: types.JSONMap[any](data), Created: types.NowDateTime()}
	l.Id = core.GenerateDefaultRandomId()
	l.MarkAsNew()
	require.NoError(t, a.PB.AuxSave(l))
}

func logsNaming(t *testing.T, a *apptest.App, id string) int {
	t.Helper()
	var n int
	require.NoError(t, a.PB.AuxDB().NewQuery(`SELECT COUNT(*) FROM _logs WHERE instr(data, {:id}) > 0 OR instr(message, {:id}) > 0`).
		Bind(dbx.Params{"id": id}).Row(&n))
	return n
}

// The purge deletes the rows of PocketBase's logs naming the leaver (his requests, messages
// about him), counted on the preview; the others' rows stay.
func TestPurgeDeletesTheLeaversLogs(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	admin := a.MustFind(t, "users", "username", "prof.martin").Id
	lucas := a.MustFind(t, "users", "username", "lucas.lambert").Id
	manon := mustCloseWithLeaver(t, a, s, "manon.girard")
	mustLog(t, a, "GET /api/collections/users/records", map[string]any{"type": "request", "auth": "users", "authId": manon, "status": 403})
	mustLog(t, a, "dossier rebuilt for "+manon, map[string]any{})
	mustLog(t, a, "GET /api/health", map[string]any{"type": "request", "auth": "users", "authId": lucas, "status": 200})

	a.Clock.Set(a.Clock.Now().AddDate(2, 0, 0))
	plan, err := s.PurgePreview()
	require.NoError(t, err)
	require.Equal(t, 2, plan.Logs)
	out, err := s.Purge(admin, []string{manon})
	require.NoError(t, err)
	require.Equal(t, 2, out.Logs)
	require.Zero(t, logsNaming(t, a, manon))
	require.Equal(t, 1, logsNaming(t, a, lucas), "another student's logs stay")
}
