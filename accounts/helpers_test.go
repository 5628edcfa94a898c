package accounts

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding/charmap"
)

// today is the tests' clock for birth dates.
var today = time.Date(2026, time.March, 11, 0, 0, 0, 0, time.UTC)

// file builds a CSV file as school software writes it: lines of cells joined by sep, CRLF
// line ends, in UTF-8 (with a BOM when bom) or Windows-1252.
func file(t testing.TB, sep string, win1252, bom bool, lines ...[]string) []byte {
	t.Helper()
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(strings.Join(l, sep) + "\r\n")
	}
	if win1252 {
		out, err := charmap.Windows1252.NewEncoder().Bytes(b.Bytes())
		require.NoError(t, err)
		return out
	}
	if bom {
		return append([]byte("\xEF\xBB\xBF"), b.Bytes()...)
	}
	return b.Bytes()
}

var header = []string{"Nom", "Prénom", "Classe", "Date de naissance"}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func mustParse(t testing.TB, data []byte) *Sheet {
	t.Helper()
	sh, err := Students.Parse(data, today)
	require.NoError(t, err)
	return sh
}
