package web_test

import (
	"bytes"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// generated is a body of n bytes made on the fly: the test allocates nothing for it, so the
// memory the process allocates while it is sent is the server's.
type generated struct{ left int }

func (g *generated) Read(p []byte) (int, error) {
	if g.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), g.left)
	for i := range n {
		p[i] = 'a'
	}
	g.left -= n
	return n, nil
}

// bigPost sends n bytes to path, with their length declared or chunked (length unknown).
func bigPost(t *testing.T, a *apptest.App, path string, body io.Reader, n int, chunked bool, headers ...string) (int, string, error) {
	req, err := http.NewRequest(http.MethodPost, a.URL+path, body)
	require.NoError(t, err)
	req.ContentLength = int64(n)
	if chunked {
		req.ContentLength = -1
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", a.URL)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	client := &http.Client{Transport: &http.Transport{DisableKeepAlives: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := client.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), nil
}

// TestAnonymousLargePostsLeaveTheServersMemoryBounded: sixteen parallel anonymous 24 Mo
// posts to the login form, half of them chunked, are refused in French before being
// buffered. Measured in this process, where the server runs.
func TestAnonymousLargePostsLeaveTheServersMemoryBounded(t *testing.T) {
	// Not parallel: it measures the allocations of the whole test process.
	a := apptest.MustStart(t)
	const size, parallel = 24 << 20, 16
	var (
		mu      sync.Mutex
		answers []string
		wg      sync.WaitGroup
		before  runtime.MemStats
		after   runtime.MemStats
	)
	runtime.ReadMemStats(&before)
	for i := range parallel {
		wg.Add(1)
		go func(chunked bool) {
			defer wg.Done()
			status, body, err := bigPost(t, a, "/connexion", &generated{left: size}, size, chunked)
			mu.Lock()
			defer mu.Unlock()
			answers = append(answers, fmt.Sprintf("chunked=%v status=%d err=%v french=%v", chunked, status, err,
				strings.Contains(body, "Envoi trop volumineux")))
		}(i%2 == 1)
	}
	wg.Wait()
	runtime.ReadMemStats(&after)
	for _, got := range answers {
		require.Contains(t, got, "status=413 err=<nil> french=true")
	}
	allocated := after.TotalAlloc - before.TotalAlloc
	t.Logf("allocated while refusing: %d Ko", allocated>>10)
	require.Less(t, allocated, uint64(32<<20), "the server allocated %d Mo for %d refused posts of 24 Mo",
		allocated>>20, parallel)
}

// TestOnlyTheUploadRouteTakesLargeBodies: a form gets 1 Mo, the upload route 25 Mo but only
// for a valid session with its CSRF token; a chunked body is bounded as a declared one.
func TestOnlyTheUploadRouteTakesLargeBodies(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	c, session := mustSteal(t, a, "lucas.lambert")
	cookie := session.cookie
	upload := "/dossiers/" + p.Id + "/portfolio/annexes"

	for _, chunked := range []bool{false, true} {
		status, body, err := bigPost(t, a, "/dossiers/"+p.Id+"/portfolio/commentaires", &generated{left: 2 << 20}, 2<<20, chunked,
			"Cookie", cookie, "X-CSRF-Token", c.CSRF)
		require.NoError(t, err)
		require.Equal(t, http.StatusRequestEntityTooLarge, status, "a 2 Mo form, chunked=%v", chunked)
		require.Contains(t, body, "ce formulaire dépasse la taille permise (1 Mo)")
	}

	// Anonymous, or without the session's token: the upload route is a form like any other.
	status, body, err := bigPost(t, a, upload, &generated{left: 5 << 20}, 5<<20, false)
	require.NoError(t, err)
	require.Equal(t, http.StatusRequestEntityTooLarge, status)
	require.Contains(t, body, "Envoi trop volumineux")
	status, _, err = bigPost(t, a, upload, &generated{left: 5 << 20}, 5<<20, true, "Cookie", cookie, "X-CSRF-Token", "faux")
	require.NoError(t, err)
	require.Equal(t, http.StatusRequestEntityTooLarge, status)

	// A 40 Mo chunked upload from the student: the French 413, not a bare 500.
	status, body, err = bigPost(t, a, upload, &generated{left: 40 << 20}, 40<<20, true, "Cookie", cookie, "X-CSRF-Token", c.CSRF)
	require.NoError(t, err)
	require.Equal(t, http.StatusRequestEntityTooLarge, status)
	require.Contains(t, body, "un fichier ne peut pas dépasser 10 Mo")

	// A 3 Mo photo with the token in the body only (a form posted without JavaScript), chunked.
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	require.NoError(t, w.WriteField("_csrf", c.CSRF))
	require.NoError(t, w.WriteField("titre", "Grande photo"))
	fw, err := w.CreateFormFile("fichier", "photo.png")
	require.NoError(t, err)
	_, _ = fw.Write(append(pngFile(t), bytes.Repeat([]byte{0}, 3<<20)...))
	require.NoError(t, w.Close())
	status, body, err = bigPost(t, a, upload, &b, b.Len(), true, "Cookie", cookie, "Content-Type", w.FormDataContentType())
	require.NoError(t, err)
	require.Equal(t, http.StatusSeeOther, status, alertOf(body))
	require.Len(t, attachmentsOf(t, a, p), 1)
}

// TestAMultipartBodyWithoutItsTokenIsRefusedUnparsed: the token must be in the header or
// before the file; a token after the file does not count.
func TestAMultipartBodyWithoutItsTokenIsRefusedUnparsed(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	c := a.MustLogin(t, "lucas.lambert", demo.Password)
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	fw, err := w.CreateFormFile("fichier", "photo.png")
	require.NoError(t, err)
	_, _ = fw.Write(pngFile(t))
	require.NoError(t, w.WriteField("_csrf", c.CSRF))
	require.NoError(t, w.Close())
	r := c.Do(http.MethodPost, "/dossiers/"+p.Id+"/portfolio/annexes", &b, w.FormDataContentType())
	require.Equal(t, http.StatusForbidden, r.Status)
	require.Empty(t, attachmentsOf(t, a, p))
}

// alertOf is the page's error message, for failure reports.
func alertOf(body string) string {
	if i := strings.Index(body, `class="alert`); i >= 0 {
		return body[i:min(len(body), i+300)]
	}
	return body[:min(len(body), 300)]
}
