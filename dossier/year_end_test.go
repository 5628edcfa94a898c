package dossier_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/dossier"
	"livret/pfmp"
)

// The closing moves every class up (2de PMIA → 1re PMIA, 1re MSPC → Tle MSPC), marks the
// leavers, takes them out of their class, stores their archives, and happens once a year.
func TestCloseYearMovesClassesAndArchivesLeavers(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	admin := a.MustFind(t, "users", "username", "prof.martin").Id
	manon := a.MustFind(t, "users", "username", "manon.girard")
	yanis := a.MustFind(t, "users", "username", "yanis.fournier")

	p, err := s.YearPreview()
	require.NoError(t, err)
	require.Nil(t, p.Closed)
	require.Len(t, p.Classes, 2)
	require.Equal(t, "2de PMIA", p.Classes[0].Name)
	require.Equal(t, "1re PMIA", p.Classes[0].NewName)
	require.Equal(t, "Tle MSPC", p.Classes[1].NewName)
	_, err = p.Fates(dossier.Marks{Leaving: map[string]bool{manon.Id: true}, Repeating: map[string]bool{manon.Id: true}})
	require.Equal(t, pfmp.ErrInvalid, pfmp.KindOf(err))

	m := dossier.Marks{Leaving: map[string]bool{manon.Id: true}, Repeating: map[string]bool{yanis.Id: true}}
	fates, err := p.Fates(m)
	require.NoError(t, err)
	require.Equal(t, []string{manon.Id}, p.Leavers(fates))

	zip := filepath.Join(t.TempDir(), "manon.zip")
	require.NoError(t, os.WriteFile(zip, []byte("PK archive de Manon"), 0o600))
	counts, err := s.CloseYear(admin, m, map[string]string{manon.Id: zip})
	require.NoError(t, err)
	require.Equal(t, dossier.ClosingCounts{MovedUp: 10, Repeating: 1, Leaving: 1, Archives: 1, Classes: 2}, *counts)

	first := a.MustFind(t, "classes", "name", "1re PMIA")
	require.Equal(t, "1re", first.GetString("level"))
	require.Equal(t, "Tle", a.MustFind(t, "classes", "name", "Tle MSPC").GetString("level"))
	repeat := a.MustFind(t, "classes", "name", "2de PMIA")
	require.Equal(t, "2de", repeat.GetString("level"), "the repeater keeps a class of his level")
	require.Equal(t, repeat.Id, a.MustFind(t, "users", "username", "yanis.fournier").GetString("class"))
	require.Equal(t, first.Id, a.MustFind(t, "users", "username", "lea.dupont").GetString("class"))

	left := a.MustFind(t, "users", "username", "manon.girard")
	require.Empty(t, left.GetString("class"))
	require.Equal(t, a.Clock.Now(), left.GetDateTime("left_at").Time())
	stored, err := s.StudentArchive(manon.Id)
	require.NoError(t, err)
	require.Equal(t, pfmp.SchoolYear(2025), stored.Year)
	require.Equal(t, pfmp.PurgeDate(a.Clock.Now(), pfmp.DefaultRetentionMonths), stored.Until)
	r, err := s.OpenArchive(stored)
	require.NoError(t, err)
	r.Close()

	_, err = s.CloseYear(admin, dossier.Marks{}, nil)
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err), "a year is closed once")
	require.Equal(t, "1re PMIA", a.MustFind(t, "classes", "id", first.Id).GetString("name"), "nothing moved twice")
	closings, err := s.Closings()
	require.NoError(t, err)
	require.Len(t, closings, 1)
	require.Equal(t, "Claire MARTIN", closings[0].Actor)
}

// A year later, the final level's students leave by default; a class moving up into the name
// of a final-level class kept by its repeaters merges into it.
func TestCloseYearFinalLevelLeavesAndMerges(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	tle := a.MustRecord(t, "classes", map[string]any{"name": "Tle MSPC", "level": "Tle"})
	stays := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "reste.tle", "class": tle.Id, "password": "x-123456789"})
	goes := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "part.tle", "class": tle.Id, "password": "x-123456789"})
	counts, err := s.CloseYear(a.MustFind(t, "users", "username", "prof.martin").Id,
		dossier.Marks{Repeating: map[string]bool{stays.Id: true}}, map[string]string{goes.Id: ""})
	require.NoError(t, err)
	require.Equal(t, 1, counts.Leaving)
	require.NotEmpty(t, a.MustFind(t, "users", "id", goes.Id).GetString("left_at"))
	merged := a.MustFind(t, "users", "username", "lucas.lambert").GetString("class")
	require.Equal(t, tle.Id, merged, "1re MSPC merged into the kept Tle MSPC")
	require.Equal(t, tle.Id, a.MustFind(t, "users", "id", stays.Id).GetString("class"))
	n, err := a.PB.CountRecords("classes", dbx.HashExp{"name": "1re MSPC"})
	require.NoError(t, err)
	require.Zero(t, n, "the emptied class is gone")
}

// The purge, after the retention: the leaver's personal data is gone from every table and from
// the storage, his tutor with it; the rest of the school is intact; the purge is recorded.
func TestPurgeDeletesEveryTraceOfTheLeaver(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	admin := a.MustFind(t, "users", "username", "prof.martin").Id
	manon := a.MustFind(t, "users", "username", "manon.girard")
	pl := a.MustPlacement(t, e31, "manon.girard")
	tutor := a.MustRecord(t, "users", map[string]any{"role": "tutor", "username": "tuteur.girard", "email": "pillet@usine.example",
		"first_name": "Antoine", "last_name": "Pillet", "password": "x-123456789"})
	a.MustRecord(t, "tutor_access", map[string]any{"placement": pl.Id, "tutor": tutor.Id, "expires": a.Clock.Now().AddDate(0, 6, 0)})
	a.MustRecord(t, "mail_log", map[string]any{"to": "pillet@usine.example", "subject": "Dossier de Manon Girard", "placement": pl.Id, "status": "sent"})
	a.MustRecord(t, "comments", map[string]any{"placement": pl.Id, "author": admin, "body": "Bravo Manon"})
	_, err := s.SaveSelfReview(pl.Id, manon.Id, 0, map[string]string{"strengths": "Curieuse"})
	require.NoError(t, err)
	a.MustRecord(t, "checkpoints", map[string]any{"student": manon.Id, "date": a.Clock.Now().AddDate(0, -1, 0)}) // locks her period
	zip := filepath.Join(t.TempDir(), "manon.zip")
	require.NoError(t, os.WriteFile(zip, []byte("PK archive de Manon"), 0o600))
	// Léa's PFMP 1 is locked by the demo's checkpoint: the purge gets through the lock on purpose.
	lea := a.MustFind(t, "users", "username", "lea.dupont")
	_, err = s.CloseYear(admin, dossier.Marks{Leaving: map[string]bool{manon.Id: true, lea.Id: true}}, map[string]string{manon.Id: zip, lea.Id: ""})
	require.NoError(t, err)
	attachment := mustAttachment(t, a, pl.Id)
	storage := filepath.Join(a.PB.DataDir(), "storage")
	manonFiles := []string{filepath.Join(storage, attachment.Collection().Id, attachment.Id)}
	stored, err := s.StudentArchive(manon.Id)
	require.NoError(t, err)
	manonFiles = append(manonFiles, filepath.Join(storage, mustCollectionID(t, a, "archives"), stored.ID))
	for _, dir := range manonFiles {
		require.DirExists(t, dir)
	}
	before := tableCounts(t, a)
	lucasWeeks := journalWeeks(t, a, a.MustPlacement(t, e31, "lucas.lambert").Id)

	plan, err := s.PurgePreview()
	require.NoError(t, err)
	require.True(t, plan.Empty(), "nothing is due before the retention has run out")
	a.Clock.Set(a.Clock.Now().AddDate(1, 0, 1))
	plan, err = s.PurgePreview()
	require.NoError(t, err)
	require.Len(t, plan.Students, 2)
	require.Equal(t, []string{"Antoine PILLET"}, plan.Tutors)

	out, err := s.Purge(admin, []string{manon.Id, lea.Id})
	require.NoError(t, err)
	require.Equal(t, 2, out.Students)
	require.Equal(t, 1, out.Tutors)
	require.Equal(t, 2, out.Files)

	for _, trace := range []string{manon.Id, "manon.girard", "Girard", tutor.Id, "pillet@usine.example", pl.Id, lea.Id, "lea.dupont"} {
		require.Empty(t, tablesHolding(t, a, trace), "%q left in the database", trace)
	}
	for _, dir := range manonFiles {
		require.NoDirExists(t, dir)
	}
	after := tableCounts(t, a)
	touched := map[string]bool{"users": true, "mail_log": true, "audit_log": true, "_authOrigins": true}
	for _, c := range plan.Counts {
		touched[c.Collection] = true
	}
	for table, n := range before {
		if !touched[table] {
			require.Equal(t, n, after[table], "table %s touched", table)
		}
	}
	require.Equal(t, lucasWeeks, journalWeeks(t, a, a.MustPlacement(t, e31, "lucas.lambert").Id), "another dossier of the period intact")
	require.Equal(t, before["users"]-3, after["users"])
	require.Equal(t, before["placements"]-3, after["placements"])
	a.MustFind(t, "users", "username", "julien.boisseau")

	purges, err := s.Purges()
	require.NoError(t, err)
	require.Len(t, purges, 1)
	require.Equal(t, 2, purges[0].Students)
	require.Equal(t, "2026-03", purges[0].From)
	require.Equal(t, "Claire MARTIN", purges[0].Actor)

	_, err = s.Purge(admin, []string{manon.Id})
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err), "nothing left to purge")
}

// withoutArchives is an entry without an archive for every leaver a closing under m makes.
func withoutArchives(t *testing.T, s *dossier.Store, m dossier.Marks) map[string]string {
	t.Helper()
	p, err := s.YearPreview()
	require.NoError(t, err)
	fates, err := p.Fates(m)
	require.NoError(t, err)
	out := map[string]string{}
	for _, id := range p.Leavers(fates) {
		out[id] = ""
	}
	return out
}

// A student put in a final-level class while the leavers' archives were built would leave
// without one: the closing finds the leavers again in its transaction and changes nothing.
func TestCloseYearRefusedWhenTheLeaversChanged(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	s := store(a)
	admin := a.MustFind(t, "users", "username", "prof.martin").Id
	manon := a.MustFind(t, "users", "username", "manon.girard")
	m := dossier.Marks{Leaving: map[string]bool{manon.Id: true}}
	archives := withoutArchives(t, s, m)
	require.Equal(t, map[string]string{manon.Id: ""}, archives)

	tle := a.MustRecord(t, "classes", map[string]any{"name": "Tle MSPC", "level": "Tle"})
	late := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "arrive.tle", "class": tle.Id, "password": "x-123456789"})
	before := tableCounts(t, a)
	_, err := s.CloseYear(admin, m, archives)
	require.Equal(t, pfmp.ErrConflict, pfmp.KindOf(err))
	require.Equal(t, dossier.MsgLeaversChanged, pfmp.Message(err))
	require.Equal(t, before, tableCounts(t, a), "nothing changed")
	require.Empty(t, a.MustFind(t, "users", "id", late.Id).GetString("left_at"))

	_, err = s.CloseYear(admin, m, withoutArchives(t, s, m))
	require.NoError(t, err, "confirmed again on the new preview")
	require.NotEmpty(t, a.MustFind(t, "users", "id", late.Id).GetString("left_at"))
}

// mustAttachment attaches a stored file to a dossier.
func mustAttachment(t *testing.T, a *apptest.App, placementID string) *core.Record {
	t.Helper()
	f, err := filesystem.NewFileFromBytes([]byte("\x89PNG"), "photo.png")
	require.NoError(t, err)
	return a.MustRecord(t, "attachments", map[string]any{"placement": placementID, "title": "Photo", "kind": "file",
		"file": f, "mime": "image/png", "size": 4})
}

func mustCollectionID(t *testing.T, a *apptest.App, name string) string {
	t.Helper()
	col, err := a.PB.FindCollectionByNameOrId(name)
	require.NoError(t, err)
	return col.Id
}

// tableCounts counts the rows of every table of the database.
func tableCounts(t *testing.T, a *apptest.App) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, table := range tables(t, a) {
		var n int
		require.NoError(t, a.PB.DB().NewQuery("SELECT COUNT(*) FROM `"+table+"`").Row(&n))
		out[table] = n
	}
	return out
}

func tables(t *testing.T, a *apptest.App) []string {
	t.Helper()
	var names []string
	require.NoError(t, a.PB.DB().NewQuery(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).Column(&names))
	return names
}

// tablesHolding lists the tables where some column of some row holds text.
func tablesHolding(t *testing.T, a *apptest.App, text string) []string {
	t.Helper()
	var out []string
	for _, table := range tables(t, a) {
		var cols []string
		require.NoError(t, a.PB.DB().NewQuery("SELECT name FROM pragma_table_info({:t})").Bind(dbx.Params{"t": table}).Column(&cols))
		conds := make([]string, len(cols))
		for i, c := range cols {
			conds[i] = "CAST(`" + c + "` AS TEXT) LIKE {:like}"
		}
		var n int
		require.NoError(t, a.PB.DB().NewQuery("SELECT COUNT(*) FROM `"+table+"` WHERE "+strings.Join(conds, " OR ")).
			Bind(dbx.Params{"like": "%" + text + "%"}).Row(&n))
		if n > 0 {
			out = append(out, table)
		}
	}
	return out
}

func journalWeeks(t *testing.T, a *apptest.App, placementID string) int {
	t.Helper()
	n, err := a.PB.CountRecords("journal_weeks", dbx.HashExp{"placement": placementID})
	require.NoError(t, err)
	return int(n)
}
