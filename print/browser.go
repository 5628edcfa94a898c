package print

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"github.com/chromedp/chromedp"
)

// chromeFlags suit a server on a closed network: nothing phones home, no GPU, no sandbox
// (it needs user namespaces, often missing in containers and under root). Each browser gets
// a fresh temporary profile from chromedp, removed when it stops.
var chromeFlags = []chromedp.ExecAllocatorOption{
	chromedp.Flag("headless", true),
	chromedp.Flag("no-sandbox", true),
	chromedp.Flag("disable-gpu", true),
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("no-first-run", true),
	chromedp.Flag("no-default-browser-check", true),
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	chromedp.Flag("disable-extensions", true),
	chromedp.Flag("disable-breakpad", true),
	chromedp.Flag("disable-domain-reliability", true),
	chromedp.Flag("metrics-recording-only", true),
	// /dev/shm is 64 MB in a default container: Chromium crashes when it fills it.
	chromedp.Flag("disable-dev-shm-usage", true),
	chromedp.Flag("mute-audio", true),
	chromedp.Flag("hide-scrollbars", true),
	// Nothing is shown: a compositor on its own thread only draws frames nobody sees
	// (prints about a tenth faster without it, BenchmarkPreconventionWarm).
	chromedp.Flag("disable-threaded-compositing", true),
}

// browser is one Chromium process. The service counts its jobs under its own lock.
type browser struct {
	ctx     context.Context // tabs derive from it; done once Chromium is gone
	lost    <-chan struct{} // closed as soon as the connection to Chromium drops
	tabs    chan tab        // idle tabs, at most one per worker
	stopCtx context.CancelFunc
	stopAll context.CancelFunc
	jobs    int  // jobs started on it, for the restart every MaxJobs
	active  int  // jobs running on it now
	stopped bool // stop has been called: retired browsers are never reused
}

// startBrowser runs Chromium at path and waits until it answers; it keeps up to workers
// idle tabs. chromedp's own log goes to debug: loading a document into a tab makes it
// complain on every print about an event it did not expect ("DOM.documentUpdated when
// there's no top-level frame"), which is harmless.
func startBrowser(path string, workers int, log *slog.Logger) (*browser, error) {
	opts := append([]chromedp.ExecAllocatorOption{chromedp.ExecPath(path)}, chromeFlags...)
	allocCtx, stopAll := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, stopCtx := chromedp.NewContext(allocCtx, chromedp.WithLogf(func(format string, args ...any) {
		log.Debug("chromedp: " + fmt.Sprintf(format, args...))
	}))
	if err := chromedp.Do(ctx); err != nil {
		stopCtx()
		stopAll()
		return nil, err
	}
	return &browser{
		ctx: ctx, lost: chromedp.FromContext(ctx).Browser.LostConnection, tabs: make(chan tab, workers),
		stopCtx: stopCtx, stopAll: stopAll,
	}, nil
}

// alive is false once Chromium has died or was stopped.
func (b *browser) alive() bool {
	select {
	case <-b.lost:
		return false
	case <-b.ctx.Done():
		return false
	default:
		return true
	}
}

// stop kills Chromium and waits until its profile directory is removed.
func (b *browser) stop() {
	b.stopCtx()
	b.stopAll()
}

// errLost marks a job that failed because Chromium died under it: the service retries it.
var errLost = errors.New("print: Chromium died during the job")
