package pfmp

import (
	"archive/zip"
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"net/http"
	"strings"
	"testing"
)

// zipOf builds a ZIP archive holding the named entries (content = the name).
func zipOf(t *testing.T, names ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, n := range names {
		content := n
		if n == "mimetype" {
			content = "" // set by odfOf
		}
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		_, _ = f.Write([]byte(content))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// odfOf builds an OpenDocument file: "mimetype" first and stored, as the standard asks.
func odfOf(t *testing.T, mime string) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	f, err := w.CreateHeader(&zip.FileHeader{Name: "mimetype", Method: zip.Store})
	if err != nil {
		t.Fatal(err)
	}
	_, _ = f.Write([]byte(mime))
	for _, n := range []string{"content.xml", "META-INF/manifest.xml"} {
		f, _ := w.Create(n)
		_, _ = f.Write([]byte("<x/>"))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func smallImage() image.Image {
	img := image.NewRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	return img
}

func pngBytes(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, smallImage()); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func jpegBytes(t *testing.T) []byte {
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, smallImage(), nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// ftyp builds the start of an ISO media file with a major brand and compatible brands.
func ftyp(major string, compatible ...string) []byte {
	size := 16 + 4*len(compatible)
	b := []byte{0, 0, 0, byte(size)}
	b = append(b, "ftyp"+major+"\x00\x00\x00\x00"...)
	for _, c := range compatible {
		b = append(b, c...)
	}
	return append(b, "\x00\x00\x00\x08mdat"...)
}

func TestDetectUpload(t *testing.T) {
	tests := []struct {
		name    string
		content []byte
		want    string // canonical MIME; "" when refused
		errHas  string // part of the refusal message
	}{
		{"real PNG", pngBytes(t), "image/png", ""},
		{"real JPEG", jpegBytes(t), "image/jpeg", ""},
		{"PDF", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n"), "application/pdf", ""},
		{"GIF", []byte("GIF89a\x01\x00\x01\x00\x00\x00\x00;"), "image/gif", ""},
		{"WebP", []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"), "image/webp", ""},
		{"iPhone HEIC", ftyp("heic", "mif1", "heic"), "image/heic", ""},
		{"HEIF with heic compatible brand", ftyp("mif1", "mif1", "heic"), "image/heic", ""},
		{"generic HEIF", ftyp("mif1", "mif1"), "image/heif", ""},
		{"AVIF", ftyp("avif", "mif1", "avif"), "image/avif", ""},
		{"MP4 video", ftyp("isom", "isom", "mp41"), "", "vidéo"},
		{"QuickTime video", ftyp("qt  ", "qt  "), "", "QuickTime"},
		{"DOCX", zipOf(t, "[Content_Types].xml", "_rels/.rels", "word/document.xml"), TypeDOCX.MIME, ""},
		{"XLSX", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), TypeXLSX.MIME, ""},
		{"PPTX", zipOf(t, "[Content_Types].xml", "ppt/presentation.xml"), TypePPTX.MIME, ""},
		{"DOCM with macros", zipOf(t, "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "", "macros"},
		{"OOXML of unknown kind", zipOf(t, "[Content_Types].xml", "visio/document.xml"), "", "Office non reconnu"},
		{"ODT", odfOf(t, "application/vnd.oasis.opendocument.text"), TypeODT.MIME, ""},
		{"ODS", odfOf(t, "application/vnd.oasis.opendocument.spreadsheet"), TypeODS.MIME, ""},
		{"ODP", odfOf(t, "application/vnd.oasis.opendocument.presentation"), TypeODP.MIME, ""},
		{"ODG drawing", odfOf(t, "application/vnd.oasis.opendocument.graphics"), "", "OpenDocument"},
		{"plain ZIP", zipOf(t, "photos/a.jpg", "photos/b.jpg"), "", "archive ZIP"},
		{"truncated ZIP", zipOf(t, "[Content_Types].xml", "word/document.xml")[:40], "", "illisible"},
		{"Windows program renamed photo.jpg", []byte("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"), "", "programme Windows"},
		{"Linux program", []byte("\x7fELF\x02\x01\x01\x00"), "", "programme"},
		{"shell script", []byte("#!/bin/sh\nrm -rf /\n"), "", "script"},
		{"old Word document", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), "", "ancien format"},
		{"HTML page", []byte("<!DOCTYPE html><html><script>alert(1)</script></html>"), "", "HTML"},
		{"SVG image", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "", "SVG"},
		{"bare SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`), "", "image SVG"},
		{"SVG after a BOM and blanks", []byte("\xef\xbb\xbf \r\n\t<SVG><script>alert(1)</script></SVG>"), "", "image SVG"},
		{"SVG with a doctype", []byte(`<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" ""><svg/>`), "", "image SVG"},
		{"SVG after a comment", []byte("<!-- dessin -->\n<svg><script>alert(1)</script></svg>"), "", "image SVG"},
		{"XHTML script", []byte(`<x:script xmlns:x="http://www.w3.org/1999/xhtml">alert(1)</x:script>`), "", "balisé"},
		{"MathML", []byte(`<math><mi>x</mi></math>`), "", "balisé"},
		{"HTML fragment", []byte("  <img src=x onerror=alert(1)>"), "", "HTML"},
		{"text that mentions a tag", []byte("Compte rendu : la balise <svg> sert aux dessins.\n"), "text/plain; charset=utf-8", ""},
		{"text starting with a comparison", []byte("< 5 bar : pression trop basse\n"), "text/plain; charset=utf-8", ""},
		{"UTF-8 text", []byte("Relevé des températures :\n- lundi 21 °C\n"), "text/plain; charset=utf-8", ""},
		{"UTF-8 text with BOM", []byte("\xef\xbb\xbfNotes de la semaine\r\n"), "text/plain; charset=utf-8", ""},
		{"Latin-1 text", []byte("Relev\xe9 des temp\xe9ratures\n"), "text/plain", ""},
		{"binary junk", []byte{0x00, 0x01, 0x02, 0x03, 0xfe, 0xfa, 0x10, 0x11}, "", "binaire"},
		{"text with a NUL past the sniffed window", append(bytes.Repeat([]byte("a"), 600), 0), "", "binaire"},
		{"MP3 audio", []byte("ID3\x03\x00\x00\x00\x00\x00\x00"), "", "audio"},
		{"empty file", nil, "", "vide"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := DetectUpload(tt.content)
			if tt.want != "" {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				if got.MIME != tt.want || got.Ext == "" || got.Label == "" {
					t.Fatalf("got %+v, want MIME %s", got, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted as %+v, want a refusal", got)
			}
			if Status(err) != http.StatusUnprocessableEntity {
				t.Fatalf("status %d, want 422", Status(err))
			}
			if !strings.Contains(Message(err), tt.errHas) {
				t.Fatalf("message %q does not contain %q", Message(err), tt.errHas)
			}
			if tt.content != nil && !strings.HasPrefix(Message(err), "Type de fichier non accepté : ") {
				t.Fatalf("message %q: want the standard refusal", Message(err))
			}
			if FieldsOf(err)["fichier"] == "" {
				t.Fatalf("no message next to the field: %#v", FieldsOf(err))
			}
		})
	}
}

func TestCheckUploadSize(t *testing.T) {
	tests := []struct {
		size   int64
		status int
		msg    string
	}{
		{0, 200, ""},
		{MaxUploadSize, 200, ""},
		{MaxUploadSize + 1, http.StatusRequestEntityTooLarge, "il fait 10 Mo, la limite est de 10 Mo"},
		{25 << 20, http.StatusRequestEntityTooLarge, "il fait 25 Mo"},
		{MaxUploadSize + 3<<19, http.StatusRequestEntityTooLarge, "il fait 11,5 Mo"},
	}
	for _, tt := range tests {
		err := CheckUploadSize(tt.size)
		if Status(err) != tt.status || !strings.Contains(Message(err), tt.msg) {
			t.Errorf("CheckUploadSize(%d) = %d %q, want %d containing %q", tt.size, Status(err), Message(err), tt.status, tt.msg)
		}
	}
}

func TestSizeLabel(t *testing.T) {
	tests := map[int64]string{0: "0 octets", 850: "850 octets", 1024: "1 Ko", 12_300: "12 Ko",
		1 << 20: "1 Mo", 3_565_158: "3,4 Mo", MaxUploadSize: "10 Mo"}
	for n, want := range tests {
		if got := SizeLabel(n); got != want {
			t.Errorf("SizeLabel(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestTypeByMIME(t *testing.T) {
	for _, ft := range AcceptedTypes() {
		if got, ok := TypeByMIME(ft.MIME); !ok || got != ft {
			t.Errorf("TypeByMIME(%q) = %+v, %v", ft.MIME, got, ok)
		}
	}
	if _, ok := TypeByMIME("application/x-msdownload"); ok {
		t.Error("an executable's MIME type is not accepted")
	}
}

func TestCheckLink(t *testing.T) {
	long := "https://example.fr/" + strings.Repeat("a", MaxLinkLength)
	tests := []struct {
		in, want, errHas string
	}{
		{"https://www.inrs.fr/risques/machines.html", "https://www.inrs.fr/risques/machines.html", ""},
		{"  http://fragrance.example/fiche?id=3#haut  ", "http://fragrance.example/fiche?id=3#haut", ""},
		{"HTTPS://Example.fr/Doc", "https://Example.fr/Doc", ""},
		{"https://fr.wikipedia.org/wiki/Maintenance_préventive", "https://fr.wikipedia.org/wiki/Maintenance_pr%C3%A9ventive", ""},
		{"", "", "obligatoire"},
		{"javascript:alert(document.cookie)", "", "seules les adresses"},
		{"JavaScript:alert(1)", "", "seules les adresses"},
		{"data:text/html,<script>alert(1)</script>", "", "seules les adresses"},
		{"file:///etc/passwd", "", "seules les adresses"},
		{"ftp://example.fr/doc.pdf", "", "seules les adresses"},
		{"www.example.fr", "", "doit commencer par https://"},
		{"https://", "", "nom du site manque"},
		{"https:///chemin", "", "nom du site manque"},
		{"https:example.fr", "", "nom du site manque"},
		{"https://banque.fr@pirate.example/", "", "identifiant"},
		{"https://exa mple.fr", "", "espace"},
		{`https:\\example.fr`, "", "espace"},
		{"https://example.fr/%zz", "", "invalide"},
		{long, "", "2000 caractères"},
	}
	for _, tt := range tests {
		got, err := CheckLink(tt.in)
		switch {
		case tt.errHas == "" && (err != nil || got != tt.want):
			t.Errorf("CheckLink(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		case tt.errHas != "" && (err == nil || !strings.Contains(err.Error(), tt.errHas)):
			t.Errorf("CheckLink(%q) = %q, %v; want an error containing %q", tt.in, got, err, tt.errHas)
		}
	}
}
