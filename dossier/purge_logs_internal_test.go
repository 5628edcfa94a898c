package dossier

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
	"github.com/stretchr/testify/require"

	"livret/apptest/migrated"
)

// A log row naming two purged accounts is counted once on the preview, as it is deleted once.
func TestLogsNamingTwoPurgedAccountsCountOnce(t *testing.T) {
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: migrated.Dir(t)})
	require.NoError(t, app.Bootstrap())
	t.Cleanup(func() { _ = app.ResetBootstrapState() })
	for _, msg := range []string{"tutor aaaaaaaaaaaaaaa of student bbbbbbbbbbbbbbb", "other ccccccccccccccc"} {
		l := &core.Log{Message: msg, Data: types.JSONMap[any]{}, Created: types.NowDateTime()}
		l.Id = core.GenerateDefaultRandomId()
		l.MarkAsNew()
		require.NoError(t, app.AuxSave(l))
	}
	ids := []string{"aaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbb"}
	n, err := countLogs(app, ids)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	n, err = deleteLogs(app, ids)
	require.NoError(t, err)
	require.Equal(t, 1, n)
	n, err = countLogs(app, []string{"ccccccccccccccc"})
	require.NoError(t, err)
	require.Equal(t, 1, n, "the other row stays")
}
