package migrations

import (
	"encoding/json"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest/migrated"
)

// MustApp returns a PocketBase app on a temporary directory with every
// migration applied (a copy of a folder migrated once).
func MustApp(tb testing.TB) *core.BaseApp {
	tb.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: migrated.Dir(tb)})
	require.NoError(tb, app.Bootstrap())
	tb.Cleanup(func() { _ = app.ResetBootstrapState() })
	require.NoError(tb, app.RunAllMigrations()) // nothing left to apply: checks they all were
	return app
}

// TestMain removes the migrated folder when the tests are done.
func TestMain(m *testing.M) { migrated.Main(m) }

// MustCreate saves a new record of collection with the given values.
func MustCreate(tb testing.TB, app core.App, collection string, values map[string]any) *core.Record {
	tb.Helper()
	col, err := app.FindCollectionByNameOrId(collection)
	require.NoError(tb, err)
	rec := core.NewRecord(col)
	rec.Load(values)
	require.NoError(tb, app.Save(rec), collection)
	return rec
}

func count(tb testing.TB, app core.App, collection string, where dbx.Expression) int {
	tb.Helper()
	n, err := app.CountRecords(collection, where)
	require.NoError(tb, err)
	return int(n)
}

func TestSchema(t *testing.T) {
	t.Parallel()
	app := MustApp(t)

	want := map[string][]string{
		"users":              {"email", "role", "first_name", "last_name", "username", "class", "status", "birth_date", "phone", "can_import", "must_change_password", "master", "school_admin"},
		"diplomas":           {"code", "title", "short", "family", "data"},
		"blocs":              {"diploma", "code", "label", "unit"},
		"activities":         {"diploma", "code", "label", "pole", "bloc", "position"},
		"tasks":              {"activity", "code", "label", "competences", "verification", "position"},
		"competences":        {"diploma", "code", "label", "bloc", "parent", "verification", "position"},
		"attitudes":          {"diploma", "code", "label", "description", "descriptors", "position"},
		"classes":            {"name", "level", "diploma"},
		"annexes":            {"name", "level", "objectives", "tasks", "author"},
		"periods":            {"name", "level", "kind", "annexe", "start", "end", "review_date", "objectives", "tasks", "author"},
		"placements":         {"period", "student", "custom_objectives", "objectives", "tasks", "company_name", "company_address", "company_postal_code", "company_city", "company_sector", "company_phone", "company_siret", "tutor_last_name", "tutor_first_name", "tutor_phone", "tutor_email", "company_activity", "employees", "maintenance_staff", "company_history", "lat", "lng", "org_chart", "portfolio_edited", "liaison_edited", "referents"},
		"journal_weeks":      {"placement", "week_start", "activities", "liked", "succeeded", "version"},
		"interventions":      {"placement", "title", "conditions", "wo_date", "wo_sector", "wo_requester", "wo_machine", "wo_nature", "wo_supplies", "wo_documentation", "defects", "causes", "repairs", "duration", "selected", "version"},
		"attachments":        {"placement", "title", "kind", "file", "url", "mime", "size"},
		"comments":           {"placement", "author", "body", "read_at"},
		"self_reviews":       {"placement", "strengths", "improvements", "next_goals", "version"},
		"attitude_reviews":   {"placement", "ratings", "comment", "author", "version"},
		"company_reviews":    {"placement", "tasks_done", "modes", "ratings", "engagement", "meeting_date", "comment", "certificative", "author", "version", "versions", "saved_at", "saved_by", "evaluators"},
		"tutor_access":       {"placement", "tutor", "token_hash", "expires", "revoked", "sent_at", "last_used", "uses", "revoked_at"},
		"checkpoints":        {"student", "date", "label", "author", "levels", "adjusted"},
		"school_evaluations": {"student", "date", "competence", "level", "label", "comment", "author"},
		"mail_log":           {"to", "subject", "kind", "status", "error", "placement", "body"},
		"audit_log":          {"actor", "action", "collection", "record", "detail"},
		"invitations":        {"user", "token_hash", "expires", "sent_at", "used_at", "mail", "token_key"},
	}

	for name, fields := range want {
		col, err := app.FindCollectionByNameOrId(name)
		require.NoError(t, err, name)
		for _, f := range append(fields, "created", "updated") {
			require.NotNil(t, col.Fields.GetByName(f), "%s.%s", name, f)
		}
		require.Nil(t, col.ListRule, name)
		require.Nil(t, col.ViewRule, name)
		require.Nil(t, col.CreateRule, name)
		require.Nil(t, col.UpdateRule, name)
		require.Nil(t, col.DeleteRule, name)
	}

	users, err := app.FindCollectionByNameOrId("users")
	require.NoError(t, err)
	require.Nil(t, users.ManageRule)
	require.Nil(t, users.AuthRule)
	require.False(t, users.PasswordAuth.Enabled, "no PocketBase login for users: /connexion only")
	require.False(t, users.OTP.Enabled)
	require.False(t, users.OAuth2.Enabled)
	require.NotNil(t, users.Fields.GetByName("disabled"))
	require.True(t, app.Settings().RateLimits.Enabled)
	require.False(t, users.Fields.GetByName("email").(*core.EmailField).Required)
	require.True(t, users.Fields.GetByName("role").(*core.SelectField).Required)

	placementRels := []string{"journal_weeks", "interventions", "attachments", "comments", "self_reviews", "attitude_reviews", "company_reviews", "tutor_access"}
	for _, name := range placementRels {
		col, err := app.FindCollectionByNameOrId(name)
		require.NoError(t, err)
		rel, ok := col.Fields.GetByName("placement").(*core.RelationField)
		require.True(t, ok, name)
		require.True(t, rel.CascadeDelete, name)
		require.True(t, rel.Required, name)
	}

	attachments, err := app.FindCollectionByNameOrId("attachments")
	require.NoError(t, err)
	file := attachments.Fields.GetByName("file").(*core.FileField)
	require.True(t, file.Protected)
	require.EqualValues(t, 20<<20, file.MaxSize)
}

func TestSeedReferentiel(t *testing.T) {
	t.Parallel()
	app := MustApp(t)

	var ref struct {
		Activites []struct {
			Taches []json.RawMessage `json:"taches"`
		} `json:"activites"`
		Competences []struct {
			SousCompetences []json.RawMessage `json:"sous_competences"`
		} `json:"competences"`
		Blocs     []json.RawMessage `json:"blocs_de_competences"`
		Attitudes struct {
			Criteres []json.RawMessage `json:"criteres"`
		} `json:"attitudes_professionnelles"`
	}
	require.NoError(t, json.Unmarshal(BacProMSPC, &ref))
	var tasks, sub int
	for _, a := range ref.Activites {
		tasks += len(a.Taches)
	}
	for _, c := range ref.Competences {
		sub += len(c.SousCompetences)
	}
	require.Len(t, ref.Activites, 4)
	require.Len(t, ref.Competences, 15)
	require.Len(t, ref.Attitudes.Criteres, 11)

	check := func() {
		t.Helper()
		require.Equal(t, 1, count(t, app, "diplomas", nil))
		require.Equal(t, len(ref.Blocs), count(t, app, "blocs", nil))
		require.Equal(t, 4, count(t, app, "activities", nil))
		require.Equal(t, tasks, count(t, app, "tasks", nil))
		require.Equal(t, 15, count(t, app, "competences", dbx.HashExp{"parent": ""}))
		require.Equal(t, sub, count(t, app, "competences", dbx.Not(dbx.HashExp{"parent": ""})))
		require.Equal(t, 11, count(t, app, "attitudes", nil))
	}
	check()
	require.NoError(t, SeedReferentiel(app, BacProMSPC))
	check()

	diploma, err := app.FindFirstRecordByData("diplomas", "code", "bacpro-mspc")
	require.NoError(t, err)
	require.Equal(t, "MSPC", diploma.GetString("short"))
	require.Equal(t, "PMIA", diploma.GetString("family"))
	var data map[string]json.RawMessage
	require.NoError(t, diploma.UnmarshalJSONField("data", &data))
	for _, k := range []string{"echelles", "pfmp", "niveaux"} {
		require.NotEmpty(t, data[k], k)
	}

	task, err := app.FindFirstRecordByData("tasks", "code", "A1T2")
	require.NoError(t, err)
	var comps []string
	require.NoError(t, task.UnmarshalJSONField("competences", &comps))
	require.Equal(t, []string{"C1.1", "C1.2", "C1.3"}, comps)
	require.NotEmpty(t, task.GetString("verification"))

	sc, err := app.FindFirstRecordByData("competences", "code", "C1.1.a")
	require.NoError(t, err)
	parent, err := app.FindRecordById("competences", sc.GetString("parent"))
	require.NoError(t, err)
	require.Equal(t, "C1.1", parent.GetString("code"))

	att, err := app.FindFirstRecordByData("attitudes", "code", "ATT01")
	require.NoError(t, err)
	var desc map[string]string
	require.NoError(t, att.UnmarshalJSONField("descriptors", &desc))
	require.Len(t, desc, 4)
}

func TestPlacements(t *testing.T) {
	t.Parallel()
	app := MustApp(t)

	student := MustCreate(t, app, "users", map[string]any{
		"role": "student", "username": "jdupont", "first_name": "Jean", "last_name": "Dupont",
		"password": "motdepasse123",
	})
	// Students may have no email; usernames are unique.
	MustCreate(t, app, "users", map[string]any{"role": "student", "username": "mmartin", "password": "motdepasse123"})
	dup := core.NewRecord(student.Collection())
	dup.Load(map[string]any{"role": "student", "username": "jdupont", "password": "motdepasse123"})
	require.Error(t, app.Save(dup))

	period := MustCreate(t, app, "periods", map[string]any{
		"name": "PFMP 1", "level": "2de", "kind": "P1",
		"start": "2025-01-06 00:00:00.000Z", "end": "2025-01-31 00:00:00.000Z",
	})
	placement := MustCreate(t, app, "placements", map[string]any{"period": period.Id, "student": student.Id})
	MustCreate(t, app, "journal_weeks", map[string]any{"placement": placement.Id, "week_start": "2025-01-06 00:00:00.000Z"})
	MustCreate(t, app, "journal_weeks", map[string]any{"placement": placement.Id, "week_start": "2025-01-13 00:00:00.000Z"})

	// One placement per period and student.
	twin := core.NewRecord(placement.Collection())
	twin.Load(map[string]any{"period": period.Id, "student": student.Id})
	require.Error(t, app.Save(twin))

	// One journal week per placement and week.
	week := core.NewRecord(mustCollection(t, app, "journal_weeks"))
	week.Load(map[string]any{"placement": placement.Id, "week_start": "2025-01-06 00:00:00.000Z"})
	require.Error(t, app.Save(week))

	require.Equal(t, 2, count(t, app, "journal_weeks", nil))
	require.NoError(t, app.Delete(placement))
	require.Equal(t, 0, count(t, app, "journal_weeks", nil))
}

func mustCollection(tb testing.TB, app core.App, name string) *core.Collection {
	tb.Helper()
	col, err := app.FindCollectionByNameOrId(name)
	require.NoError(tb, err)
	return col
}

// The down migrations undo everything (the default users collection stays).
func TestDown(t *testing.T) {
	t.Parallel()
	app := MustApp(t)
	runner := core.NewMigrationsRunner(app, core.AppMigrations)
	reverted, err := runner.Down(len(core.AppMigrations.Items()))
	require.NoError(t, err)
	require.Len(t, reverted, len(core.AppMigrations.Items()), "every app migration reverts")

	_, err = app.FindCollectionByNameOrId("placements")
	require.Error(t, err)
	users := mustCollection(t, app, "users")
	require.Nil(t, users.Fields.GetByName("role"))
	require.Nil(t, users.Fields.GetByName("class"))
}
