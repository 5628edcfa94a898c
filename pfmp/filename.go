package pfmp

import (
	"strings"
	"unicode/utf8"
)

// FileName is a downloaded file's name made of a title: characters no file system accepts
// become spaces, it is cut to 120 characters, and ends with ext (the checked type's).
func FileName(title, ext string) string {
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

// DossierFileName names a document of one dossier as the reference system does:
// « Annexe <période> <Prénom> <Nom>.pdf », « Portfolio <période> <Prénom> <Nom>.docx ».
func DossierFileName(doc, period, firstName, lastName, ext string) string {
	return FileName(strings.Join([]string{doc, period, firstName, lastName}, " "), ext)
}
