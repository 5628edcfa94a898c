package pfmp

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Annexes of a portfolio: what a student may attach and how the type of a file is decided.
// The type comes from the file's content, never from its name or from what the browser
// claims: a program renamed "photo.jpg" is still a program.

const (
	// MaxUploadSize bounds one attached file (phone photos are 2–6 Mo).
	MaxUploadSize = 10 << 20
	// MaxAttachments bounds the annexes (files and links) of one placement.
	MaxAttachments = 30
	// MaxLinkLength bounds a web address.
	MaxLinkLength = 2000
)

// FileType is an accepted kind of file: its canonical MIME type, the extension files of that
// type are stored and downloaded with, and a short French name for lists.
type FileType struct {
	MIME, Ext, Label string
}

// The accepted types, by canonical MIME type.
var (
	TypePDF  = FileType{"application/pdf", ".pdf", "PDF"}
	TypeJPEG = FileType{"image/jpeg", ".jpg", "Image JPEG"}
	TypePNG  = FileType{"image/png", ".png", "Image PNG"}
	TypeGIF  = FileType{"image/gif", ".gif", "Image GIF"}
	TypeWebP = FileType{"image/webp", ".webp", "Image WebP"}
	TypeHEIC = FileType{"image/heic", ".heic", "Photo HEIC"}
	TypeHEIF = FileType{"image/heif", ".heif", "Photo HEIF"}
	TypeAVIF = FileType{"image/avif", ".avif", "Image AVIF"}
	TypeDOCX = FileType{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", "Document Word"}
	TypeXLSX = FileType{"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", "Classeur Excel"}
	TypePPTX = FileType{"application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", "Présentation PowerPoint"}
	TypeODT  = FileType{"application/vnd.oasis.opendocument.text", ".odt", "Document texte OpenDocument"}
	TypeODS  = FileType{"application/vnd.oasis.opendocument.spreadsheet", ".ods", "Classeur OpenDocument"}
	TypeODP  = FileType{"application/vnd.oasis.opendocument.presentation", ".odp", "Présentation OpenDocument"}
	TypeText = FileType{"text/plain; charset=utf-8", ".txt", "Texte"}
)

// AcceptedTypes lists every accepted type (for the file input's accept attribute).
func AcceptedTypes() []FileType {
	return []FileType{TypePDF, TypeJPEG, TypePNG, TypeGIF, TypeWebP, TypeHEIC, TypeHEIF, TypeAVIF,
		TypeDOCX, TypeXLSX, TypePPTX, TypeODT, TypeODS, TypeODP, TypeText}
}

// TypeByMIME finds an accepted type by its canonical MIME type (a stored attachment's).
func TypeByMIME(mime string) (FileType, bool) {
	for _, t := range AcceptedTypes() {
		if t.MIME == mime {
			return t, true
		}
	}
	return FileType{}, false
}

// acceptedHint is appended to every refusal so the student knows what to send instead.
const acceptedHint = "Formats acceptés : PDF, images (JPEG, PNG, HEIC, WebP), documents Word, Excel, " +
	"PowerPoint ou LibreOffice (docx, xlsx, pptx, odt, ods, odp) et texte (.txt)."

func refuse(what string) *Error {
	return Invalid("Type de fichier non accepté : "+what+". "+acceptedHint,
		map[string]string{"fichier": "Type de fichier non accepté : " + what + "."})
}

// ErrUnreadableUpload is the answer to an upload form that cannot be read: in practice a file
// name holding a character no header may carry (a NUL byte, a line break).
var ErrUnreadableUpload = Invalid("Le fichier n'a pas pu être lu : son nom contient un caractère non permis. "+
	"Renommez-le (lettres, chiffres, espaces et tirets) puis recommencez.",
	map[string]string{"fichier": "Le nom du fichier contient un caractère non permis : renommez-le puis recommencez."})

// CheckUploadSize refuses a file over MaxUploadSize, with its size in the message.
func CheckUploadSize(size int64) error {
	if size > MaxUploadSize {
		msg := fmt.Sprintf("Fichier trop volumineux : il fait %s, la limite est de %s par fichier. "+
			"Réduisez la photo ou enregistrez le document en PDF.", SizeLabel(size), SizeLabel(MaxUploadSize))
		return &Error{Kind: ErrTooLarge, Msg: msg, Fields: map[string]string{"fichier": msg}}
	}
	return nil
}

// SizeLabel writes a size the French way: "850 octets", "12 Ko", "3,4 Mo".
func SizeLabel(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d octets", n)
	case n < 1<<20:
		return fmt.Sprintf("%d Ko", (n+512)>>10)
	}
	mo := float64(n) / (1 << 20)
	s := fmt.Sprintf("%.1f", mo)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1) + " Mo"
}

// DetectUpload decides the type of an uploaded file from its whole content (office files are
// ZIP archives whose directory sits at the end). It returns an ErrInvalid with a French
// message for anything not accepted, including an empty file.
func DetectUpload(b []byte) (FileType, error) {
	if len(b) == 0 {
		return FileType{}, Invalid("Le fichier est vide.", map[string]string{"fichier": "Le fichier est vide."})
	}
	switch {
	case bytes.HasPrefix(b, []byte("%PDF-")):
		return TypePDF, nil
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return TypePNG, nil
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return TypeJPEG, nil
	case bytes.HasPrefix(b, []byte("GIF87a")), bytes.HasPrefix(b, []byte("GIF89a")):
		return TypeGIF, nil
	case len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP":
		return TypeWebP, nil
	case len(b) >= 12 && string(b[4:8]) == "ftyp":
		return isoMediaType(b)
	case bytes.HasPrefix(b, []byte("PK\x03\x04")):
		return officeType(b)
	case bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return FileType{}, refuse("ancien format Microsoft Office (.doc, .xls, .ppt) : enregistrez-le en .docx, .xlsx, .pptx ou en PDF")
	case bytes.HasPrefix(b, []byte("MZ")):
		return FileType{}, refuse("programme Windows (exécutable)")
	case bytes.HasPrefix(b, []byte("\x7fELF")):
		return FileType{}, refuse("programme (exécutable)")
	case bytes.HasPrefix(b, []byte("#!")):
		return FileType{}, refuse("script (programme)")
	}
	return textType(b)
}

// isoMediaType reads the brands of an ISO media file ("ftyp" box): HEIC/HEIF photos of
// phones and AVIF images are accepted, videos are not.
func isoMediaType(b []byte) (FileType, error) {
	size := int(binary.BigEndian.Uint32(b[:4]))
	if size < 16 || size > len(b) || size > 4096 {
		size = min(len(b), 64)
	}
	brands := []string{string(b[8:12])}
	for i := 16; i+4 <= size; i += 4 {
		brands = append(brands, string(b[i:i+4]))
	}
	has := func(set ...string) bool {
		for _, br := range brands {
			for _, s := range set {
				if br == s {
					return true
				}
			}
		}
		return false
	}
	switch {
	case has("heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs"):
		return TypeHEIC, nil
	case has("avif", "avis"):
		return TypeAVIF, nil
	case has("mif1", "msf1"):
		return TypeHEIF, nil
	case has("qt  "):
		return FileType{}, refuse("vidéo QuickTime (.mov)")
	}
	return FileType{}, refuse("vidéo ou fichier multimédia")
}

// OOXML parts that name the kind of an Office Open XML file.
var ooxmlKinds = []struct {
	prefix string
	typ    FileType
}{{"word/", TypeDOCX}, {"xl/", TypeXLSX}, {"ppt/", TypePPTX}}

// officeType opens a ZIP archive: an Office Open XML file holds "[Content_Types].xml", an
// OpenDocument file a "mimetype" entry naming its kind. Other archives and documents with
// macros are refused.
func officeType(b []byte) (FileType, error) {
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return FileType{}, refuse("archive ZIP illisible ou incomplète")
	}
	entries := make(map[string]*zip.File, len(z.File))
	for _, f := range z.File {
		entries[f.Name] = f
		if strings.HasSuffix(strings.ToLower(f.Name), "vbaproject.bin") || strings.HasPrefix(f.Name, "Basic/") {
			return FileType{}, refuse("document contenant des macros : enregistrez-le sans macros (.docx, .xlsx, .pptx) ou en PDF")
		}
	}
	if _, ok := entries["[Content_Types].xml"]; ok {
		for _, k := range ooxmlKinds {
			for name := range entries {
				if strings.HasPrefix(name, k.prefix) {
					return k.typ, nil
				}
			}
		}
		return FileType{}, refuse("document Office non reconnu")
	}
	if f, ok := entries["mimetype"]; ok {
		switch odfMIME(f) {
		case TypeODT.MIME:
			return TypeODT, nil
		case TypeODS.MIME:
			return TypeODS, nil
		case TypeODP.MIME:
			return TypeODP, nil
		}
		return FileType{}, refuse("document OpenDocument autre que texte, classeur ou présentation")
	}
	return FileType{}, refuse("archive ZIP")
}

// odfMIME reads an OpenDocument "mimetype" entry (a few dozen bytes).
func odfMIME(f *zip.File) string {
	if f.UncompressedSize64 > 200 {
		return ""
	}
	r, err := f.Open()
	if err != nil {
		return ""
	}
	defer r.Close()
	v, err := io.ReadAll(io.LimitReader(r, 200))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(v))
}

// textType accepts plain text: no control bytes other than tabs and line breaks, and not
// markup (SVG, HTML and XML may carry scripts). Text that is not UTF-8 (an old Windows
// editor's) is accepted without a charset. Text that only mentions markup further down is
// stored as text/plain and served as a download, where no browser runs it.
func textType(b []byte) (FileType, error) {
	body := bytes.TrimPrefix(b, []byte("\xef\xbb\xbf")) // a UTF-8 byte order mark is text
	if what, ok := markup(body); ok {
		return FileType{}, refuse(what)
	}
	if sniffed := http.DetectContentType(b); !strings.HasPrefix(sniffed, "text/plain") {
		return FileType{}, refuse(describeSniffed(sniffed))
	}
	for _, c := range body {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			return FileType{}, refuse("fichier binaire de format inconnu")
		}
	}
	if !utf8.Valid(body) {
		return FileType{MIME: "text/plain", Ext: ".txt", Label: "Texte"}, nil
	}
	return TypeText, nil
}

// markup recognises a file that opens with a tag, a declaration or a comment, after blanks,
// and names its kind in French.
func markup(b []byte) (string, bool) {
	head := bytes.TrimLeft(b, " \t\r\n\f")
	if len(head) < 2 || head[0] != '<' || !(isASCIILetter(head[1]) || bytes.IndexByte([]byte("!?/"), head[1]) >= 0) {
		return "", false
	}
	lower := bytes.ToLower(head[:min(len(head), 64<<10)])
	switch {
	case bytes.Contains(lower, []byte("<svg")):
		return "image SVG (elle peut contenir des scripts)", true
	case strings.HasPrefix(http.DetectContentType(head), "text/html"), bytes.Contains(lower, []byte("<html")):
		return "page web (HTML)", true
	}
	return "page web ou fichier balisé (HTML, XML)", true
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

// describeSniffed names, in French, what http.DetectContentType found.
func describeSniffed(mime string) string {
	switch {
	case strings.HasPrefix(mime, "video/"):
		return "vidéo"
	case strings.HasPrefix(mime, "audio/"):
		return "fichier audio"
	case strings.HasPrefix(mime, "font/"):
		return "police de caractères"
	case strings.HasPrefix(mime, "image/"):
		return "image au format " + strings.TrimPrefix(mime, "image/")
	case mime == "application/x-gzip", mime == "application/x-rar-compressed", mime == "application/zip":
		return "archive compressée"
	}
	return "fichier binaire de format inconnu"
}

// CheckLink validates a web address for an annexe: http or https only (never javascript:,
// data: or file:), a host, no user name or password before the host (a classic way to
// disguise where a link goes), at most MaxLinkLength characters. It returns the address
// as it will be stored.
func CheckLink(raw string) (string, error) {
	v := strings.TrimSpace(raw)
	if v == "" {
		return "", Required(v, "Adresse web")
	}
	if utf8.RuneCountInString(v) > MaxLinkLength {
		return "", fmt.Errorf("L'adresse web ne doit pas dépasser %d caractères.", MaxLinkLength)
	}
	if strings.ContainsAny(v, " \t\r\n\\") {
		return "", errors.New("L'adresse web ne doit pas contenir d'espace : copiez-la depuis la barre d'adresse du navigateur.")
	}
	u, err := url.Parse(v)
	if err != nil {
		return "", errors.New("Adresse web invalide : copiez-la depuis la barre d'adresse du navigateur.")
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
	case "":
		return "", errors.New("Adresse web incomplète : elle doit commencer par https:// (ou http://).")
	default:
		return "", errors.New("Adresse web refusée : seules les adresses commençant par https:// ou http:// sont acceptées.")
	}
	if u.Host == "" || u.Hostname() == "" || u.Opaque != "" {
		return "", errors.New("Adresse web invalide : le nom du site manque après https://.")
	}
	if u.User != nil {
		return "", errors.New("Adresse web refusée : elle ne doit pas contenir d'identifiant ni de mot de passe.")
	}
	u.Scheme = strings.ToLower(u.Scheme)
	return u.String(), nil
}
