package web

import (
	"bytes"
	"cmp"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"regexp"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/tools/router"

	"livret/accounts"
	"livret/pfmp"
)

// Request bodies are bounded before the Fiber adaptor buffers them whole (see pbHandler):
// without a valid session (the login form) a body gets anonLimit, with one formLimit; only
// the routes that accept files (fileLimit), for a valid session whose CSRF token is
// in the header or at the head of the multipart body, get more: the upload route
// Config.MaxUpload, the accounts' imports importLimit. A declared
// length over the limit is refused unread; a chunked body is read up to the limit plus one
// byte. Either way the pages answer the French 413, and what the client still sends is then
// read and dropped (up to drainLimit), so that it reads the answer rather than a reset
// connection.
const (
	// anonLimit bounds a body without a valid session: the login form is a few hundred bytes.
	anonLimit = 64 << 10
	// formLimit bounds every form but the upload: the longest (a journal week) holds a few
	// fields of 10,000 characters, about 500 Ko url-encoded at worst.
	formLimit = 1 << 20
	// peekLimit bounds what is read of a multipart body to find its CSRF token.
	peekLimit = 64 << 10
	// drainLimit bounds what is read and dropped after a refusal.
	drainLimit = 64 << 20
)

// uploadRoute is the portfolio's route that accepts files (routes.go: POST …/portfolio/annexes).
var uploadRoute = regexp.MustCompile(`^/dossiers/[^/]+/portfolio/annexes$`)

// importLimit bounds the accounts' CSV (routes.go: POST /comptes/import and
// /comptes/enseignants/import): the file's own limit and room for the form around it.
const importLimit = accounts.MaxFileSize + 64<<10

// isImportRoute reports whether a path takes an accounts' CSV.
func isImportRoute(path string) bool { return path == studentsImport.URL || path == teachersImport.URL }

// fileLimit is the limit of a POST to a route that accepts files; 0 for any other request.
func (s *Server) fileLimit(r *http.Request) int64 {
	switch {
	case r.Method != http.MethodPost:
		return 0
	case uploadRoute.MatchString(r.URL.Path):
		return int64(s.cfg.MaxUpload)
	case isImportRoute(r.URL.Path):
		return importLimit
	}
	return 0
}

// Headers pbHandler sets for the pages; a client's own copies are removed first.
const (
	// bodyLimitHeader carries the limit that applied to the request's body.
	bodyLimitHeader = "X-Livret-Body-Limit"
	// tooLargeHeader marks a body refused unread (the adaptor then sees an empty one).
	tooLargeHeader = "X-Livret-Too-Large"
	// multipartTokenHeader carries the CSRF field found at the head of a multipart body.
	multipartTokenHeader = "X-Livret-Multipart-Token"
)

// boundedBody is a request body read at most up to its limit plus one byte.
type boundedBody struct {
	src     io.ReadCloser // the client's body, as the server gave it
	r       io.Reader     // what the pages read: what was peeked, then src
	left    int64         // bytes the pages may still read
	refused bool          // refused unread: its declared length is over the limit
}

func (b *boundedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, io.EOF
	}
	n, err := b.r.Read(p[:min(int64(len(p)), b.left)])
	b.left -= int64(n)
	return n, err
}

func (b *boundedBody) Close() error { return b.src.Close() }

// drain sends the answer already written, then reads and drops what the client still sends
// after a refusal.
func (b *boundedBody) drain(w http.ResponseWriter) {
	if !b.refused && b.left > 0 {
		return
	}
	_ = http.NewResponseController(w).Flush()
	_, _ = io.Copy(io.Discard, io.LimitReader(b.src, drainLimit))
}

// limitBody bounds r's body (see above) and tells the pages the limit and, for a multipart
// body, its CSRF field. Call drain on what it returns once the pages have answered.
func (s *Server) limitBody(w http.ResponseWriter, r *http.Request) *boundedBody {
	for _, h := range []string{bodyLimitHeader, tooLargeHeader, multipartTokenHeader} {
		r.Header.Del(h)
	}
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	// The body stays readable after the answer is written, for drain.
	_ = http.NewResponseController(w).EnableFullDuplex()
	// PocketBase copies every byte read through its wrapper, for rereads the pages never do.
	src := r.Body
	if rr, ok := src.(*router.RereadableReadCloser); ok {
		src = rr.ReadCloser
	}
	b := &boundedBody{src: src, r: src}
	limit := s.formLimitOf(r)
	multi := isMultipart(r.Header.Get("Content-Type"))
	files := s.fileLimit(r)
	if multi && r.ContentLength <= max(limit, int64(s.cfg.MaxUpload)) {
		token := s.peekToken(r, b)
		if files > 0 && s.validUploader(r, cmp.Or(r.Header.Get(csrfHeader), token)) {
			limit = files
		}
	} else if files > 0 && s.validUploader(r, r.Header.Get(csrfHeader)) {
		limit = files
	}
	r.Header.Set(bodyLimitHeader, strconv.FormatInt(limit, 10))
	b.left = limit + 1
	if r.ContentLength > limit {
		b.refused = true
		r.Body, r.ContentLength = http.NoBody, 0
		r.Header.Set(tooLargeHeader, "1")
		return b
	}
	r.Body = b
	return b
}

// formLimitOf is the limit of r as a form: anonLimit without a valid session.
func (s *Server) formLimitOf(r *http.Request) int64 {
	if cookie, err := r.Cookie(sessionCookie); err == nil && s.actorOfToken(cookie.Value) != nil {
		return formLimit
	}
	return anonLimit
}

// validUploader: the request carries a valid session and the CSRF token of that session.
func (s *Server) validUploader(r *http.Request, token string) bool {
	cookie, err := r.Cookie(sessionCookie)
	if err != nil || token == "" || s.actorOfToken(cookie.Value) == nil {
		return false
	}
	return token == s.csrfFor(cookie.Value)
}

// peekToken reads the fields of a multipart body that precede its first file (peekLimit at
// most), sets multipartTokenHeader to its CSRF field, and has b replay what it read.
func (s *Server) peekToken(r *http.Request, b *boundedBody) string {
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		return ""
	}
	var read bytes.Buffer
	mr := multipart.NewReader(io.TeeReader(io.LimitReader(b.src, peekLimit), &read), params["boundary"])
	token := ""
	for {
		p, err := mr.NextPart()
		if err != nil || p.FileName() != "" {
			break
		}
		if p.FormName() == csrfField {
			v, _ := io.ReadAll(io.LimitReader(p, 256))
			token = string(v)
			break
		}
	}
	b.r = io.MultiReader(&read, b.src)
	r.Header.Set(multipartTokenHeader, token)
	return token
}

func isMultipart(contentType string) bool {
	mt, _, err := mime.ParseMediaType(contentType)
	return err == nil && mt == fiber.MIMEMultipartForm
}

// refuseTooLarge answers the French 413 for a body over the limit pbHandler set.
func refuseTooLarge(c *fiber.Ctx) error {
	limit, err := strconv.Atoi(c.Get(bodyLimitHeader))
	if c.Get(tooLargeHeader) == "" && (err != nil || len(c.Body()) <= limit) {
		return c.Next()
	}
	if uploadRoute.MatchString(c.Path()) {
		return pfmp.TooLarge("Envoi trop volumineux : un fichier ne peut pas dépasser " +
			pfmp.SizeLabel(pfmp.MaxUploadSize) + ".")
	}
	if isImportRoute(c.Path()) {
		return accounts.ErrTooLarge
	}
	return pfmp.TooLarge("Envoi trop volumineux : ce formulaire dépasse la taille permise (" +
		pfmp.SizeLabel(int64(limit)) + ").")
}
