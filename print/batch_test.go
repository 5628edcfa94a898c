package print

import (
	"archive/zip"
	"bytes"
	"io"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// waitBatch polls a batch until it ends, as the progress page does.
func waitBatch(t *testing.T, b *Batches, id string) Progress {
	t.Helper()
	var p Progress
	require.Eventually(t, func() bool {
		var ok bool
		p, ok = b.Progress(id)
		require.True(t, ok)
		return p.State != BatchRunning
	}, time.Minute, 5*time.Millisecond)
	return p
}

func TestBatchOfOnePeriodDocument(t *testing.T) {
	t.Parallel()
	b := NewBatches(shared, BatchOptions{})
	defer b.Close()
	doc, err := RenderPreconventions(testPreconvention(0), testPreconvention(1), testPreconvention(2))
	require.NoError(t, err)

	id, err := b.Start("teacher-1", "Annexes PFMP 1.pdf", doc)
	require.NoError(t, err)
	p := waitBatch(t, b, id)
	assert.Equal(t, Progress{ID: id, Owner: "teacher-1", FileName: "Annexes PFMP 1.pdf", Done: 3, Total: 3, State: BatchDone}, p)
	assert.Equal(t, "terminé", p.State.String())

	f, ok := b.File(id)
	require.True(t, ok)
	assert.Equal(t, "Annexes PFMP 1.pdf", f.Name)
	assert.Equal(t, "application/pdf", f.ContentType)
	text := pdfText(t, f.Data)
	for i := range 3 {
		assert.Contains(t, text, testStudent(i).FullName())
	}

	_, ok = b.Progress("inconnu")
	assert.False(t, ok)
	_, ok = b.File("inconnu")
	assert.False(t, ok)
}

func TestBatchSurvivesAKilledChromium(t *testing.T) {
	t.Parallel()
	s := New(Options{})
	defer s.Close()
	b := NewBatches(s, BatchOptions{})
	defer b.Close()
	img := newStallServer(t, 1)

	id, err := b.Start("teacher-1", "Attestations.zip", tinyDoc("un"), img.doc("deux"), tinyDoc("trois"))
	require.NoError(t, err)
	img.waitArrived(t)
	p, _ := b.Progress(id)
	assert.Equal(t, 1, p.Done, "the first document is printed, the second is in Chromium")
	assert.Equal(t, 3, p.Total)
	killed := s.pid()
	require.NoError(t, syscall.Kill(killed, syscall.SIGKILL))

	p = waitBatch(t, b, id)
	require.Equal(t, BatchDone, p.State, p.Err)
	assert.Equal(t, 3, p.Done)
	assert.NotEqual(t, killed, s.pid())

	f, ok := b.File(id)
	require.True(t, ok)
	assert.Equal(t, "application/zip", f.ContentType)
	z, err := zip.NewReader(bytes.NewReader(f.Data), int64(len(f.Data)))
	require.NoError(t, err)
	require.Len(t, z.File, 3)
	for i, want := range []string{"un", "deux", "trois"} {
		assert.Equal(t, want+".pdf", z.File[i].Name)
		r, err := z.File[i].Open()
		require.NoError(t, err)
		pdf, err := io.ReadAll(r)
		require.NoError(t, err)
		assert.Contains(t, pdfText(t, pdf), want)
	}
}

func TestBatchFailureIsFrench(t *testing.T) {
	t.Parallel()
	s := New(Options{ChromePath: "/nonexistent/chromium"})
	defer s.Close()
	b := NewBatches(s, BatchOptions{})
	defer b.Close()
	id, err := b.Start("teacher-1", "Annexes.pdf", tinyDoc("rien"))
	require.NoError(t, err)
	p := waitBatch(t, b, id)
	assert.Equal(t, BatchFailed, p.State)
	assert.Equal(t, InstallHint, p.Err)
	_, ok := b.File(id)
	assert.False(t, ok)
}

// fakeClock is the time as the test says.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func TestBatchesAreBoundedAndExpire(t *testing.T) {
	t.Parallel()
	clock := &fakeClock{now: day(3, 2)}
	b := NewBatches(shared, BatchOptions{Max: 1, Keep: 10 * time.Minute, Now: clock.Now})
	defer b.Close()
	img := newStallServer(t, 1)

	first, err := b.Start("teacher-1", "long.pdf", img.doc("long"))
	require.NoError(t, err)
	img.waitArrived(t)
	_, err = b.Start("teacher-2", "autre.pdf", tinyDoc("autre"))
	require.ErrorIs(t, err, ErrBusy, "every place is taken by a running batch")

	img.CloseClientConnections()
	require.Equal(t, BatchDone, waitBatch(t, b, first).State)
	second, err := b.Start("teacher-2", "autre.pdf", tinyDoc("autre"))
	require.NoError(t, err, "a finished batch gives its place")
	_, ok := b.Progress(first)
	assert.False(t, ok, "the oldest finished batch was dropped")

	require.Equal(t, BatchDone, waitBatch(t, b, second).State)
	clock.Add(9 * time.Minute)
	_, ok = b.File(second)
	assert.True(t, ok, "still there before Keep")
	clock.Add(2 * time.Minute)
	_, ok = b.File(second)
	assert.False(t, ok, "expired after Keep")
	_, ok = b.Progress(second)
	assert.False(t, ok)
}

func TestStartNothing(t *testing.T) {
	t.Parallel()
	b := NewBatches(shared, BatchOptions{})
	defer b.Close()
	_, err := b.Start("teacher-1", "vide.pdf")
	assert.EqualError(t, err, "Aucun élève à imprimer.")
}
