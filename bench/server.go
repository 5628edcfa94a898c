package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

const (
	pollEvery  = 2 * time.Millisecond
	startLimit = 10 * time.Second
	stopLimit  = 5 * time.Second
)

// server is one running `livret serve`.
type server struct {
	cmd  *exec.Cmd
	base string
	out  bytes.Buffer // its stdout and stderr, read once it has exited
	done chan error
	once sync.Once
}

// start execs the binary on a free loopback port and returns once GET /connexion answers
// 200, with the time from exec to that answer.
func start(bin, dir string, env ...string) (*server, time.Duration, error) {
	addr, err := freeAddr()
	if err != nil {
		return nil, 0, err
	}
	s := &server{base: "http://" + addr, done: make(chan error, 1)}
	s.cmd = exec.Command(bin, "serve", "--dir", dir, "--http", addr)
	s.cmd.Env = append(os.Environ(), env...)
	s.cmd.Stdout, s.cmd.Stderr = &s.out, &s.out
	s.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM} // dies with the bench
	t0 := time.Now()
	if err := s.cmd.Start(); err != nil {
		return nil, 0, err
	}
	go func() { s.done <- s.cmd.Wait() }()
	if err := s.waitReady(); err != nil {
		s.stop()
		return nil, 0, fmt.Errorf("%w\n%s", err, s.out.String())
	}
	return s, time.Since(t0), nil
}

func freeAddr() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

// waitReady polls GET /connexion every pollEvery until a 200, for at most startLimit.
func (s *server) waitReady() error {
	c := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	for deadline := time.Now().Add(startLimit); time.Now().Before(deadline); time.Sleep(pollEvery) {
		select {
		case err := <-s.done:
			s.done <- err // stop() waits on it again
			return fmt.Errorf("server exited before answering: %v", err)
		default:
		}
		if res, err := c.Get(s.base + "/connexion"); err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
		}
	}
	return fmt.Errorf("no 200 from %s/connexion within %s", s.base, startLimit)
}

// stop sends SIGTERM and waits; the process is killed if it lingers.
func (s *server) stop() {
	s.once.Do(func() {
		_ = s.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-s.done:
		case <-time.After(stopLimit):
			_ = s.cmd.Process.Kill()
			<-s.done
		}
	})
}

// rss reads the server's resident set size, in bytes.
// cpu is the server's CPU time so far (user and system), from /proc/<pid>/stat: what a run
// costs the server whatever else the machine is doing.
func (s *server) cpu() (time.Duration, error) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", s.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	// the fields after the command's name, which is in parentheses and may hold spaces
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	if len(f) < 13 {
		return 0, errors.New("short /proc stat")
	}
	var ticks int64
	for _, v := range f[11:13] { // utime, stime
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return 0, err
		}
		ticks += n
	}
	return time.Duration(ticks) * time.Second / clockTicks, nil
}

// clockTicks is the kernel's USER_HZ, 100 on Linux.
const clockTicks = 100

func (s *server) rss() (int64, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", s.cmd.Process.Pid))
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, errors.New("no VmRSS in /proc status")
}
