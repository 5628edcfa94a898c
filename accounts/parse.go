package accounts

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"livret/pfmp"
)

// MaxRows bounds the lines of one file.
const MaxRows = 10000

// Row is one valid line of an accounts file; the fields its kind does not read stay empty.
type Row struct {
	Line                int // in the file, from 1 (the header's is usually 1)
	LastName, FirstName string
	Class               string
	BirthDate           time.Time // UTC midnight
	Email               string    // "" when the file has none for this person
	Status              string    // StatusSchool, StatusApprentice, or "" (not given)
	Master              string    // the master as written: a name or an email; "" when none
	FileUsername        string    // the username the file gives (teachers), "" when none
}

// Rejection is a line left out, with its French reason.
type Rejection struct {
	Line   int
	Text   string // the line as read, its cells joined by the file's separator, cut (excerpt)
	Reason string
}

// Sheet is an accounts file read and checked line by line.
type Sheet struct {
	Kind      *Kind // the kind of file it was read as
	Encoding  string
	Separator rune
	Layout    Layout
	Rows      []Row
	Rejected  []Rejection
}

// SeparatorLabel names the separator in French.
func (s *Sheet) SeparatorLabel() string {
	switch s.Separator {
	case ';':
		return "point-virgule"
	case '\t':
		return "tabulation"
	}
	return "virgule"
}

// Parse reads a file of the kind (see Decode for the encodings): the separator is the one of
// « ; », « , » and tab that its first line uses most; the header line (among the first ten)
// is the first naming at least two of the required columns, in any order and spelling.
// Each line after it becomes a Row or a Rejection; a file that cannot be read as a whole
// (empty, binary, no header, a required column missing) is refused with a French error.
// today bounds the birth dates.
func (k *Kind) Parse(data []byte, today time.Time) (*Sheet, error) {
	text, enc, err := Decode(data)
	if err != nil {
		return nil, err
	}
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n") // « CSV (Macintosh) » ends lines with \r alone
	sh := &Sheet{Kind: k, Encoding: enc, Separator: separatorOf(text)}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord, r.ReuseRecord = sh.Separator, true, -1, false
	if err := k.readHeader(sh, r); err != nil {
		return nil, err
	}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, unreadable(err)
		}
		line, _ := r.FieldPos(0)
		if blank(rec) {
			continue
		}
		if len(sh.Rows)+len(sh.Rejected) >= MaxRows {
			return nil, pfmp.Invalid(fmt.Sprintf("Le fichier compte plus de %d %s : découpez-le en plusieurs fichiers.", MaxRows, k.many), nil)
		}
		row, err := k.row(sh.Layout, rec, today)
		if err != nil {
			sh.Rejected = append(sh.Rejected, Rejection{Line: line, Text: excerpt(strings.Join(rec, string(sh.Separator))), Reason: err.Error()})
			continue
		}
		row.Line = line
		sh.Rows = append(sh.Rows, row)
	}
	if len(sh.Rows)+len(sh.Rejected) == 0 {
		return nil, pfmp.Invalid("Le fichier ne contient que la ligne des titres de colonnes : aucun "+k.one+" à importer.", nil)
	}
	return sh, nil
}

// readHeader reads up to the header line and sets the layout: the first of the first ten
// lines that names at least two required columns. The lines before it (a title, a date) are
// skipped.
func (k *Kind) readHeader(sh *Sheet, r *csv.Reader) error {
	var first []string
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return unreadable(err)
		}
		if blank(rec) {
			continue
		}
		if first == nil {
			first = rec
		}
		if l := k.matchHeader(rec); k.found(l) >= 2 {
			if msg := k.misfiled(rec); msg != "" {
				return pfmp.Invalid(msg, nil)
			}
			if miss := k.missing(l); len(miss) > 0 {
				return k.missingColumns(miss, rec)
			}
			sh.Layout = l
			return nil
		}
		if line, _ := r.FieldPos(0); line >= 10 {
			break
		}
	}
	if first == nil {
		return ErrEmpty
	}
	return k.missingColumns(k.missing(k.matchHeader(first)), first)
}

// separatorOf is the separator the first line uses most (outside quotes); « ; » on a tie,
// as French spreadsheets write it.
func separatorOf(text string) rune {
	first, _, _ := strings.Cut(strings.TrimLeft(text, "\r\n"), "\n")
	counts := map[rune]int{}
	quoted := false
	for _, c := range first {
		if c == '"' {
			quoted = !quoted
		} else if !quoted {
			counts[c]++
		}
	}
	best := ';'
	for _, c := range []rune{',', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// The lengths of a rejected line, and of a cell its reason quotes, as the preview shows them:
// enough to find them in the file. A runaway line (a quote never closed swallows the rest of
// the file) must not fill the page.
const (
	maxLineShown = 200
	maxCellShown = 60
)

// excerpt is a line cut to maxLineShown characters.
func excerpt(line string) string { return cut(line, maxLineShown) }

// quoted is a cell between French quotes, cut to maxCellShown characters.
func quoted(cell string) string { return "« " + cut(cell, maxCellShown) + " »" }

// cut is s cut to n characters, « … » marking the cut.
func cut(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

func unreadable(err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return pfmp.Invalid(fmt.Sprintf("Le fichier est illisible à partir de la ligne %d (guillemets mal fermés ?) : corrigez-le dans votre tableur puis enregistrez-le de nouveau au format CSV.", pe.StartLine), nil)
	}
	return pfmp.Invalid("Le fichier est illisible : enregistrez-le de nouveau au format CSV.", nil)
}

func (k *Kind) missingColumns(miss, header []string) error {
	var found []string
	for _, h := range header {
		if h = cleanSpaces(h); h != "" {
			found = append(found, quoted(h))
		}
	}
	seen := "aucune"
	if len(found) > 0 {
		seen = strings.Join(found, ", ")
	}
	return pfmp.Invalid(fmt.Sprintf("Colonne(s) obligatoire(s) absente(s) : %s. La première ligne du fichier doit nommer "+
		"les colonnes %s (dans n'importe quel ordre) ; colonnes trouvées : %s.%s",
		strings.Join(miss, ", "), k.requiredList(), seen, k.hint(header)), nil)
}

func blank(rec []string) bool {
	for _, c := range rec {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
