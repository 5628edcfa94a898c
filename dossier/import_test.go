package dossier_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"

	"livret/accounts"
	"livret/apptest"
	"livret/dossier"
)

// csvOf is a students' file: a header then lines, separated by sep, in Windows-1252 when asked.
func csvOf(t testing.TB, sep string, win1252 bool, lines ...string) []byte {
	t.Helper()
	text := strings.ReplaceAll(strings.Join(lines, "\r\n")+"\r\n", ";", sep)
	if !win1252 {
		return []byte(text)
	}
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	require.NoError(t, err)
	return b
}

const head = "Nom;Prénom;Classe;Date de naissance;Statut"

func mustSheet(t testing.TB, data []byte) *accounts.Sheet {
	t.Helper()
	return mustSheetOf(t, accounts.Students, data)
}

// mustSheetOf reads a file of a kind.
func mustSheetOf(t testing.TB, k *accounts.Kind, data []byte) *accounts.Sheet {
	t.Helper()
	sh, err := k.Parse(data, apptest.DefaultNow)
	require.NoError(t, err)
	return sh
}

func mustImport(t testing.TB, a *apptest.App, data []byte) *accounts.Plan {
	t.Helper()
	out, err := store(a).ApplyImport(mustSheet(t, data), "", nil)
	require.NoError(t, err)
	return out.Plan
}

func countUsers(t testing.TB, a *apptest.App, where string) int {
	t.Helper()
	n, err := a.PB.CountRecords("users", dbx.NewExp(where))
	require.NoError(t, err)
	return int(n)
}

// A class of new students in a new class, in Windows-1252 with commas: the class is created
// with its level and diploma, the accounts with their usernames and no usable password yet.
func TestImportCreatesAccountsAndClasses(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	students := countUsers(t, a, "role = 'student'")
	var progress []int
	out, err := store(a).ApplyImport(mustSheet(t, csvOf(t, ",", true, head,
		"Cœur;Éloïse;Tle MSPC;02/11/2007;apprentie",
		"Cœur;Éloïse;Tle MSPC;05/05/2008;", // a namesake, born another day: eloise.coeur2
		"N'Diaye;Aïcha;Tle MSPC;30/01/2008;scolaire",
	)), "", func(done, total int) { progress = append(progress, done*10+total) })
	require.NoError(t, err)
	assert.Equal(t, []int{14, 24, 34, 44}, progress, "one class, three accounts")
	assert.Equal(t, 3, out.Plan.Count(accounts.Create))

	class := a.MustFind(t, "classes", "name", "Tle MSPC")
	assert.Equal(t, "Tle", class.GetString("level"))
	diploma := a.MustFind(t, "diplomas", "short", "MSPC")
	assert.Equal(t, diploma.Id, class.GetString("diploma"))
	assert.Equal(t, []dossier.ClassRef{{ID: class.Id, Name: "Tle MSPC", Count: 3}}, out.NewLogins)

	eloise := a.MustFind(t, "users", "username", "eloise.coeur")
	assert.Equal(t, "Éloïse", eloise.GetString("first_name"))
	assert.Equal(t, "Cœur", eloise.GetString("last_name"))
	assert.Equal(t, "student", eloise.GetString("role"))
	assert.Equal(t, "apprenti", eloise.GetString("status"))
	assert.Equal(t, class.Id, eloise.GetString("class"))
	assert.Equal(t, "2007-11-02", eloise.GetDateTime("birth_date").Time().Format("2006-01-02"))
	assert.True(t, eloise.GetBool("must_change_password"))
	assert.False(t, eloise.ValidatePassword(""), "no password opens an account before its slip")
	assert.False(t, eloise.ValidatePassword("!"))
	a.MustFind(t, "users", "username", "eloise.coeur2")
	a.MustFind(t, "users", "username", "aicha.ndiaye")
	assert.Equal(t, students+3, countUsers(t, a, "role = 'student'"))

	logged, err := a.PB.FindFirstRecordByData("audit_log", "action", "import_eleves")
	require.NoError(t, err)
	assert.JSONEq(t, `{"crees":3,"modifies":0,"deplaces":0,"retours":0,"inchanges":0,"rejetes":0,"classes_creees":1}`, logged.GetString("detail"))
}

// Re-importing the same file changes nothing: no write, not even an update stamp.
func TestReimportChangesNothing(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	file := csvOf(t, ";", false, head,
		"Petit;Nathan;2de PMIA;12/05/2010;scolaire", // a demo student, made without a birth date
		"Cœur;Éloïse;Tle MSPC;02/11/2007;apprenti",
	)
	first := mustImport(t, a, file)
	assert.Equal(t, 1, first.Count(accounts.Update))
	assert.Equal(t, 1, first.Count(accounts.Create))
	nathan := a.MustFind(t, "users", "username", "nathan.petit")
	eloise := a.MustFind(t, "users", "username", "eloise.coeur")
	users := countUsers(t, a, "1=1")

	again := mustImport(t, a, file)
	assert.Equal(t, 2, again.Count(accounts.Unchanged))
	assert.Zero(t, again.Writes())
	assert.Equal(t, users, countUsers(t, a, "1=1"))
	assert.Equal(t, nathan.GetString("updated"), a.MustFind(t, "users", "username", "nathan.petit").GetString("updated"))
	assert.Equal(t, eloise.GetString("updated"), a.MustFind(t, "users", "username", "eloise.coeur").GetString("updated"))
}

// A student who changed class is moved, not duplicated: his account, his dossiers stay his.
func TestImportMovesAStudentWhoChangedClass(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	lucas := a.MustFind(t, "users", "username", "lucas.lambert")
	plan := mustImport(t, a, csvOf(t, ",", false, head, "LAMBERT;Lucas;Tle MSPC;01/09/2008;apprenti"))
	require.Len(t, plan.Entries, 1)
	assert.True(t, plan.Entries[0].Moved())
	moved := a.MustFind(t, "users", "username", "lucas.lambert")
	assert.Equal(t, lucas.Id, moved.Id)
	assert.Equal(t, a.MustFind(t, "classes", "name", "Tle MSPC").Id, moved.GetString("class"))
	assert.Equal(t, "Lucas", moved.GetString("first_name"))
	assert.Equal(t, "Lambert", moved.GetString("last_name"), "a name in capitals does not overwrite its spelling")
	assert.True(t, moved.ValidatePassword("livret-demo"), "his password is his")
	assert.False(t, moved.GetBool("must_change_password"))
	assert.Equal(t, 1, countUsers(t, a, "last_name = 'Lambert'"))
}

// Any failure in the middle leaves the school as it was: no class, no account, no record.
func TestImportIsAllOrNothing(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	lines := []string{head}
	for i := range 50 {
		lines = append(lines, fmt.Sprintf("Élève%02d;Test;Tle MSPC;01/09/2008;", i))
	}
	lines = append(lines, "Lambert;Lucas;Tle MSPC;01/09/2008;")
	saves := 0
	a.PB.OnRecordCreate("users").BindFunc(func(e *core.RecordEvent) error {
		if saves++; saves == 40 {
			return errors.New("disque plein")
		}
		return e.Next()
	})
	users, classes := countUsers(t, a, "1=1"), mustCount(t, a, "classes")
	_, err := store(a).ApplyImport(mustSheet(t, csvOf(t, ";", false, lines...)), "", nil)
	require.ErrorContains(t, err, "disque plein")
	assert.Equal(t, users, countUsers(t, a, "1=1"))
	assert.Equal(t, classes, mustCount(t, a, "classes"))
	assert.Equal(t, a.MustFind(t, "classes", "name", "1re MSPC").Id, a.MustFind(t, "users", "username", "lucas.lambert").GetString("class"))
	assert.Zero(t, mustCount(t, a, "audit_log"))
}

func mustCount(t testing.TB, a *apptest.App, col string) int {
	t.Helper()
	n, err := a.PB.CountRecords(col)
	require.NoError(t, err)
	return int(n)
}

// 2,000 lines with a few bad ones: every good line imported, each bad one reported, the
// planner statistics refreshed.
func TestImportLargeFileWithAFewBadLines(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	lines := []string{head}
	for i := range 2000 {
		switch i {
		case 10:
			lines = append(lines, "Sansdate;Élève;1re MSPC;;")
		case 999:
			lines = append(lines, "Inconnue;Classe;BTS MS;01/09/2008;")
		case 1500:
			lines = append(lines, lines[len(lines)-1]) // the line before, twice
		default:
			lines = append(lines, fmt.Sprintf("Nom%04d;Prénom;%s;01/09/2008;", i, []string{"2de A", "1re B", "Tle C"}[i%3]))
		}
	}
	students := countUsers(t, a, "role = 'student'")
	_, err := a.PB.DB().NewQuery("DELETE FROM sqlite_stat1").Execute()
	require.NoError(t, err)
	out, err := store(a).ApplyImport(mustSheet(t, csvOf(t, ";", true, lines...)), "", nil)
	require.NoError(t, err)
	assert.Equal(t, 1997, out.Plan.Count(accounts.Create))
	require.Len(t, out.Plan.Rejected, 3)
	assert.Equal(t, 12, out.Plan.Rejected[0].Line)
	assert.Equal(t, 1001, out.Plan.Rejected[1].Line)
	assert.Equal(t, 1502, out.Plan.Rejected[2].Line)
	assert.Contains(t, out.Plan.Rejected[2].Reason, "que la ligne 1501")
	assert.Equal(t, students+1997, countUsers(t, a, "role = 'student'"))
	assert.Len(t, out.NewLogins, 3)
	assert.True(t, out.Statistics)
	var stats int
	require.NoError(t, a.PB.DB().NewQuery("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = 'users'").Row(&stats))
	assert.Positive(t, stats, "ANALYZE ran after the import")
}
