package apptest

import (
	"flag"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"testing"
)

// Main runs a package's tests, then removes the prepared folders: call it from TestMain.
//
// Unless told otherwise on the command line, the tests' folders live in memory (/dev/shm, when
// the machine has one: each test's SQLite files, uploads and browser profile) and up to four
// parallel tests share a core — they mostly wait on a browser, an SMTP exchange or a poll — and
// the garbage collector runs a quarter as often.
func Main(m *testing.M) {
	flag.Parse()
	if !flagSet("test.parallel") {
		_ = flag.Set("test.parallel", strconv.Itoa(4*runtime.GOMAXPROCS(0)))
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400) // the tests' heaps are small and short-lived: collect less often
	}
	cleanup := inMemoryTemp()
	code := m.Run()
	closeChromium()
	SharedPrinter().Close()
	templatesMu.Lock()
	for _, dir := range templates {
		_ = os.RemoveAll(dir)
	}
	templatesMu.Unlock()
	cleanup()
	os.Exit(code)
}

// flagSet reports whether the command line set the flag.
func flagSet(name string) bool {
	set := false
	flag.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// ShotsWanted reports whether the browser tests save their screenshots, for people to look
// at: when $LIVRET_SHOTS names a folder. They assert nothing, and a full-page PNG costs
// Chromium a fifth of a second: the suite does not take them unasked.
func ShotsWanted() bool { return os.Getenv("LIVRET_SHOTS") != "" }

// ShotsDir is where browser tests save their screenshots: $LIVRET_SHOTS, or livret-shots in the
// machine's temp dir (not the tests' own, removed at the end).
func ShotsDir() string {
	if dir := os.Getenv("LIVRET_SHOTS"); dir != "" {
		return dir
	}
	return filepath.Join(machineTemp, "livret-shots")
}

// machineTemp is the temp dir before Main moves the tests' one into memory.
var machineTemp = os.TempDir()

// inMemoryTemp points TMPDIR at a fresh folder under /dev/shm when TMPDIR is not set and
// /dev/shm is writable; the returned function removes it.
func inMemoryTemp() func() {
	if os.Getenv("TMPDIR") != "" {
		return func() {}
	}
	dir, err := os.MkdirTemp("/dev/shm", "livret-tests-")
	if err != nil {
		return func() {}
	}
	_ = os.Setenv("TMPDIR", dir)
	return func() { _ = os.RemoveAll(filepath.Clean(dir)) }
}
