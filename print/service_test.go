package print

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each test here owns its service: they stop, kill and restart Chromium.

// printText prints doc with s and returns its text.
func printText(t *testing.T, s *Service, doc Document) string {
	t.Helper()
	pdf, err := s.PDF(context.Background(), doc)
	require.NoError(t, err)
	return pdfText(t, pdf)
}

func TestStartsOnFirstPrintAndStopsWhenIdle(t *testing.T) {
	t.Parallel()
	s := New(Options{IdleTimeout: 50 * time.Millisecond})
	defer s.Close()
	require.Zero(t, s.pid(), "no Chromium before the first print")

	// A document stuck on its image holds Chromium open while the test reads its pid.
	img := newStallServer(t, 1)
	done := make(chan error, 1)
	go func() {
		_, err := s.PDF(context.Background(), img.doc("premier"))
		done <- err
	}()
	img.waitArrived(t)
	first := s.pid()
	require.NotZero(t, first)
	img.CloseClientConnections()
	require.NoError(t, <-done)
	require.Eventually(t, func() bool { return s.pid() == 0 && processGone(first) },
		30*time.Second, 10*time.Millisecond, "Chromium stopped once idle")

	require.Contains(t, printText(t, s, tinyDoc("second")), "second", "a new Chromium for the next print")
}

func TestRestartsEveryMaxJobs(t *testing.T) {
	t.Parallel()
	s := New(Options{MaxJobs: 2})
	defer s.Close()
	var pids []int
	for _, text := range []string{"un", "deux", "trois"} {
		require.Contains(t, printText(t, s, tinyDoc(text)), text)
		pids = append(pids, s.pid())
	}
	assert.Equal(t, pids[0], pids[1])
	assert.NotEqual(t, pids[1], pids[2])
	require.Eventually(t, func() bool { return processGone(pids[0]) }, 30*time.Second, 10*time.Millisecond,
		"the worn-out Chromium is stopped")
}

func TestChromiumKilledDuringAJobIsReplaced(t *testing.T) {
	t.Parallel()
	s := New(Options{})
	defer s.Close()
	img := newStallServer(t, 1)
	done := make(chan error, 1)
	var pdf []byte
	go func() {
		var err error
		pdf, err = s.PDF(context.Background(), img.doc("malgré tout"))
		done <- err
	}()
	img.waitArrived(t)
	killed := s.pid()
	require.NoError(t, syscall.Kill(killed, syscall.SIGKILL))

	require.NoError(t, <-done)
	assert.Contains(t, pdfText(t, pdf), "malgré tout")
	assert.NotEqual(t, killed, s.pid())
	require.Eventually(t, func() bool { return processGone(killed) }, 30*time.Second, 10*time.Millisecond)

	// Killed between two jobs: the next one gets a new Chromium too.
	killed = s.pid()
	require.NoError(t, syscall.Kill(killed, syscall.SIGKILL))
	require.Contains(t, printText(t, s, tinyDoc("encore")), "encore")
	assert.NotEqual(t, killed, s.pid())
}

func TestTabsAreReused(t *testing.T) {
	t.Parallel()
	s := New(Options{Workers: 1})
	defer s.Close()
	require.Contains(t, printText(t, s, tinyDoc("premier document")), "premier document")
	second := printText(t, s, tinyDoc("second"))
	assert.Contains(t, second, "second")
	assert.NotContains(t, second, "premier", "the tab holds the new document only")
	s.mu.Lock()
	defer s.mu.Unlock()
	assert.Len(t, s.cur.tabs, 1, "one tab kept for the next document")
}

func TestJobTimeout(t *testing.T) {
	t.Parallel()
	s := New(Options{JobTimeout: 3 * time.Second})
	defer s.Close()
	img := newStallServer(t, 1)

	_, err := s.PDF(context.Background(), img.doc("jamais"))
	require.ErrorIs(t, err, ErrTimeout)
	assert.Equal(t, ErrTimeout.Error(), err.Error(), "French text only, the cause is for the log")
	assert.NotEmpty(t, Cause(err))

	before := s.pid()
	require.Contains(t, printText(t, s, tinyDoc("ensuite")), "ensuite")
	assert.Equal(t, before, s.pid(), "a slow document does not cost the browser")
}

func TestQueueIsBounded(t *testing.T) {
	t.Parallel()
	s := New(Options{Workers: 1, MaxWaiting: 1})
	defer s.Close()
	img := newStallServer(t, 1)

	stuck := make(chan error, 1)
	go func() {
		_, err := s.PDF(context.Background(), img.doc("bloqué"))
		stuck <- err
	}()
	img.waitArrived(t)
	waitCtx, cancelWait := context.WithCancel(context.Background())
	waiting := make(chan error, 1)
	go func() {
		_, err := s.PDF(waitCtx, tinyDoc("en attente"))
		waiting <- err
	}()
	require.Eventually(t, func() bool { return len(s.queue) == 2 }, 30*time.Second, time.Millisecond)

	_, err := s.PDF(context.Background(), tinyDoc("de trop"))
	require.ErrorIs(t, err, ErrBusy)

	cancelWait()
	require.ErrorIs(t, <-waiting, ErrCanceled)
	img.CloseClientConnections() // the image fails: the stuck document prints without it
	require.NoError(t, <-stuck)
	require.Contains(t, printText(t, s, tinyDoc("libre")), "libre")
}

func TestWithoutChromium(t *testing.T) {
	t.Parallel()
	notExecutable := filepath.Join(t.TempDir(), "chromium")
	require.NoError(t, os.WriteFile(notExecutable, []byte("pas un programme"), 0o644))
	for name, path := range map[string]string{
		"missing":        "/nonexistent/chromium-headless-shell",
		"not executable": notExecutable,
		"fails to start": "/bin/false",
	} {
		t.Run(name, func(t *testing.T) {
			s := New(Options{ChromePath: path})
			defer s.Close()
			_, err := s.PDF(context.Background(), tinyDoc("rien"))
			require.ErrorIs(t, err, ErrUnavailable)
			assert.Equal(t, InstallHint, err.Error())
			assert.NotEmpty(t, Cause(err))
			if path != "/bin/false" {
				assert.ErrorIs(t, s.Available(), ErrUnavailable, "known without trying to start")
			}
		})
	}
}

func TestChromePathFromEnvironment(t *testing.T) {
	t.Setenv("CHROME_PATH", "/nonexistent/chromium")
	s := New(Options{})
	defer s.Close()
	assert.ErrorIs(t, s.Available(), ErrUnavailable)
	_, err := s.PDF(context.Background(), tinyDoc("rien"))
	assert.ErrorIs(t, err, ErrUnavailable)
}

func TestClosedService(t *testing.T) {
	t.Parallel()
	s := New(Options{})
	require.Contains(t, printText(t, s, tinyDoc("avant")), "avant")
	pid := s.pid()
	s.Close()
	assert.True(t, processGone(pid), "Close waits for Chromium to stop")
	_, err := s.PDF(context.Background(), tinyDoc("après"))
	assert.True(t, errors.Is(err, ErrClosed))
}

func TestConcurrentPrints(t *testing.T) {
	t.Parallel()
	errs := make(chan error, 6)
	for range cap(errs) {
		go func() {
			_, err := shared.PDF(context.Background(), tinyDoc("ensemble"))
			errs <- err
		}()
	}
	for range cap(errs) {
		assert.NoError(t, <-errs)
	}
}
