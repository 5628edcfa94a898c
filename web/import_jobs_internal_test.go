package web

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/accounts"
	"livret/dossier"
	"livret/pfmp"
)

// Files waiting for their confirmation are their sender's, forgotten after an hour, and
// bounded in number; a running import is never forgotten; confirming twice is refused.
func TestImportJobs(t *testing.T) {
	now := time.Date(2026, 9, 1, 8, 0, 0, 0, time.UTC)
	js := newImportJobs(func() time.Time { return now })
	plan := &accounts.Plan{Entries: []accounts.Entry{{Action: accounts.Create}}}
	first := js.add("t1", "a.csv", &accounts.Sheet{Kind: accounts.Students}, plan)
	got, err := js.get(first.ID, "t1", accounts.Students)
	require.NoError(t, err)
	assert.Same(t, first, got)
	_, err = js.get(first.ID, "t2", accounts.Students)
	assert.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err), "another teacher learns nothing of it")
	_, err = js.get(first.ID, "t1", accounts.Teachers)
	assert.Equal(t, pfmp.ErrNotFound, pfmp.KindOf(err), "a students' file is not at the teachers' address")

	release := make(chan struct{})
	require.NoError(t, first.start(func(progress func(done, total int)) (*importResult, error) {
		progress(1, 1)
		<-release
		return &importResult{ImportOutcome: &dossier.ImportOutcome{Plan: plan}}, nil
	}))
	assert.Equal(t, pfmp.ErrConflict, pfmp.KindOf(first.start(nil)), "confirmed once only")

	now = now.Add(2 * time.Hour)
	for range maxImportJobs + 5 {
		js.add("t1", "b.csv", &accounts.Sheet{}, plan)
	}
	assert.Len(t, js.jobs, maxImportJobs)
	_, err = js.get(first.ID, "t1", accounts.Students)
	require.NoError(t, err, "a running import is kept")
	close(release)
	require.Eventually(t, func() bool { return first.status().State == jobDone }, 10*time.Second, time.Millisecond)
	assert.Equal(t, 1, first.status().Done)

	now = now.Add(2 * time.Hour)
	js.add("t1", "c.csv", &accounts.Sheet{}, plan)
	assert.Len(t, js.jobs, 1, "an hour later the others are forgotten")
}
