package accounts

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ligatures are the letters that do not decompose into a letter and an accent.
var ligatures = strings.NewReplacer("œ", "oe", "Œ", "OE", "æ", "ae", "Æ", "AE", "ß", "ss",
	"ø", "o", "Ø", "O", "ł", "l", "Ł", "L", "đ", "d", "Đ", "D")

// Fold removes accents and ligatures: « Éloïse Cœur » → « Eloise Coeur ».
func Fold(s string) string {
	s = ligatures.Replace(s)
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) { // combining marks: the accents
			b.WriteRune(r)
		}
	}
	return b.String()
}

// key is s folded, lower case, with only its letters and digits: how two spellings of a
// name or a column header are compared (« Lefèvre-Dupont » and « LEFEVRE DUPONT » match).
func key(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(Fold(s)) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// cleanSpaces trims s and collapses its inner runs of spaces into one.
func cleanSpaces(s string) string { return strings.Join(strings.Fields(s), " ") }
