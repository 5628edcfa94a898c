package accounts

import (
	"livret/pfmp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLevelOf(t *testing.T) {
	for in, want := range map[string]string{
		"2de PMIA": Level2de, "2nde MSPC A": Level2de, "Seconde pro": Level2de, "2-PMIA": Level2de, "2PMIA": Level2de,
		"1re MSPC": Level1re, "1ère MSPC B": Level1re, "1ERE MELEC": Level1re, "Première MSPC": Level1re, "1MSPC": Level1re,
		"Tle MSPC": LevelTle, "Terminale MSPC": LevelTle, "TERM MSPC": LevelTle, "T MSPC": LevelTle, "TMSPC": LevelTle,
		"Techniciens": "", "CAP 1": "", "BTS MS": "", "": "", "3e prépa-métiers": "",
	} {
		got, ok := LevelOf(in)
		assert.Equal(t, want, got, in)
		assert.Equal(t, want != "", ok, in)
	}
}

func TestDiplomaOf(t *testing.T) {
	mspc := Diploma{ID: "d1", Short: "MSPC", Family: "PMIA"}
	melec := Diploma{ID: "d2", Short: "MELEC", Family: "TNE"}
	both := []Diploma{mspc, melec}
	for in, want := range map[string]string{
		"1re MSPC": "d1", "TMSPC": "d1", "2de PMIA": "d1", "1ère melec B": "d2", "2nde TNE": "d2", "1re MEI": "", "1MSPC": "d1",
	} {
		got := DiplomaOf(in, both)
		if want == "" {
			assert.Nil(t, got, in)
			continue
		}
		if assert.NotNil(t, got, in) {
			assert.Equal(t, want, got.ID, in)
		}
	}
	twins := []Diploma{mspc, {ID: "d3", Short: "MEI", Family: "PMIA"}}
	assert.Nil(t, DiplomaOf("2de PMIA", twins), "a family shared by two diplomas names neither")
}

// Every way the import reads a 2de or 1re class is renamed at the year's end into a name the
// import reads as the next level, the rest kept (« 1er MSPC » became « Ter MSPC »).
func TestEveryLevelWordMovesUp(t *testing.T) {
	next := map[string]pfmp.Level{Level2de: pfmp.Level1re, Level1re: pfmp.LevelTle}
	for word, level := range levelWords {
		want, ok := next[level]
		if !ok {
			continue
		}
		name := word + " MSPC B"
		moved := pfmp.MovedUpName(name, pfmp.Level(level))
		got, ok := LevelOf(moved)
		assert.True(t, ok && got == string(want), "%q became %q, read as %q", name, moved, got)
		assert.True(t, strings.HasSuffix(moved, " MSPC B"), "%q became %q", name, moved)
	}
}
