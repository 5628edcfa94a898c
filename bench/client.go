package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"time"
)

const requestTimeout = 5 * time.Second

var csrfRe = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// newClient is a keep-alive client for conc concurrent workers; redirects are not followed.
func newClient(conc int) *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{
		Jar:     jar,
		Timeout: requestTimeout,
		Transport: &http.Transport{
			MaxIdleConns: 2 * conc, MaxIdleConnsPerHost: 2 * conc, IdleConnTimeout: time.Minute,
		},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// get fetches a URL and returns its status and body.
func get(c *http.Client, u string, header http.Header) (int, []byte, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return 0, nil, err
	}
	if header != nil {
		req.Header = header.Clone()
	}
	res, err := c.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	return res.StatusCode, b, err
}

// login signs in through the real form: the CSRF token from the page, the same Origin.
func login(c *http.Client, base, identity, password string) error {
	status, body, err := get(c, base+"/connexion", nil)
	if err != nil {
		return err
	}
	m := csrfRe.FindSubmatch(body)
	if status != http.StatusOK || m == nil {
		return fmt.Errorf("login page: status %d, CSRF token found: %t", status, m != nil)
	}
	form := url.Values{"identifiant": {identity}, "mot_de_passe": {password}, "_csrf": {string(m[1])}}
	req, _ := http.NewRequest(http.MethodPost, base+"/connexion", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", base)
	res, err := c.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther {
		return fmt.Errorf("login %s: status %d, want 303", identity, res.StatusCode)
	}
	return nil
}

// superuserToken authenticates the superuser through PocketBase's REST API.
func superuserToken(c *http.Client, base string) (string, error) {
	body, _ := json.Marshal(map[string]string{"identity": superuserEmail, "password": superuserPass})
	res, err := c.Post(base+"/api/collections/_superusers/auth-with-password", "application/json", bytes.NewReader(body))
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	var out struct{ Token string }
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil || res.StatusCode != http.StatusOK || out.Token == "" {
		return "", fmt.Errorf("superuser auth: status %d (%v)", res.StatusCode, err)
	}
	return out.Token, nil
}
