package accounts

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"livret/pfmp"
)

// MaxFileSize bounds an import file: 10,000 people of a long line each.
const MaxFileSize = 2 << 20

// Encodings of a file, as the preview names them.
const (
	EncodingUTF8    = "UTF-8"
	EncodingWindows = "Windows-1252"
)

// The refusals of a file as a whole.
var (
	ErrEmpty    = pfmp.Invalid("Le fichier est vide : exportez la liste au format CSV, avec une ligne de titres de colonnes, puis importez ce fichier.", nil)
	ErrTooLarge = pfmp.TooLarge("Fichier trop volumineux : un fichier d'import ne peut pas dépasser " + pfmp.SizeLabel(MaxFileSize) + ". Découpez-le, par exemple une classe par fichier.")
	errSheet    = pfmp.Invalid("Ce fichier est un classeur (Excel ou LibreOffice), pas un fichier CSV : ouvrez-le dans votre tableur, « Enregistrer sous » → format CSV, puis importez le fichier CSV.", nil)
	errUTF16    = pfmp.Invalid("Ce fichier est encodé en UTF-16 : enregistrez-le au format « CSV UTF-8 » (ou CSV Windows) puis importez-le de nouveau.", nil)
	errBinary   = pfmp.Invalid("Ce fichier n'est pas un fichier texte CSV (il contient des données binaires : image, PDF, archive…). Exportez la liste au format CSV.", nil)
)

// sheetMagic are the first bytes of spreadsheets saved in their own format (xlsx and ods are
// zip archives; xls is an OLE compound file).
var sheetMagic = [][]byte{[]byte("PK\x03\x04"), {0xD0, 0xCF, 0x11, 0xE0}}

// Decode turns a file into text: UTF-8 (its BOM dropped) when it is valid UTF-8, else
// Windows-1252, the encoding of the CSV that French versions of Excel write. It refuses,
// in French, an empty file, one over MaxFileSize, a spreadsheet, UTF-16 and binary data.
func Decode(data []byte) (text, encoding string, err error) {
	switch {
	case len(data) > MaxFileSize:
		return "", "", ErrTooLarge
	case len(bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))) == 0:
		return "", "", ErrEmpty
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return "", "", errUTF16
	}
	for _, m := range sheetMagic {
		if bytes.HasPrefix(data, m) {
			return "", "", errSheet
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", "", errBinary
	}
	text, encoding = string(bytes.TrimPrefix(data, utf8BOM)), EncodingUTF8
	if !utf8.ValidString(text) {
		decoded, err := charmap.Windows1252.NewDecoder().Bytes(data)
		if err != nil {
			return "", "", errBinary
		}
		text, encoding = string(decoded), EncodingWindows
	}
	if tooManyControls(text) {
		return "", "", errBinary
	}
	return text, encoding, nil
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// tooManyControls: more than one character in a hundred is a control character other than
// a tab or a line break — binary data that happened to decode.
func tooManyControls(text string) bool {
	n, bad := 0, 0
	for _, r := range text {
		n++
		if unicode.IsControl(r) && r != '\t' && r != '\n' && r != '\r' {
			bad++
		}
	}
	return bad*100 > n
}
