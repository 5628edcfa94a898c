package web

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/tools/filesystem"

	"livret/dossier"
	"livret/pfmp"
)

// « Ajouter des annexes »: files and web links joined to the portfolio. A file's type is
// decided from its content (pfmp.DetectUpload); it is stored in PocketBase's protected file
// field and streamed only by our own route, after the policy said the reader may see it.

// attachmentsView is the tab: the files and links, and for the student the two forms.
type attachmentsView struct {
	portfolioView
	Attachments  []dossier.AttachmentRow
	Max          int
	Full         bool
	Accept       string // the file input's accepted types
	MaxSize      int64
	MaxSizeLabel string
	Values       map[string]string // what was typed in the forms
}

func attachmentsTab(s *Server, c *fiber.Ctx, d *openDossier) (tabView, error) {
	return s.attachmentsData(d, map[string]string{})
}

func (s *Server) attachmentsData(d *openDossier, values map[string]string) (*attachmentsView, error) {
	rows, err := s.store.AttachmentRows(d.ID())
	if err != nil {
		return nil, err
	}
	accept := make([]string, 0, 2*len(pfmp.AcceptedTypes()))
	for _, t := range pfmp.AcceptedTypes() {
		accept = append(accept, strings.SplitN(t.MIME, ";", 2)[0], t.Ext)
	}
	return &attachmentsView{Attachments: rows, Max: pfmp.MaxAttachments, Full: len(rows) >= pfmp.MaxAttachments,
		Accept: strings.Join(append(accept, ".jpeg", ".heif"), ","), MaxSize: pfmp.MaxUploadSize,
		MaxSizeLabel: pfmp.SizeLabel(pfmp.MaxUploadSize), Values: values}, nil
}

func attachmentsURL(d *openDossier) string {
	return "/dossiers/" + d.Placement.Id + "/portfolio/annexes"
}

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
	err = s.store.AddAttachment(d.ID(), dossier.Fields{
		"title": title,
		"kind":  "file",
		"file":  f,
		"mime":  ft.MIME,
		"size":  len(content),
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
	err = s.store.AddAttachment(d.ID(), dossier.Fields{
		"title": in["lien_titre"],
		"kind":  "link",
		"url":   link,
	})
	if err != nil {
		return s.attachmentsFailed(c, d, in, err)
	}
	s.flash(c, "Lien « "+in["lien_titre"]+" » ajouté.")
	return c.Redirect(attachmentsURL(d), fiber.StatusSeeOther)
}

// attachmentsFailed shows the tab again with the message, what was typed kept (the file
// itself must be chosen again: browsers never prefill a file input).
func (s *Server) attachmentsFailed(c *fiber.Ctx, d *openDossier, in map[string]string, err error) error {
	status := statusOf(err)
	if status != fiber.StatusUnprocessableEntity && status != fiber.StatusRequestEntityTooLarge {
		return err
	}
	data, derr := s.attachmentsData(d, in)
	if derr != nil {
		return derr
	}
	data.Dossier, data.Error = d, pfmp.Message(err)
	if fields := pfmp.FieldsOf(err); fields != nil {
		data.Errors = fields
	} else if status == fiber.StatusRequestEntityTooLarge {
		data.Errors = map[string]string{"fichier": pfmp.Message(err)}
	}
	return s.portfolioPage(c, status, "annexes", "portfolio/annexes", "", data)
}

// attachmentDelete deletes an annexe and its file, after the page asked for confirmation.
func (s *Server) attachmentDelete(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	rec, err := s.store.Attachment(d.ID(), c.Params("aid"))
	if err != nil {
		return err
	}
	if err := s.store.Delete("attachments", rec.Id); err != nil {
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
	rec, err := s.store.Attachment(d.ID(), c.Params("aid"))
	if err != nil {
		return err
	}
	if rec.GetString("kind") != "file" || rec.GetString("file") == "" {
		return pfmp.NotFound("Cette annexe n'est pas un fichier.")
	}
	content, err := s.store.ReadFile(rec)
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
	c.Set(fiber.HeaderContentDisposition, attachmentDisposition(pfmp.FileName(rec.GetString("title"), ext)))
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	c.Set(fiber.HeaderContentSecurityPolicy, "default-src 'none'; sandbox")
	c.Set(fiber.HeaderCacheControl, "private, no-cache")
	return c.Send(content)
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
