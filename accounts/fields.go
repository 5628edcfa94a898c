package accounts

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/pocketbase/ozzo-validation/v4/is"
)

// The checks of one field of a line; each error's text is the French reason shown beside
// the rejected line.

// maxName is the longest name, class or email (users and classes text fields).
const maxName = 120

// Status values of users.status.
const (
	StatusSchool     = "scolaire"
	StatusApprentice = "apprenti"
)

// birthDate reads the dates school software writes: 14/03/2009, 14-03-2009, 14.03.2009,
// 2009-03-14, 14/03/09, with or without a time after it (« 14/03/2009 00:00:00 »). The date
// must be a real day, the student born after 1940 and at least ten years before today.
func birthDate(s string, today time.Time) (time.Time, error) {
	s, _, _ = strings.Cut(strings.TrimSpace(s), " ")
	m := dateRe.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}, errors.New("date de naissance " + quoted(s) + " illisible (attendu : JJ/MM/AAAA)")
	}
	var d, mo, y int
	if m[1] != "" { // year first
		y, mo, d = atoi(m[1]), atoi(m[2]), atoi(m[3])
	} else {
		d, mo, y = atoi(m[4]), atoi(m[5]), atoi(m[6])
		if len(m[6]) == 2 { // 09 → 2009, 98 → 1998
			y += 2000
			if y > today.Year() {
				y -= 100
			}
		}
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d || int(t.Month()) != mo {
		return time.Time{}, errors.New("date de naissance " + quoted(s) + " impossible (ce jour n'existe pas)")
	}
	if t.Year() < 1940 || t.After(today.AddDate(-10, 0, 0)) {
		return time.Time{}, errors.New("date de naissance " + quoted(s) + " improbable pour un élève")
	}
	return t, nil
}

var dateRe = regexp.MustCompile(`^(?:(\d{4})-(\d{1,2})-(\d{1,2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2}))$`)

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// statusWords are the ways files say « scolaire » or « apprenti »: in a « Statut » column,
// or yes/no in an « Apprenti » one.
var statusWords = map[string]string{
	"scolaire": StatusSchool, "sousstatutscolaire": StatusSchool, "statutscolaire": StatusSchool,
	"eleve": StatusSchool, "sco": StatusSchool, "s": StatusSchool, "non": StatusSchool, "n": StatusSchool,
	"0": StatusSchool, "faux": StatusSchool,
	"apprenti": StatusApprentice, "apprentie": StatusApprentice, "apprentissage": StatusApprentice,
	"app": StatusApprentice, "a": StatusApprentice, "cfa": StatusApprentice, "oui": StatusApprentice,
	"o": StatusApprentice, "x": StatusApprentice, "1": StatusApprentice, "vrai": StatusApprentice,
}

// status reads a status; "" when the cell is empty (the account's status is kept).
func status(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	if v, ok := statusWords[key(s)]; ok {
		return v, nil
	}
	return "", errors.New("statut " + quoted(strings.TrimSpace(s)) + " inconnu (attendu : scolaire ou apprenti)")
}

// name checks a name or a class: printable text of at most maxName characters; missing is
// the reason given when it is empty.
func name(label, missing, s string) (string, error) {
	s = cleanSpaces(s)
	switch {
	case s == "":
		return "", errors.New(missing)
	case utf8.RuneCountInString(s) > maxName:
		return "", errors.New(label + " trop long (" + strconv.Itoa(maxName) + " caractères au plus)")
	case strings.ContainsFunc(s, unicode.IsControl):
		return "", errors.New(label + " illisible (caractères de contrôle)")
	case !strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }):
		return "", errors.New(label + " " + quoted(s) + " sans aucune lettre")
	}
	return s, nil
}

// email checks an optional address with the rule the accounts' own field applies.
func email(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) > maxName || is.EmailFormat.Validate(s) != nil {
		return "", errors.New("adresse électronique " + quoted(s) + " invalide")
	}
	return s, nil
}

// username checks an optional username a file gives: letters without accents, digits, dots,
// hyphens and underscores, as BaseUsername makes them (no « @ »: the login would take it for
// an email); lower case.
func username(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) > maxName || !usernameRe.MatchString(s) {
		return "", errors.New("identifiant " + quoted(s) + " invalide (lettres sans accents, chiffres, points ou tirets, 3 caractères au moins)")
	}
	return strings.ToLower(s), nil
}

var usernameRe = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]{2,}$`)
