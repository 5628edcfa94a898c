// Package qrscan reads back the QR codes of printed documents, for tests: a PDF's page is
// rendered as a picture (pdftoppm, poppler-utils) and decoded as a phone would.
package qrscan

import (
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/makiuchi-d/gozxing" // Apache 2.0 licence
	"github.com/makiuchi-d/gozxing/qrcode"
	"github.com/stretchr/testify/require"
)

// MustDecodePDF renders page (from 1) of pdf at 150 dpi, the resolution of a cheap scan, and
// returns the text of the QR code on it. gozxing now and then misreads a sharp code at one
// resolution (a checksum error on a module grid that falls between pixels): the page is then
// rendered again at 200 and 300 dpi, as a phone would simply take another look.
func MustDecodePDF(tb testing.TB, pdf []byte, page int) string {
	tb.Helper()
	dir := tb.TempDir()
	path := filepath.Join(dir, "doc.pdf")
	require.NoError(tb, os.WriteFile(path, pdf, 0o600))
	var err error
	for _, dpi := range []string{"150", "200", "300"} {
		var text string
		if text, err = decodePage(tb, path, page, dpi); err == nil {
			return text
		}
	}
	require.NoError(tb, err, "no QR code on page %d", page)
	return ""
}

// decodePage renders page of the PDF at path at dpi and decodes its QR code.
func decodePage(tb testing.TB, path string, page int, dpi string) (string, error) {
	tb.Helper()
	n := strconv.Itoa(page)
	base := filepath.Join(filepath.Dir(path), "page-"+dpi)
	out, err := exec.Command("pdftoppm", "-r", dpi, "-png", "-f", n, "-l", n, "-singlefile", path, base).CombinedOutput()
	require.NoError(tb, err, string(out))
	f, err := os.Open(base + ".png")
	require.NoError(tb, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(tb, err)
	for _, view := range views(img) {
		var text string
		if text, err = decode(view); err == nil {
			return text, nil
		}
	}
	return "", err
}

// views are the whole page, then its four corners (each 60 % of the page each way), as a phone
// aimed at the code sees it: on a full page gozxing now and then takes a table's corners for
// finder patterns and gives up ("dimension = 35").
func views(img image.Image) []image.Image {
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		return []image.Image{img}
	}
	b := img.Bounds()
	w, h := b.Dx()*3/5, b.Dy()*3/5
	out := []image.Image{img}
	for _, corner := range []image.Point{{b.Min.X, b.Min.Y}, {b.Max.X - w, b.Min.Y}, {b.Min.X, b.Max.Y - h}, {b.Max.X - w, b.Max.Y - h}} {
		out = append(out, sub.SubImage(image.Rectangle{Min: corner, Max: corner.Add(image.Pt(w, h))}))
	}
	return out
}

func decode(img image.Image) (string, error) {
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		return "", err
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}
