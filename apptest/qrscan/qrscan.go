// Package qrscan reads back the QR codes of printed documents, for tests: a PDF's page is
// rendered as a picture (pdftoppm, poppler-utils) and decoded as a phone would.
package qrscan

import (
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
// returns the text of the QR code on it.
func MustDecodePDF(tb testing.TB, pdf []byte, page int) string {
	tb.Helper()
	dir := tb.TempDir()
	path := filepath.Join(dir, "doc.pdf")
	require.NoError(tb, os.WriteFile(path, pdf, 0o600))
	n := strconv.Itoa(page)
	out, err := exec.Command("pdftoppm", "-r", "150", "-png", "-f", n, "-l", n, "-singlefile",
		path, filepath.Join(dir, "page")).CombinedOutput()
	require.NoError(tb, err, string(out))
	f, err := os.Open(filepath.Join(dir, "page.png"))
	require.NoError(tb, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(tb, err)
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	require.NoError(tb, err)
	res, err := qrcode.NewQRCodeReader().Decode(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	require.NoError(tb, err, "no QR code on page %d", page)
	return res.GetText()
}
