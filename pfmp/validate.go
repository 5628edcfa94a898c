package pfmp

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode/utf8"
)

// Field checks for forms. The format checks (PostalCode, Phone, Email, SIRET) accept an
// empty value: whether a field is required is the caller's choice (Required), so an
// optional phone and a mandatory one share the same check. Messages are short French
// sentences shown next to the field.

var (
	errPostalFormat = errors.New("Code postal invalide : 5 chiffres attendus.")
	errPostalRange  = errors.New("Code postal invalide : il doit être compris entre 01000 et 98999.")
	errPhone        = errors.New("Numéro de téléphone invalide : 10 chiffres commençant par 0, ou +33 suivi de 9 chiffres.")
	errEmail        = errors.New("Adresse e-mail invalide.")
	errSIRETFormat  = errors.New("SIRET invalide : 14 chiffres attendus.")
	errSIRETKey     = errors.New("SIRET invalide : la clé de contrôle ne correspond pas.")
)

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// PostalCode checks a French postal code: 5 digits from 01000 to 98999 (Corsica uses
// 20xxx in postal codes; 2A/2B are département codes, not postal codes).
func PostalCode(s string) error {
	v := strings.TrimSpace(s)
	if v == "" {
		return nil
	}
	if len(v) != 5 || !allDigits(v) {
		return errPostalFormat
	}
	if v < "01000" || v > "98999" { // same length, all digits: string order is numeric order
		return errPostalRange
	}
	return nil
}

// phoneSeparators are what people type between digit pairs.
var phoneSeparators = strings.NewReplacer(" ", "", "\u00a0", "", ".", "", "-", "")

// Phone checks a French number: 10 digits starting with 0 ("06 12 34 56 78"), or +33
// followed by the 9 digits without the 0 ("+33 6 12 34 56 78"). "00" is the
// international prefix, not a French number.
func Phone(s string) error {
	v := phoneSeparators.Replace(strings.TrimSpace(s))
	if v == "" {
		return nil
	}
	if rest, ok := strings.CutPrefix(v, "+33"); ok {
		if len(rest) == 9 && allDigits(rest) && rest[0] != '0' {
			return nil
		}
		return errPhone
	}
	if len(v) == 10 && allDigits(v) && v[0] == '0' && v[1] != '0' {
		return nil
	}
	return errPhone
}

// Email checks a bare address (no display name, no angle brackets) whose domain has a
// dot: net/mail alone accepts "a@localhost", which is always a typo here.
func Email(s string) error {
	v := strings.TrimSpace(s)
	if v == "" {
		return nil
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Name != "" || a.Address != v {
		return errEmail
	}
	at := strings.LastIndexByte(v, '@')
	domain := v[at+1:]
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return errEmail
	}
	return nil
}

// laPosteSIREN: La Poste has more establishments than a Luhn key can tell apart, so
// INSEE accepts its SIRETs when the sum of their digits is a multiple of 5.
const laPosteSIREN = "356000000"

// SIRET checks an establishment number: 14 digits (spaces allowed, as printed on
// invoices) with a valid Luhn key, or La Poste's own rule.
func SIRET(s string) error {
	v := strings.ReplaceAll(strings.TrimSpace(s), " ", "")
	if v == "" {
		return nil
	}
	if len(v) != 14 || !allDigits(v) {
		return errSIRETFormat
	}
	if luhn(v) || (strings.HasPrefix(v, laPosteSIREN) && digitSum(v)%5 == 0) {
		return nil
	}
	return errSIRETKey
}

func digitSum(digits string) int {
	sum := 0
	for i := 0; i < len(digits); i++ {
		sum += int(digits[i] - '0')
	}
	return sum
}

// luhn reports whether a digit string passes the Luhn check (double every second digit
// from the right).
func luhn(digits string) bool {
	sum := 0
	for i := 0; i < len(digits); i++ {
		d := int(digits[len(digits)-1-i] - '0')
		if i%2 == 1 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return sum%10 == 0
}

// Required rejects an empty or blank value; label is the field's French name.
func Required(s, label string) error {
	if strings.TrimSpace(s) == "" {
		return fmt.Errorf("Le champ « %s » est obligatoire.", label)
	}
	return nil
}

// MaxLen rejects a value over n characters (runes, not bytes: "é" counts once).
func MaxLen(s string, n int, label string) error {
	if utf8.RuneCountInString(s) > n {
		return fmt.Errorf("Le champ « %s » ne doit pas dépasser %d caractères.", label, n)
	}
	return nil
}

// FieldErrors collects a form's messages by field name, to re-render the form with each
// message next to its field. Make it with FieldErrors{} before Add.
type FieldErrors map[string]string

// Add records err for field; nil is ignored and the first message of a field wins
// (check Required before the format so "obligatoire" is what shows).
func (fe FieldErrors) Add(field string, err error) {
	if err == nil {
		return
	}
	if _, ok := fe[field]; !ok {
		fe[field] = err.Error()
	}
}

// Any reports whether some field has an error.
func (fe FieldErrors) Any() bool { return len(fe) > 0 }

// Err returns an ErrInvalid carrying the fields, or a true nil when there is none.
func (fe FieldErrors) Err() error {
	if !fe.Any() {
		return nil
	}
	return Invalid("Le formulaire contient des erreurs.", fe)
}
