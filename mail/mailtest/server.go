// Package mailtest is a real SMTP server for tests (go-smtp on 127.0.0.1): it collects
// and parses what it receives, and can refuse the next deliveries with a chosen code.
package mailtest

import (
	"errors"
	"io"
	"net"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/pocketbase/pocketbase/core"
)

// Server is an SMTP server listening on 127.0.0.1 until the test ends.
type Server struct {
	Host string
	Port int

	mu       sync.Mutex
	msgs     []Message
	changed  chan struct{} // closed and replaced on each message received
	attempts int           // MAIL FROM commands received
	refuse   []*smtp.SMTPError
	user     string
	pass     string
}

// Start starts a server on a free port of 127.0.0.1, closed by tb's cleanup.
func Start(tb testing.TB) *Server {
	tb.Helper()
	s := &Server{Host: "127.0.0.1", changed: make(chan struct{})}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("mailtest: listen: %v", err)
	}
	s.Port = ln.Addr().(*net.TCPAddr).Port
	srv := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{s: s}, nil }))
	srv.Domain = "localhost"
	srv.AllowInsecureAuth = true
	srv.ReadTimeout, srv.WriteTimeout = 10*time.Second, 10*time.Second
	srv.ErrorLog = discard{}
	go func() { _ = srv.Serve(ln) }()
	tb.Cleanup(func() { _ = srv.Close() })
	return s
}

// Addr is "127.0.0.1:port".
func (s *Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// RequireAuth makes the server accept mail only after AUTH PLAIN or LOGIN with these
// credentials.
func (s *Server) RequireAuth(user, pass string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.user, s.pass = user, pass
}

// Refuse makes the next n deliveries fail at MAIL FROM with code (4xx: try later, 5xx:
// never) and text.
func (s *Server) Refuse(n, code int, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.refuse = append(s.refuse, &smtp.SMTPError{Code: code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: text})
	}
}

// Attempts counts the deliveries tried (MAIL FROM commands), refused ones included.
func (s *Server) Attempts() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.attempts
}

// Messages returns a copy of what was received so far.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.msgs...)
}

// Wait returns the received messages once there are at least n, failing tb after timeout.
func (s *Server) Wait(tb testing.TB, n int, timeout time.Duration) []Message {
	tb.Helper()
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if len(s.msgs) >= n {
			out := append([]Message(nil), s.msgs...)
			s.mu.Unlock()
			return out
		}
		changed, got := s.changed, len(s.msgs)
		s.mu.Unlock()
		select {
		case <-changed:
		case <-deadline.C:
			tb.Fatalf("mailtest: %d message(s) received after %s, %d expected", got, timeout, n)
			return nil
		}
	}
}

// Configure points the app's SMTP settings at this server and saves them, as an
// administrator would in the dashboard.
func (s *Server) Configure(app core.App) error {
	settings, err := app.Settings().Clone()
	if err != nil {
		return err
	}
	s.mu.Lock()
	settings.SMTP = core.SMTPConfig{Enabled: true, Host: s.Host, Port: s.Port, Username: s.user, Password: s.pass}
	s.mu.Unlock()
	return app.Save(settings)
}

// receive stores a delivered message.
func (s *Server) receive(from string, to []string, raw []byte) error {
	m, err := Parse(raw)
	if err != nil {
		return &smtp.SMTPError{Code: 554, EnhancedCode: smtp.EnhancedCodeNotSet, Message: "unparsable message: " + err.Error()}
	}
	m.From, m.To = from, to
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, m)
	close(s.changed)
	s.changed = make(chan struct{})
	return nil
}

// mailFrom counts an attempt and returns the refusal due, if any.
func (s *Server) mailFrom() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.attempts++
	if len(s.refuse) == 0 {
		return nil
	}
	err := s.refuse[0]
	s.refuse = s.refuse[1:]
	return err
}

func (s *Server) credentials() (string, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user, s.pass
}

// session is one SMTP connection's transaction.
type session struct {
	s      *Server
	authed bool
	from   string
	to     []string
}

func (c *session) AuthMechanisms() []string { return []string{sasl.Plain, sasl.Login} }

func (c *session) Auth(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		u, p := c.s.credentials()
		if u == "" || user != u || pass != p {
			return smtp.ErrAuthFailed
		}
		c.authed = true
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(_, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	}
	return nil, smtp.ErrAuthUnknownMechanism
}

func (c *session) Mail(from string, _ *smtp.MailOptions) error {
	if u, _ := c.s.credentials(); u != "" && !c.authed {
		return smtp.ErrAuthRequired
	}
	if err := c.s.mailFrom(); err != nil {
		return err
	}
	c.from = from
	return nil
}

func (c *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	c.to = append(c.to, to)
	return nil
}

func (c *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return c.s.receive(c.from, c.to, raw)
}

func (c *session) Reset()        { c.from, c.to = "", nil }
func (c *session) Logout() error { return nil }

// loginServer is the server side of AUTH LOGIN (go-sasl has only the client side).
type loginServer struct {
	check func(user, pass string) error
	user  string
	step  int
}

func (l *loginServer) Next(response []byte) ([]byte, bool, error) {
	l.step++
	switch l.step {
	case 1:
		if response != nil { // initial response: the username
			l.user = string(response)
			l.step++
			return []byte("Password:"), false, nil
		}
		return []byte("Username:"), false, nil
	case 2:
		l.user = string(response)
		return []byte("Password:"), false, nil
	case 3:
		return nil, true, l.check(l.user, string(response))
	}
	return nil, false, errors.New("unexpected LOGIN step")
}

type discard struct{}

func (discard) Printf(string, ...any) {}
func (discard) Println(...any)        {}
