package web

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/filesystem"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// « Ajouter des annexes »: files and web links joined to the portfolio. A file's type is
// decided from its content (pfmp.DetectUpload); it is stored in PocketBase's protected file
// field and streamed only by our own route, after the policy said the reader may see it.

func init() { setTabLoader("annexes", attachmentsTab) }

// attachmentRow is one annexe as the list shows it.
type attachmentRow struct {
	ID      string         `db:"id"`
	Title   string         `db:"title"`
	Kind    string         `db:"kind"`
	URL     string         `db:"url"`
	MIME    string         `db:"mime"`
	Size    int64          `db:"size"`
	Created types.DateTime `db:"created"`
}

// TypeLabel names the file's type ("Image PNG"), or the link's site.
func (a attachmentRow) TypeLabel() string {
	if a.Kind == "link" {
		if u, err := url.Parse(a.URL); err == nil {
			return "Lien vers " + u.Hostname()
		}
		return "Lien"
	}
	if t, ok := pfmp.TypeByMIME(a.MIME); ok {
		return t.Label
	}
	return "Fichier"
}

// SizeLabel is the file's size in French units.
func (a attachmentRow) SizeLabel() string { return pfmp.SizeLabel(a.Size) }

func attachmentsTab(s *Server, c *fiber.Ctx, d *dossier) (fiber.Map, error) {
	return s.attachmentsData(d, map[string]string{})
}

func (s *Server) attachmentsData(d *dossier, values map[string]string) (fiber.Map, error) {
	var rows []attachmentRow
	err := s.app.DB().NewQuery(`SELECT id, title, kind, url, mime, size, created FROM attachments
		WHERE placement = {:p} ORDER BY created DESC`).Bind(dbx.Params{"p": d.Placement.Id}).All(&rows)
	if err != nil {
		return nil, err
	}
	accept := make([]string, 0, 2*len(pfmp.AcceptedTypes()))
	for _, t := range pfmp.AcceptedTypes() {
		accept = append(accept, strings.SplitN(t.MIME, ";", 2)[0], t.Ext)
	}
	return fiber.Map{"Attachments": rows, "Max": pfmp.MaxAttachments, "Full": len(rows) >= pfmp.MaxAttachments,
		"Accept": strings.Join(append(accept, ".jpeg", ".heif"), ","), "MaxSize": pfmp.MaxUploadSize,
		"MaxSizeLabel": pfmp.SizeLabel(pfmp.MaxUploadSize), "V": values, "Errors": map[string]string{}}, nil
}

func attachmentsURL(d *dossier) string { return "/dossiers/" + d.Placement.Id + "/portfolio/annexes" }

// attachmentUpload stores a file (POST …/annexes, multipart: titre, fichier). Too big: 413;
// a type not accepted, or the portfolio full: 422. Nothing is stored then.
func (s *Server) attachmentUpload(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	in := formValues(c, "titre")
	content, name, err := uploadedFile(c)
	if err != nil {
		return s.attachmentsFailed(c, d, in, err)
	}
	ft, err := pfmp.DetectUpload(content)
	if err != nil {
		return s.attachmentsFailed(c, d, in, err)
	}
	title := in["titre"]
	if title == "" { // a phone photo's name is better than nothing
		title = strings.TrimSuffix(name, filepath.Ext(name))
	}
	fe := pfmp.FieldErrors{}
	fe.Add("titre", pfmp.MaxLen(title, 255, "Titre"))
	if err := fe.Err(); err != nil {
		return s.attachmentsFailed(c, d, in, err)
	}
	f, err := filesystem.NewFileFromBytes(content, strings.TrimSuffix(name, filepath.Ext(name))+ft.Ext)
	if err != nil {
		return err
	}
	err = s.addAttachment(d, func(rec *core.Record) {
		rec.Set("title", title)
		rec.Set("kind", "file")
		rec.Set("file", f)
		rec.Set("mime", ft.MIME)
		rec.Set("size", len(content))
	})
	if err != nil {
		return s.attachmentsFailed(c, d, in, err)
	}
	s.flash(c, "Fichier « "+title+" » ajouté.")
	return c.Redirect(attachmentsURL(d), fiber.StatusSeeOther)
}

// uploadedFile reads the "fichier" part, refusing it past the size limit before reading it.
func uploadedFile(c *fiber.Ctx) ([]byte, string, error) {
	if _, err := c.MultipartForm(); err != nil {
		return nil, "", pfmp.ErrUnreadableUpload
	}
	fh, err := c.FormFile("fichier")
	if err != nil || fh.Size == 0 {
		return nil, "", pfmp.Invalid("Choisissez un fichier à joindre.",
			map[string]string{"fichier": "Choisissez un fichier à joindre (il ne doit pas être vide)."})
	}
	if err := pfmp.CheckUploadSize(fh.Size); err != nil {
		return nil, "", err
	}
	r, err := fh.Open()
	if err != nil {
		return nil, "", err
	}
	defer r.Close()
	b, err := io.ReadAll(io.LimitReader(r, pfmp.MaxUploadSize+1))
	if err != nil {
		return nil, "", err
	}
	if err := pfmp.CheckUploadSize(int64(len(b))); err != nil {
		return nil, "", err
	}
	return b, filepath.Base(fh.Filename), nil
}

// attachmentLink stores a web link (POST …/annexes/lien: lien_titre, url).
func (s *Server) attachmentLink(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	in := formValues(c, "lien_titre", "url")
	fe := pfmp.FieldErrors{}
	fe.Add("lien_titre", pfmp.Required(in["lien_titre"], "Titre du lien"))
	fe.Add("lien_titre", pfmp.MaxLen(in["lien_titre"], 255, "Titre du lien"))
	link, lerr := pfmp.CheckLink(in["url"])
	fe.Add("url", lerr)
	if err := fe.Err(); err != nil {
		return s.attachmentsFailed(c, d, in, err)
	}
	err = s.addAttachment(d, func(rec *core.Record) {
		rec.Set("title", in["lien_titre"])
		rec.Set("kind", "link")
		rec.Set("url", link)
	})
	if err != nil {
		return s.attachmentsFailed(c, d, in, err)
	}
	s.flash(c, "Lien « "+in["lien_titre"]+" » ajouté.")
	return c.Redirect(attachmentsURL(d), fiber.StatusSeeOther)
}

var errAttachmentsFull = pfmp.Invalid(fmt.Sprintf("Ce portfolio compte déjà %d annexes, le maximum : "+
	"supprimez-en une pour en ajouter une autre.", pfmp.MaxAttachments), nil)

// addAttachment saves a new annexe unless the placement already holds the maximum. The count
// is not locked with the save: a double click at 29 may make 31, which harms nobody, and the
// write lock is not held while the file is written.
func (s *Server) addAttachment(d *dossier, fill func(*core.Record)) error {
	var n int
	err := s.app.DB().NewQuery(`SELECT COUNT(*) FROM attachments WHERE placement = {:p}`).
		Bind(dbx.Params{"p": d.Placement.Id}).Row(&n)
	if err != nil {
		return err
	}
	if n >= pfmp.MaxAttachments {
		return errAttachmentsFull
	}
	col, err := s.app.FindCachedCollectionByNameOrId("attachments")
	if err != nil {
		return err
	}
	rec := core.NewRecord(col)
	rec.Set("placement", d.Placement.Id)
	fill(rec)
	return s.app.Save(rec)
}

// attachmentsFailed shows the tab again with the message, what was typed kept (the file
// itself must be chosen again: browsers never prefill a file input).
func (s *Server) attachmentsFailed(c *fiber.Ctx, d *dossier, in map[string]string, err error) error {
	status := pfmp.Status(err)
	if status != fiber.StatusUnprocessableEntity && status != fiber.StatusRequestEntityTooLarge {
		return err
	}
	data, derr := s.attachmentsData(d, in)
	if derr != nil {
		return derr
	}
	data["D"], data["Error"] = d, pfmp.Message(err)
	if fields := pfmp.FieldsOf(err); fields != nil {
		data["Errors"] = fields
	} else if status == fiber.StatusRequestEntityTooLarge {
		data["Errors"] = map[string]string{"fichier": pfmp.Message(err)}
	}
	return s.portfolioPage(c, status, "annexes", "portfolio/annexes", "", data)
}

// findAttachment loads an annexe of THIS placement: another placement's id is not found.
func (s *Server) findAttachment(d *dossier, id string) (*core.Record, error) {
	rec, err := s.app.FindRecordById("attachments", id)
	if err != nil || rec.GetString("placement") != d.Placement.Id {
		return nil, pfmp.NotFound("Cette annexe n'existe pas (ou plus).")
	}
	return rec, nil
}

// attachmentDelete deletes an annexe and its file, after the page asked for confirmation.
func (s *Server) attachmentDelete(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	rec, err := s.findAttachment(d, c.Params("aid"))
	if err != nil {
		return err
	}
	if err := s.app.Delete(rec); err != nil {
		return err
	}
	s.flash(c, "Annexe « "+rec.GetString("title")+" » supprimée.")
	return c.Redirect(attachmentsURL(d), fiber.StatusSeeOther)
}

// attachmentDownload streams a file to whoever may read the portfolio, as a download named
// after its title, with its checked type and no sniffing by the browser.
func (s *Server) attachmentDownload(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.ReadPortfolio)
	if err != nil {
		return err
	}
	rec, err := s.findAttachment(d, c.Params("aid"))
	if err != nil {
		return err
	}
	if rec.GetString("kind") != "file" || rec.GetString("file") == "" {
		return pfmp.NotFound("Cette annexe n'est pas un fichier.")
	}
	content, err := s.readAttachment(rec)
	if err != nil {
		return err
	}
	mime := rec.GetString("mime")
	ext := filepath.Ext(rec.GetString("file"))
	if t, ok := pfmp.TypeByMIME(mime); ok {
		ext = t.Ext
	} else {
		mime = "application/octet-stream"
	}
	c.Set(fiber.HeaderContentType, mime)
	c.Set(fiber.HeaderContentDisposition, attachmentDisposition(downloadName(rec.GetString("title"), ext)))
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderContentSecurityPolicy, "default-src 'none'; sandbox")
	c.Set(fiber.HeaderCacheControl, "private, no-cache")
	return c.Send(content)
}

// readAttachment reads a stored file whole (10 Mo at most): the storage is closed before
// the response is written.
func (s *Server) readAttachment(rec *core.Record) ([]byte, error) {
	fsys, err := s.app.NewFilesystem()
	if err != nil {
		return nil, err
	}
	defer fsys.Close()
	r, err := fsys.GetReader(rec.BaseFilesPath() + "/" + rec.GetString("file"))
	if err != nil {
		if errors.Is(err, filesystem.ErrNotFound) {
			return nil, pfmp.NotFound("Le fichier de cette annexe est introuvable.")
		}
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// downloadName is a file name made of the title: characters no file system accepts become
// spaces, the extension is the one of the checked type.
func downloadName(title, ext string) string {
	name := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || strings.ContainsRune(`/\:*?"<>|`, r) {
			return ' '
		}
		return r
	}, title)
	name = strings.Trim(strings.Join(strings.Fields(name), " "), ". ")
	if utf8.RuneCountInString(name) > 120 {
		name = string([]rune(name)[:120])
	}
	if name == "" {
		name = "annexe"
	}
	if strings.HasSuffix(strings.ToLower(name), ext) {
		return name
	}
	return name + ext
}

// attachmentDisposition is a Content-Disposition for a download: an ASCII fallback name and
// the real one in UTF-8 (RFC 6266, RFC 5987 "filename*").
func attachmentDisposition(name string) string {
	return `attachment; filename="` + asciiName(name) + `"; filename*=UTF-8''` + rfc5987(name)
}

// frenchASCII folds the accented letters of French to plain ones.
var frenchASCII = strings.NewReplacer(
	"à", "a", "â", "a", "ä", "a", "ç", "c", "é", "e", "è", "e", "ê", "e", "ë", "e", "î", "i", "ï", "i",
	"ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ÿ", "y", "œ", "oe", "æ", "ae",
	"À", "A", "Â", "A", "Ä", "A", "Ç", "C", "É", "E", "È", "E", "Ê", "E", "Ë", "E", "Î", "I", "Ï", "I",
	"Ô", "O", "Ö", "O", "Ù", "U", "Û", "U", "Ü", "U", "Ÿ", "Y", "Œ", "OE", "Æ", "AE", "’", "'")

func asciiName(name string) string {
	return strings.Map(func(r rune) rune {
		if r > unicode.MaxASCII || r < 0x20 || r == '"' || r == '\\' || r == '%' {
			return '_'
		}
		return r
	}, frenchASCII.Replace(name))
}

// rfc5987 percent-encodes every byte outside RFC 5987's attr-char.
func rfc5987(s string) string {
	const attrChar = "!#$&+-.^_`|~"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte(attrChar, c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}
