package accounts

import (
	"livret/pfmp"
	"strings"
	"unicode"
)

// Levels of a class (classes.level), as the sheets' plain strings.
const (
	Level2de = string(pfmp.Level2de)
	Level1re = string(pfmp.Level1re)
	LevelTle = string(pfmp.LevelTle)
)

// levelWords are the first words of class names, folded and lower case, by level.
var levelWords = map[string]string{
	"2de": Level2de, "2nde": Level2de, "2nd": Level2de, "2e": Level2de, "2eme": Level2de, "2": Level2de,
	"seconde": Level2de,
	"1re":     Level1re, "1ere": Level1re, "1er": Level1re, "1e": Level1re, "1": Level1re, "premiere": Level1re,
	"tle": LevelTle, "term": LevelTle, "terminale": LevelTle, "t": LevelTle, "tale": LevelTle,
}

// LevelOf reads a class's level from its name, as schools name classes: « 2de PMIA »,
// « 1ère MSPC B », « Terminale MSPC », « TMSPC », « 1MSPC », « 2nde-A ». ok is false when the
// name does not start with a level.
func LevelOf(class string) (level string, ok bool) {
	folded := strings.ToLower(Fold(strings.TrimSpace(class)))
	word := firstWord(folded)
	if l, ok := levelWords[word]; ok {
		return l, true
	}
	// Glued to the diploma: a digit (« 1MSPC »), or a capital T before capitals (« TMSPC »).
	orig := []rune(strings.TrimSpace(class))
	switch {
	case len(word) > 1 && (word[0] == '1' || word[0] == '2') && unicode.IsLetter(rune(word[1])):
		return levelWords[word[:1]], true
	case len(orig) > 2 && orig[0] == 'T' && unicode.IsUpper(orig[1]) && unicode.IsUpper(orig[2]):
		return LevelTle, true
	}
	return "", false
}

// firstWord is s up to its first space, hyphen, underscore or dot.
func firstWord(s string) string {
	if i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '_' || r == '.' }); i >= 0 {
		return s[:i]
	}
	return s
}

// gluedPrefixes are the levels that may precede an acronym without a space (« 1MSPC »).
var gluedPrefixes = []string{"1ere", "1re", "2nde", "2de", "tle", "1", "2", "t"}

// withoutLevel is a word with the level glued to its front removed: « 1mspc » → « mspc ».
func withoutLevel(w string) string {
	for _, p := range gluedPrefixes {
		if rest, ok := strings.CutPrefix(w, p); ok && len(rest) >= 2 {
			return rest
		}
	}
	return w
}

// Diploma is a diploma of the référentiel, as a class may name it.
type Diploma struct {
	ID     string
	Short  string // « MSPC »
	Family string // its seconde commune, « PMIA »
	Title  string
}

// DiplomaOf is the diploma a class name mentions: by its acronym (« 1re MSPC »), else by its
// family's (« 2de PMIA », the common seconde before the specialty), when a single diploma has
// it; nil when none does.
func DiplomaOf(class string, diplomas []Diploma) *Diploma {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(Fold(class)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		words[w], words[withoutLevel(w)] = true, true
	}
	for _, pick := range []func(Diploma) string{
		func(d Diploma) string { return d.Short },
		func(d Diploma) string { return d.Family },
	} {
		var found []Diploma
		for _, d := range diplomas {
			if s := strings.ToLower(pick(d)); s != "" && words[s] {
				found = append(found, d)
			}
		}
		if len(found) == 1 {
			return &found[0]
		}
	}
	return nil
}
