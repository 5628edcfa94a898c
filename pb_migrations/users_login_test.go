package migrations

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"
	"golang.org/x/crypto/bcrypt"
)

func TestUsernamesAndEmailsAreUniqueAndFoundRegardlessOfCase(t *testing.T) {
	t.Parallel()
	app := MustApp(t)
	lea := MustCreate(t, app, "users", map[string]any{"role": "student", "username": "Lea.Dupont",
		"email": "Lea.Dupont@Lycee.fr", "password": "motdepasse123"})

	found, err := app.FindAuthRecordByEmail("users", "lea.dupont@lycee.FR")
	require.NoError(t, err)
	require.Equal(t, lea.Id, found.Id)

	twin := core.NewRecord(lea.Collection())
	twin.Load(map[string]any{"role": "student", "username": "LEA.DUPONT", "password": "motdepasse123"})
	require.Error(t, app.Save(twin), "a username twin up to case")
	twin.Load(map[string]any{"username": "lea2", "email": "LEA.DUPONT@lycee.fr"})
	require.Error(t, app.Save(twin), "an email twin up to case")
}

func TestCaseTwinsStopTheMigrationWithTheirNames(t *testing.T) {
	t.Parallel()
	app := MustApp(t)
	users := mustCollection(t, app, "users")
	require.NoError(t, setUniqueCollation(users, "username", ""))
	require.NoError(t, app.Save(users))
	MustCreate(t, app, "users", map[string]any{"role": "student", "username": "lea.dupont", "password": "motdepasse123"})
	MustCreate(t, app, "users", map[string]any{"role": "student", "username": "Lea.Dupont", "password": "motdepasse123"})

	err := refuseCaseTwins(app, "username")
	require.ErrorContains(t, err, "Lea.Dupont")
	require.ErrorContains(t, err, "renommez-les")
	require.NoError(t, refuseCaseTwins(app, "email"))
}

// A real school's chosen passwords are hashed at bcrypt's default cost at least (the test
// harness lowers it in its prepared folder only: apptest.fastPasswords).
func TestChosenPasswordsAreHashedAtTheDefaultCost(t *testing.T) {
	t.Parallel()
	app := MustApp(t)
	lea := MustCreate(t, app, "users", map[string]any{"role": "student", "username": "lea.dupont", "password": "motdepasse123"})
	hash, ok := lea.GetRaw(core.FieldNamePassword).(*core.PasswordFieldValue)
	require.True(t, ok)
	cost, err := bcrypt.Cost([]byte(hash.Hash))
	require.NoError(t, err)
	require.GreaterOrEqual(t, cost, bcrypt.DefaultCost)
}
