package web_test

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"livret/apptest"
)

// Helpers of the accounts tests: a students' file sent as the import form sends it, an import
// followed to its end, login slips read back from their PDF.

// uploadImport sends a file to the students' import form, as c.
func uploadImport(t *testing.T, c *apptest.Client, name string, data []byte) *apptest.Response {
	t.Helper()
	return uploadTo(t, c, "/comptes/import", name, data)
}

// uploadTo sends a file to an import form, as c.
func uploadTo(t *testing.T, c *apptest.Client, form, name string, data []byte) *apptest.Response {
	t.Helper()
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	require.NoError(t, w.WriteField("_csrf", c.CSRF))
	fw, err := w.CreateFormFile("fichier", name)
	require.NoError(t, err)
	_, _ = fw.Write(data)
	require.NoError(t, w.Close())
	return c.Do(http.MethodPost, form, &b, w.FormDataContentType())
}

// mustPreviewImport sends a students' file and returns the address of its preview.
func mustPreviewImport(t *testing.T, c *apptest.Client, name string, data []byte) string {
	t.Helper()
	return mustPreviewAt(t, c, "/comptes/import", name, data)
}

// mustPreviewAt sends a file to an import form and returns the address of its preview.
func mustPreviewAt(t *testing.T, c *apptest.Client, form, name string, data []byte) string {
	t.Helper()
	r := uploadTo(t, c, form, name, data)
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	page := r.Header.Get("Location")
	require.Regexp(t, `^`+form+`/[0-9a-f]{24}$`, page)
	return page
}

// mustImport previews a file, confirms it and waits for its end; it returns the final status
// block.
func mustImport(t *testing.T, c *apptest.Client, data []byte) string {
	t.Helper()
	page := mustPreviewImport(t, c, "eleves.csv", data)
	c.Get(page)
	r := c.PostForm(page, url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	return mustImportDone(t, c, page)
}

// mustImportDone polls an import's status, as its page does, until it stops polling.
func mustImportDone(t *testing.T, c *apptest.Client, page string) string {
	t.Helper()
	return mustPollDone(t, c, page, 2*time.Minute, "the import")
}

var (
	slipRe     = regexp.MustCompile(`Identifiant : (\S+)\s+Mot de passe provisoire : (\S+)`)
	usernameRe = regexp.MustCompile(`Identifiant : (\S+)`)
	passwordRe = regexp.MustCompile(`Mot de passe provisoire : (\S+)`)
)

// slipsOf reads the usernames and passwords printed on login slips: two slips a row, so
// pdftotext's line of usernames is followed by the line of their passwords.
func slipsOf(t *testing.T, pages []string) map[string]string {
	t.Helper()
	out := map[string]string{}
	var users []string
	for _, line := range strings.Split(strings.Join(pages, "\n"), "\n") {
		if m := usernameRe.FindAllStringSubmatch(line, -1); m != nil {
			users = nil
			for _, u := range m {
				users = append(users, u[1])
			}
		}
		if m := passwordRe.FindAllStringSubmatch(line, -1); m != nil {
			require.Len(t, m, len(users), "a password for each username: %q", line)
			for i, p := range m {
				out[users[i]] = p[1]
			}
		}
	}
	require.NotEmpty(t, out, "no slip in %q", pages)
	return out
}

// studentsCSV is a students' file: a header, then the lines, joined by CRLF.
func studentsCSV(lines ...string) []byte {
	return []byte(strings.Join(append([]string{"Nom;Prénom;Classe;Date de naissance;Statut"}, lines...), "\r\n") + "\r\n")
}

var tagRe = regexp.MustCompile(`<[^>]*>`)

// stripTags is a page's text, its markup removed and its entities decoded.
func stripTags(page string) string { return html.UnescapeString(tagRe.ReplaceAllString(page, " ")) }
