package apptest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"livret/print"
)

// Browser tests drive a real headless Chromium through chromedp. They need the
// Debian package chromium-headless-shell (or $CHROME_PATH); without it they fail,
// they never skip.

const (
	// BrowserTimeout bounds a whole browser test: the browser dies when it ends.
	BrowserTimeout = 60 * time.Second
	// StepTimeout bounds one helper call (a MustDo, a wait), so a stuck step names itself.
	StepTimeout = 15 * time.Second

	// DesktopWidth and DesktopHeight are the window size of MustBrowser.
	DesktopWidth, DesktopHeight = 1280, 900
	// PhoneWidth and PhoneHeight are the viewport of PhoneViewport (an iPhone 12-15 in CSS px).
	PhoneWidth, PhoneHeight = 390, 844
)

// ChromePath finds the Chromium the app prints with (print.ChromePath).
func ChromePath() (string, error) { return print.ChromePath() }

// MustBrowser opens a tab in a browser context of its own (cookies, storage and cache apart,
// as in a private window) of the test process's headless Chromium, and returns its chromedp
// context. The tab and its context close when the test ends, or after BrowserTimeout. A
// missing Chromium fails the test.
//
// One Chromium serves every test of the process: starting one per test cost a fifth of the
// browser tests' CPU. Downloads are per browser context (AllowDownloads).
func MustBrowser(tb testing.TB) context.Context {
	tb.Helper()
	parent, err := sharedChromium()
	if err != nil {
		tb.Fatalf("browser test: %v", err)
	}
	timeout := BrowserTimeout
	if d, ok := tb.(interface{ Deadline() (time.Time, bool) }); ok {
		if dl, ok := d.Deadline(); ok && time.Until(dl)-5*time.Second < timeout {
			timeout = max(time.Until(dl)-5*time.Second, time.Second)
		}
	}
	tab, cancelTab := chromedp.NewContext(parent, chromedp.WithNewBrowserContext())
	ctx, cancelTimeout := context.WithTimeout(tab, timeout)

	var (
		mu      sync.Mutex
		console []string
	)
	tb.Cleanup(func() {
		mu.Lock()
		if tb.Failed() && len(console) > 0 {
			tb.Logf("browser console:\n  %s", strings.Join(console, "\n  "))
		}
		mu.Unlock()
		cancelTimeout()
		cancelTab() // closes the tab and disposes of its browser context
	})
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("open a tab in Chromium: %v", err)
	}
	// chromedp enables the CSS domain, which has every stylesheet tracked and reported to us;
	// no test reads styles through it, and it cost a tenth of the browser tests' CPU.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, css.Disable, cdp.Empty{})
		return err
	})); err != nil {
		tb.Fatalf("disable the CSS domain: %v", err)
	}

	// Keep the page's console errors and uncaught exceptions, shown if the test fails.
	msgs := chromedp.Console(ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.Type == chromedp.ConsoleError || m.IsException() {
				mu.Lock()
				console = append(console, m.String())
				mu.Unlock()
			}
		}
	}()
	return ctx
}

// AllowDownloads lets the tab's browser context save downloads into dir, each file named
// after its download's GUID, and report them as browser.DownloadWillBegin and
// browser.DownloadProgress events.
func AllowDownloads(dir string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: dir, EventsEnabled: new(true),
			BrowserContextID: chromedp.FromContext(ctx).BrowserContextID,
		})
		return err
	})
}

var (
	chromiumMu   sync.Mutex
	chromium     context.Context // the shared browser's first context; nil until started
	stopChromium = func() {}
)

// sharedChromium is the process's Chromium, started on first use, and started again if it
// has died.
func sharedChromium() (context.Context, error) {
	chromiumMu.Lock()
	defer chromiumMu.Unlock()
	if chromium != nil && chromium.Err() == nil {
		select {
		case <-chromedp.FromContext(chromium).Browser.LostConnection:
		default:
			return chromium, nil
		}
	}
	stopChromium()
	path, err := ChromePath()
	if err != nil {
		return nil, err
	}
	profile, err := os.MkdirTemp("", "chromium-profile-")
	if err != nil {
		return nil, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		// The compositor on the main thread draws a frame when a page changes, not at every
		// tick of its own clock: half the renderers' CPU and three quarters of the GPU
		// process's in the browser tests, on two cores shared by four tests each.
		chromedp.Flag("disable-threaded-compositing", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(DesktopWidth, DesktopHeight),
	)
	out := &lockedBuffer{}
	opts = append(opts, chromedp.CombinedOutput(out))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	stop := func() {
		cctx, cancel := context.WithTimeout(ctx, 10*time.Second)
		_ = chromedp.Cancel(cctx) // closes gracefully, waits for the process
		cancel()
		cancelCtx()
		cancelAlloc()
		_ = os.RemoveAll(profile)
	}
	if err := chromedp.Do(ctx); err != nil {
		stop()
		return nil, fmt.Errorf("start Chromium %s: %w\n%s", path, err, out.String())
	}
	chromium, stopChromium = ctx, stop
	return ctx, nil
}

// closeChromium stops the shared browser, if it was started (Main calls it).
func closeChromium() {
	chromiumMu.Lock()
	defer chromiumMu.Unlock()
	stopChromium()
	chromium, stopChromium = nil, func() {}
}

// MustDo runs actions in order (each call bounded by StepTimeout) and fails the test on error.
func MustDo(tb testing.TB, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	tb.Helper()
	sctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		tb.Fatalf("browser: %v (at %s)", err, location(ctx))
	}
}

// MustRun runs one action that returns a value, and fails the test on error.
func MustRun[T any](tb testing.TB, ctx context.Context, action chromedp.Action[T]) T {
	tb.Helper()
	sctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	v, err := chromedp.Run(sctx, action)
	if err != nil {
		tb.Fatalf("browser: %v (at %s)", err, location(ctx))
	}
	return v
}

// MustText waits until the first element matching the CSS selector is visible and
// returns its rendered text (innerText, trimmed).
func MustText(tb testing.TB, ctx context.Context, selector string) string {
	tb.Helper()
	sctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	s, err := chromedp.Run(sctx, chromedp.Text(chromedp.CSS(selector), chromedp.NodeVisible))
	if err != nil {
		tb.Fatalf("browser: text of %q: %v (at %s)", selector, err, location(ctx))
	}
	return strings.TrimSpace(s)
}

// htmxBusy matches what htmx marks while a request, a swap or a settle is under way. The
// settle (20 ms after a swap) is when htmx focuses [autofocus] elements: typing before it
// ends can lose keystrokes to the newly focused field.
const htmxBusy = ".htmx-request, .htmx-swapping, .htmx-settling, .htmx-added"

// MustWaitText waits until the first element matching the CSS selector is visible, its
// rendered text contains want, and htmx is idle (swaps and boosted navigations land
// asynchronously); it returns the text.
func MustWaitText(tb testing.TB, ctx context.Context, selector, want string) string {
	tb.Helper()
	if want == "" { // chromedp drops "" call arguments (they arrive as undefined)
		MustWaitHTMXIdle(tb, ctx)
		return MustText(tb, ctx, selector)
	}
	const fn = `(sel, want) => {
		if (document.querySelector(` + "`" + htmxBusy + "`" + `)) return false;
		const el = document.querySelector(sel);
		if (!el || !(el.offsetWidth || el.offsetHeight || el.getClientRects().length)) return false;
		const text = el.innerText;
		return text.includes(want) ? text : false;
	}`
	text, err := pollJS[string](ctx, fn, selector, want)
	if err != nil {
		got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](
			`(document.querySelector(`+jsString(selector)+`) || {innerText: "(no element)"}).innerText`))
		tb.Fatalf("browser: waiting for %q in %q: %v (at %s); text is %q",
			want, selector, err, location(ctx), got)
	}
	return strings.TrimSpace(text)
}

// MustWaitHTMXIdle waits until the document has loaded and htmx has no request, swap or
// settle under way. Call it after an htmx action and before typing into what it swapped in.
func MustWaitHTMXIdle(tb testing.TB, ctx context.Context) {
	tb.Helper()
	const fn = `() => document.readyState === "complete" && !document.querySelector(` + "`" + htmxBusy + "`" + `)`
	if _, err := pollJS[bool](ctx, fn); err != nil {
		tb.Fatalf("browser: waiting for htmx to settle: %v (at %s)", err, location(ctx))
	}
}

// MustLocation is the tab's current URL.
func MustLocation(tb testing.TB, ctx context.Context) *url.URL {
	tb.Helper()
	s := MustRun(tb, ctx, chromedp.Location())
	u, err := url.Parse(s)
	if err != nil {
		tb.Fatalf("browser: location %q: %v", s, err)
	}
	return u
}

// MustWaitURL waits until the tab's URL satisfies ok (a real navigation or an
// htmx history push); what names the condition in the failure. It returns the URL.
func MustWaitURL(tb testing.TB, ctx context.Context, what string, ok func(*url.URL) bool) *url.URL {
	tb.Helper()
	type state struct {
		URL   string `json:"url"`
		Title string `json:"title"`
	}
	var found *url.URL
	last := mustPoll(tb, ctx, `({url: location.href, title: document.title})`, func(st state) bool {
		u, err := url.Parse(st.URL)
		if err == nil && ok(u) {
			found = u
		}
		return found != nil
	})
	if found == nil {
		tb.Fatalf("browser: waiting for URL %s: timed out (at %s, page title %q)", what, last.URL, last.Title)
	}
	return found
}

// mustPoll evaluates js in the page every 25 ms until done says so or StepTimeout passes, and
// returns the last state read. Evaluating can fail while a document is being replaced: that
// read is simply skipped.
func mustPoll[T any](tb testing.TB, ctx context.Context, js string, done func(T) bool) T {
	tb.Helper()
	sctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	tick := time.NewTicker(25 * time.Millisecond)
	defer tick.Stop()
	var last T
	for {
		if st, err := chromedp.Run(sctx, chromedp.Evaluate[T](js)); err == nil {
			last = st
			if done(st) {
				return st
			}
		}
		select {
		case <-sctx.Done():
			return last
		case <-tick.C:
		}
	}
}

// MustLoginUI logs in through the real login form and waits until the browser has left
// /connexion. A refused login fails the test with the page's message.
func MustLoginUI(tb testing.TB, ctx context.Context, baseURL, identity, password string) {
	tb.Helper()
	MustDo(tb, ctx,
		chromedp.Navigate(strings.TrimRight(baseURL, "/")+"/connexion"),
		chromedp.WaitVisible(chromedp.ID("identifiant")),
	)
	MustWaitHTMXIdle(tb, ctx)
	MustDo(tb, ctx,
		chromedp.SendKeys(chromedp.ID("identifiant"), identity),
		chromedp.SendKeys(chromedp.ID("mot_de_passe"), password),
	)
	// A fresh /connexion has empty fields: check that the keystrokes all landed where meant.
	if got := MustRun(tb, ctx, chromedp.Value(chromedp.ID("identifiant"))); got != identity {
		tb.Fatalf("browser: login form: identifiant is %q after typing %q", got, identity)
	}
	if got := MustRun(tb, ctx, chromedp.Value(chromedp.ID("mot_de_passe"))); got != password {
		tb.Fatalf("browser: login form: the password field holds %d characters, not %d", len(got), len(password))
	}
	MustDo(tb, ctx, chromedp.Click(chromedp.CSS(`form[action="/connexion"] button[type="submit"]`)))
	type state struct {
		Path  string `json:"path"`
		Error string `json:"error"`
	}
	const js = `({path: location.pathname,
		error: (document.getElementById("login-error") || {textContent: ""}).textContent.trim()})`
	st := mustPoll(tb, ctx, js, func(st state) bool { return st.Path != "/connexion" || st.Error != "" })
	switch {
	case st.Error != "":
		tb.Fatalf("browser: login %s refused: %s", identity, st.Error)
	case st.Path == "/connexion" || st.Path == "":
		tb.Fatalf("browser: login %s: still on /connexion after %s", identity, StepTimeout)
	}
}

// MustScreenshot saves a full-page PNG of the tab to path (creating its folder) when
// ShotsWanted.
func MustScreenshot(tb testing.TB, ctx context.Context, path string) {
	tb.Helper()
	if !ShotsWanted() {
		return
	}
	png := MustRun(tb, ctx, chromedp.FullScreenshot(100))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tb.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tb.Fatalf("screenshot: %v", err)
	}
	tb.Logf("screenshot: %s", path)
}

// PhoneViewport emulates a phone: 390×844 CSS px, mobile layout, touch, portrait.
// Use it in MustDo before (or after) a navigation; DesktopViewport goes back.
func PhoneViewport() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(PhoneWidth, PhoneHeight,
		chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
}

// DesktopViewport is MustBrowser's desktop size, without mobile or touch emulation.
func DesktopViewport() chromedp.Action[chromedp.Void] {
	return chromedp.EmulateViewport(DesktopWidth, DesktopHeight)
}

// pollJS runs a JS predicate in the page until it returns a truthy value (on DOM
// mutations and every 50 ms), for at most StepTimeout. A navigation destroys the poll;
// it then starts again in the new document.
func pollJS[T any](ctx context.Context, fn string, args ...any) (T, error) {
	sctx, cancel := context.WithTimeout(ctx, StepTimeout)
	defer cancel()
	for {
		remaining := StepTimeout
		if dl, ok := sctx.Deadline(); ok {
			remaining = time.Until(dl)
		}
		v, err := chromedp.Run(sctx, chromedp.PollFunction[T](fn,
			chromedp.WithPollingArgs(args...),
			chromedp.WithPollingInterval(50*time.Millisecond),
			chromedp.WithPollingTimeout(remaining)))
		switch {
		case err == nil:
			return v, nil
		case errors.Is(err, chromedp.ErrPollingTimeout), sctx.Err() != nil:
			if sctx.Err() != nil {
				return v, sctx.Err()
			}
			return v, err
		}
		// The document went away under the poll: wait a moment for the next one.
		t := time.NewTimer(20 * time.Millisecond)
		select {
		case <-sctx.Done():
			t.Stop()
			return v, sctx.Err()
		case <-t.C:
		}
	}
}

// location is the tab's URL for failure messages, or why it is unknown.
func location(ctx context.Context) string {
	lctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	s, err := chromedp.Run(lctx, chromedp.Location())
	if err != nil {
		return "unknown URL: " + err.Error()
	}
	return s
}

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`).Replace(s) + "'"
}

// lockedBuffer collects the browser's output from its goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (w *lockedBuffer) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func (w *lockedBuffer) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// MustBrowserSession opens the tab logged in as identity without the login form: it logs in
// over HTTP, as the form would, hands the session's cookies to the browser and opens the
// page the login leads to. The login's own tests click through the form (MustLoginUI); the
// others start logged in two page loads sooner.
func (a *App) MustBrowserSession(tb testing.TB, ctx context.Context, identity, password string) {
	tb.Helper()
	c := a.NewClient(tb)
	r := c.PostForm("/connexion", url.Values{"identifiant": {identity}, "mot_de_passe": {password}})
	if r.Status != http.StatusSeeOther {
		tb.Fatalf("browser: login %s: status %d", identity, r.Status)
	}
	base, err := url.Parse(a.URL)
	if err != nil {
		tb.Fatalf("browser: %v", err)
	}
	var cookies []*network.CookieParam
	for _, ck := range c.http.Jar.Cookies(base) {
		cookies = append(cookies, &network.CookieParam{Name: ck.Name, Value: ck.Value, URL: a.URL, HTTPOnly: ck.HttpOnly})
	}
	MustDo(tb, ctx, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, network.SetCookies, network.SetCookiesParams{Cookies: cookies})
		return err
	}), chromedp.Navigate(base.ResolveReference(&url.URL{Path: r.Header.Get("Location")}).String()))
}
