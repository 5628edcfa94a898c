package mail

import (
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest/migrated"
	"livret/mail/mailtest"
	_ "livret/pb_migrations"
)

// mustOpen opens (or reopens) a PocketBase app on dir with every migration applied.
func mustOpen(tb testing.TB, dir string) *core.BaseApp {
	tb.Helper()
	app := core.NewBaseApp(core.BaseAppConfig{DataDir: dir})
	require.NoError(tb, app.Bootstrap())
	tb.Cleanup(func() { _ = app.ResetBootstrapState() })
	require.NoError(tb, app.RunAllMigrations())
	return app
}

func mustApp(tb testing.TB) *core.BaseApp { return mustOpen(tb, migrated.Dir(tb)) }

// TestMain removes the migrated folder when the tests are done.
func TestMain(m *testing.M) { migrated.Main(m) }

// clock is the injected clock; tests move it.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

var testNow = time.Date(2026, time.March, 11, 9, 30, 0, 0, time.UTC)

// fast is a test configuration: retries in milliseconds, a fixed clock.
func fast(c *clock) Config {
	return Config{Retry: []time.Duration{time.Millisecond, time.Millisecond, time.Millisecond}, Now: c.Now}
}

// mustStart starts a mailer stopped when the test ends.
func mustStart(tb testing.TB, app core.App, cfg Config) *Mailer {
	tb.Helper()
	m := New(app, cfg)
	require.NoError(tb, m.Start())
	tb.Cleanup(m.Stop)
	return m
}

// mustSettings changes the app's settings and saves them, as the dashboard does.
func mustSettings(tb testing.TB, app core.App, change func(*core.Settings)) {
	tb.Helper()
	s, err := app.Settings().Clone()
	require.NoError(tb, err)
	change(s)
	require.NoError(tb, app.Save(s))
}

// whileStopped changes settings with the worker stopped. Not needed by the mailer (it
// reads a locked copy of the settings for each batch), but PocketBase's logger reads the
// settings unlocked on every log line, a race with a save the race detector reports.
func whileStopped(tb testing.TB, m *Mailer, app core.App, change func(*core.Settings)) {
	tb.Helper()
	m.Stop()
	mustSettings(tb, app, change)
	require.NoError(tb, m.Start())
}

// mustSMTP points the app at srv, with a French school as sender.
func mustSMTP(tb testing.TB, app core.App, srv *mailtest.Server) {
	tb.Helper()
	require.NoError(tb, srv.Configure(app))
	mustSettings(tb, app, func(s *core.Settings) {
		s.Meta.AppName = "Lycée Jean Moulin"
		s.Meta.SenderName = "Lycée Jean Moulin"
		s.Meta.SenderAddress = "livret@lycee-moulin.fr"
	})
}

// mustPlacement creates a student's placement in a period and returns its id.
func mustPlacement(tb testing.TB, app core.App, username string) string {
	tb.Helper()
	create := func(collection string, values map[string]any) *core.Record {
		col, err := app.FindCollectionByNameOrId(collection)
		require.NoError(tb, err)
		rec := core.NewRecord(col)
		rec.Load(values)
		if collection == "users" {
			rec.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: studentHash})
		}
		require.NoError(tb, app.Save(rec))
		return rec
	}
	student := create("users", map[string]any{"role": "student", "username": username})
	period := create("periods", map[string]any{"name": "PFMP " + username, "level": "1re", "kind": "P1",
		"start": "2025-01-06 00:00:00.000Z", "end": "2025-01-31 00:00:00.000Z"})
	return create("placements", map[string]any{"period": period.Id, "student": student.Id}).Id
}

// studentHash is « motdepasse123 » at bcrypt's lowest cost: hashing it at the schema's cost
// was a third of these tests' CPU, and no test here logs in.
const studentHash = "$2a$04$P9QaKckdooV5H1PFgoFulOvzrpLpcH9eYLyixl3u8Ld1BoIkae3/S"

// tutorData is a tutor link email's data, with accents everywhere.
func tutorData() TutorLinkData {
	return TutorLinkData{
		School:    "Lycée Jean Moulin",
		Tutor:     Person{FirstName: "Antoine", LastName: "Pillet", Email: "antoine.pillet@usine.fr"},
		Student:   Person{FirstName: "Aline", LastName: "Accardo"},
		Company:   "Maintenance Générale <Sud>",
		Period:    "PFMP 2 – première",
		Start:     time.Date(2025, time.January, 6, 0, 0, 0, 0, time.UTC),
		End:       time.Date(2025, time.January, 31, 0, 0, 0, 0, time.UTC),
		Expires:   time.Date(2025, time.September, 7, 14, 5, 0, 0, time.UTC),
		Referents: []Person{{FirstName: "Hélène", LastName: "Bérard", Email: "helene.berard@lycee-moulin.fr"}},
	}
}

// tutorMessage is a tutor link message for placement whose link minting is counted.
func tutorMessage(tb testing.TB, placement, to, link string, mints *int) Message {
	tb.Helper()
	e, err := TutorLink(tutorData())
	require.NoError(tb, err)
	return Message{Email: e, Kind: KindTutorLink, To: to, ToName: "Antoine Pillet", Placement: placement,
		Link: func() (string, error) {
			if mints != nil {
				*mints++
			}
			return link, nil
		}}
}

// mustEnqueue queues msg and fails the test on error.
func mustEnqueue(tb testing.TB, m *Mailer, msg Message) Receipt {
	tb.Helper()
	r, err := m.Enqueue(msg)
	require.NoError(tb, err)
	return r
}

// waitRow polls the mail_log row until ok holds, then returns it.
func waitRow(tb testing.TB, app core.App, id string, ok func(*core.Record) bool) *core.Record {
	tb.Helper()
	var rec *core.Record
	require.Eventually(tb, func() bool {
		var err error
		rec, err = app.FindRecordById(collection, id)
		return err == nil && ok(rec)
	}, 10*time.Second, 2*time.Millisecond, "mail_log row %s", id)
	return rec
}

func status(want string) func(*core.Record) bool {
	return func(r *core.Record) bool { return r.GetString("status") == want }
}

// flushedLogs writes PocketBase's buffered application log (as the app does when it
// terminates) and returns every entry as JSON.
func flushedLogs(tb testing.TB, app core.App) []string {
	tb.Helper()
	require.NoError(tb, app.OnTerminate().Trigger(&core.TerminateEvent{App: app}))
	var logs []*core.Log
	require.NoError(tb, app.LogQuery().OrderBy("created ASC").All(&logs))
	out := make([]string, len(logs))
	for i, l := range logs {
		b, err := json.Marshal(l)
		require.NoError(tb, err)
		out[i] = string(b)
	}
	return out
}

// mailLogJSON returns every mail_log row, every field, as JSON.
func mailLogJSON(tb testing.TB, app core.App) []string {
	tb.Helper()
	recs, err := app.FindAllRecords(collection, dbx.NewExp("1=1"))
	require.NoError(tb, err)
	out := make([]string, len(recs))
	for i, r := range recs {
		b, err := json.Marshal(r.FieldsData())
		require.NoError(tb, err)
		out[i] = string(b)
	}
	return out
}

func containsAny(list []string, sub string) bool {
	for _, s := range list {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
