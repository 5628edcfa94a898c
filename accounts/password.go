package accounts

import (
	"crypto/rand"
	"errors"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"livret/pfmp"
)

// passwordAlphabet has no letter or digit a student could misread on paper: no 0/O/o, 1/l/I,
// 5/S, 2/Z, 8/B, u/v.
const passwordAlphabet = "abcdefghjkmnpqrstwxyzACDEFGHJKLMNPQRTWXY34679"

// NewPassword is an initial password for a login slip: ten characters of passwordAlphabet in
// two groups of five (« kq7Tr-m4Hxa »), about 55 bits drawn by crypto/rand.
func NewPassword() string {
	b := make([]byte, 11)
	for i := range b {
		if i == 5 {
			b[i] = '-'
			continue
		}
		b[i] = passwordAlphabet[randIndex(len(passwordAlphabet))]
	}
	return string(b)
}

// randIndex draws in [0, n) without bias.
func randIndex(n int) int {
	limit := 256 - 256%n
	var c [1]byte
	for {
		_, _ = rand.Read(c[:]) // never fails (crypto/rand panics instead)
		if int(c[0]) < limit {
			return int(c[0]) % n
		}
	}
}

// HashInitial hashes an initial password at bcrypt's lowest cost. Its ~55 random bits, not the
// cost, protect it (2^55 guesses stay out of reach at any bcrypt speed), and it is replaced
// at the first login by a chosen password, hashed at PocketBase's own cost: printing the slips
// of a class, or importing a school, does not spend a tenth of a second per student.
func HashInitial(password string) (string, error) {
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	return string(h), err
}

// HashInitials hashes many initial passwords (a class's slips), one goroutine a core.
func HashInitials(passwords []string) ([]string, error) {
	hashes := make([]string, len(passwords))
	errs := make([]error, len(passwords))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(passwords)) {
		wg.Go(func() {
			for i := range next {
				hashes[i], errs[i] = HashInitial(passwords[i])
			}
		})
	}
	for i := range passwords {
		next <- i
	}
	close(next)
	wg.Wait()
	return hashes, errors.Join(errs...)
}

// MinPasswordLength is the shortest password a person may choose.
const MinPasswordLength = 10

// maxPasswordBytes is bcrypt's limit (PocketBase refuses longer ones). bcrypt counts bytes: a
// letter without accent is one, an accented letter two, some symbols three or four.
const maxPasswordBytes = 71

// msgTooLong says the byte limit in a user's words.
var msgTooLong = "Mot de passe trop long : " + strconv.Itoa(maxPasswordBytes) + " caractères au plus, une lettre accentuée comptant pour deux " +
	"(et certains symboles, comme €, pour trois) ; raccourcissez-le."

// PasswordRule explains the rule of a chosen password, in French, beside the form;
// FirstPasswordRule is the same for an account that has none yet (an invitation's).
var (
	PasswordRule = passwordLength + "Il ne doit contenir ni votre prénom, ni votre nom, ni votre identifiant, " +
		"et doit être différent du mot de passe provisoire. " + passwordTip
	FirstPasswordRule = passwordLength + "Il ne doit contenir ni votre prénom, ni votre nom, ni votre identifiant. " + passwordTip

	passwordLength = "Au moins " + strconv.Itoa(MinPasswordLength) + " caractères, avec au moins une lettre et au moins un chiffre ou un symbole. "
	passwordTip    = "Une courte phrase facile à retenir fait un bon mot de passe."
)

// commonPasswords are refused whatever their length.
var commonPasswords = []string{"motdepasse", "password", "azerty", "qwerty", "123456", "livret", "soleil", "bonjour"}

// CheckNewPassword applies PasswordRule to a password the person chose; confirm is its second
// typing. names are the person's first name, last name and username. The error is French,
// on the fields « mot_de_passe » or « confirmation ».
func CheckNewPassword(password, confirm string, names ...string) error {
	fail := func(msg string) error {
		return pfmp.Invalid(msg, map[string]string{"mot_de_passe": msg})
	}
	switch {
	case utf8.RuneCountInString(password) < MinPasswordLength:
		return fail("Mot de passe trop court : " + strconv.Itoa(MinPasswordLength) + " caractères au moins.")
	case len(password) > maxPasswordBytes:
		return fail(msgTooLong)
	case !strings.ContainsFunc(password, unicode.IsLetter):
		return fail("Le mot de passe doit contenir au moins une lettre.")
	case !strings.ContainsFunc(password, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsSpace(r) }):
		return fail("Le mot de passe doit contenir au moins un chiffre ou un symbole (par exemple 7, ! ou -).")
	}
	k := key(password)
	for _, n := range names {
		words := strings.FieldsFunc(strings.ToLower(Fold(n)), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		for _, w := range append(words, key(n)) {
			if utf8.RuneCountInString(w) >= 4 && strings.Contains(k, w) {
				return fail("Le mot de passe ne doit contenir ni votre prénom, ni votre nom, ni votre identifiant.")
			}
		}
	}
	for _, c := range commonPasswords {
		if strings.Contains(k, c) && len(k) < len(c)+6 {
			return fail("Ce mot de passe est trop courant : choisissez-en un autre, par exemple une courte phrase.")
		}
	}
	if password != confirm {
		msg := "Les deux saisies du mot de passe sont différentes."
		return pfmp.Invalid(msg, map[string]string{"confirmation": msg})
	}
	return nil
}
