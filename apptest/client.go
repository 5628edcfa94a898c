package apptest

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
)

// Client is a browser-like HTTP client: cookie jar, same-origin header, CSRF token.
type Client struct {
	tb   testing.TB
	base string
	http *http.Client
	CSRF string
}

// Response is a read response: status, headers and body text.
type Response struct {
	Status int
	Header http.Header
	Body   string
}

var csrfRe = regexp.MustCompile(`name="_csrf" value="([^"]+)"|"X-CSRF-Token": "([^"]+)"`)

// NewClient is an anonymous visitor who has opened the login page.
func (a *App) NewClient(tb testing.TB) *Client {
	tb.Helper()
	jar, _ := cookiejar.New(nil)
	c := &Client{tb: tb, base: a.URL, http: &http.Client{
		Jar:           jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}}
	c.Get("/connexion")
	return c
}

// MustLogin logs in through the login form and fails the test if it is refused.
func (a *App) MustLogin(tb testing.TB, identity, password string) *Client {
	tb.Helper()
	c := a.NewClient(tb)
	r := c.PostForm("/connexion", url.Values{"identifiant": {identity}, "mot_de_passe": {password}})
	if r.Status != http.StatusSeeOther {
		tb.Fatalf("login %s: status %d: %s", identity, r.Status, r.Body)
	}
	c.Get(r.Header.Get("Location")) // picks up the session's CSRF token
	return c
}

// Get fetches a path; extra headers come as name, value pairs.
func (c *Client) Get(path string, headers ...string) *Response {
	c.tb.Helper()
	return c.Do(http.MethodGet, path, nil, "", headers...)
}

// PostForm posts a url-encoded form from this site, with the CSRF token.
func (c *Client) PostForm(path string, form url.Values, headers ...string) *Response {
	c.tb.Helper()
	if form.Get("_csrf") == "" && c.CSRF != "" {
		form.Set("_csrf", c.CSRF)
	}
	return c.Do(http.MethodPost, path, strings.NewReader(form.Encode()),
		"application/x-www-form-urlencoded", headers...)
}

// Do sends a request as our pages would: same Origin; the CSRF token is the caller's to add.
func (c *Client) Do(method, path string, body io.Reader, contentType string, headers ...string) *Response {
	c.tb.Helper()
	req, err := http.NewRequest(method, c.base+path, body)
	if err != nil {
		c.tb.Fatalf("request: %v", err)
	}
	if method != http.MethodGet && method != http.MethodHead {
		req.Header.Set("Origin", c.base)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		c.tb.Fatalf("%s %s: %v", method, path, err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := csrfRe.FindStringSubmatch(string(b)); m != nil {
		c.CSRF = m[1] + m[2]
	}
	return &Response{Status: res.StatusCode, Header: res.Header, Body: string(b)}
}

// For is the same client (same cookies and token) reporting failures to tb, to share one
// logged-in client between subtests.
func (c *Client) For(tb testing.TB) *Client {
	cp := *c
	cp.tb = tb
	return &cp
}
