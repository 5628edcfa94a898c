package migrations

import (
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"
)

// The masters' hand-made grants become the link on their apprentice's record; tutors' grants
// stay; the way down gives the masters their grants back.
func TestMastersGrantsBecomeTheApprenticeLink(t *testing.T) {
	t.Parallel()
	app := MustApp(t)
	migration := migrationNamed(t, "1732807000_tutors_masters_referents.go")
	require.NoError(t, migration.Down(app))

	master := MustCreate(t, app, "users", map[string]any{"role": "master", "username": "jboisseau", "password": "motdepasse123"})
	tutor := MustCreate(t, app, "users", map[string]any{"role": "tutor", "email": "anne@usine.fr", "password": "motdepasse123"})
	apprentice := MustCreate(t, app, "users", map[string]any{"role": "student", "username": "llambert", "status": "apprenti", "password": "motdepasse123"})
	pupil := MustCreate(t, app, "users", map[string]any{"role": "student", "username": "mgirard", "password": "motdepasse123"})
	period := MustCreate(t, app, "periods", map[string]any{"name": "PFMP 1", "level": "1re", "kind": "P2",
		"start": "2026-03-02 00:00:00.000Z", "end": "2026-03-27 00:00:00.000Z"})
	p1 := MustCreate(t, app, "placements", map[string]any{"period": period.Id, "student": apprentice.Id})
	p2 := MustCreate(t, app, "placements", map[string]any{"period": period.Id, "student": pupil.Id})
	MustCreate(t, app, "tutor_access", map[string]any{"placement": p1.Id, "tutor": master.Id, "expires": "2026-09-01 00:00:00.000Z"})
	kept := MustCreate(t, app, "tutor_access", map[string]any{"placement": p2.Id, "tutor": tutor.Id, "token_hash": "abc",
		"expires": "2026-09-01 00:00:00.000Z"})

	require.NoError(t, migration.Up(app))
	linked, err := app.FindRecordById("users", apprentice.Id)
	require.NoError(t, err)
	require.Equal(t, master.Id, linked.GetString("master"))
	unlinked, err := app.FindRecordById("users", pupil.Id)
	require.NoError(t, err)
	require.Empty(t, unlinked.GetString("master"))
	require.Equal(t, 0, count(t, app, "tutor_access", dbx.HashExp{"tutor": master.Id}), "the master's grant is gone")
	_, err = app.FindRecordById("tutor_access", kept.Id)
	require.NoError(t, err, "a tutor's grant stays")

	placements, err := app.FindCollectionByNameOrId("placements")
	require.NoError(t, err)
	require.NotNil(t, placements.Fields.GetByName("referents"))
	access, err := app.FindCollectionByNameOrId("tutor_access")
	require.NoError(t, err)
	require.NotNil(t, access.Fields.GetByName("revoked_at"))

	require.NoError(t, migration.Down(app))
	back, err := app.FindFirstRecordByData("tutor_access", "tutor", master.Id)
	require.NoError(t, err, "down: the link becomes a grant again")
	require.Equal(t, p1.Id, back.GetString("placement"))
	require.NoError(t, app.Save(back), "a valid record")
	require.NoError(t, migration.Up(app))
}

func migrationNamed(t *testing.T, file string) *core.Migration {
	t.Helper()
	for _, m := range core.AppMigrations.Items() {
		if m.File == file {
			return m
		}
	}
	t.Fatalf("no migration %s", file)
	return nil
}
