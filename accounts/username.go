package accounts

import (
	"strconv"
	"strings"
	"unicode"
)

// usernamePart is one name as it appears in a username: folded, lower case, letters and
// digits, its words joined by hyphens (« Le Gall » → « le-gall », « N'Diaye » → « ndiaye »).
func usernamePart(name string) string {
	var b strings.Builder
	sep := false
	for _, r := range strings.ToLower(Fold(name)) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			if sep && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			sep = false
		case r == '\'' || r == '’':
			// an apostrophe joins: d'Artagnan → dartagnan
		default:
			sep = true
		}
	}
	return b.String()
}

// BaseUsername is « prenom.nom »: accents folded, lower case, ASCII only.
func BaseUsername(first, last string) string {
	f, l := usernamePart(first), usernamePart(last)
	switch {
	case f == "":
		return l
	case l == "":
		return f
	}
	return f + "." + l
}

// UniqueUsername is base, or base followed by the first number from 2 that is not taken;
// taken answers for a lower-case username.
func UniqueUsername(base string, taken func(string) bool) string {
	if base == "" {
		base = "eleve"
	}
	name := base
	for n := 2; taken(name); n++ {
		name = base + strconv.Itoa(n)
	}
	return name
}
