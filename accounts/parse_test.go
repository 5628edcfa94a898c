package accounts

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The same class written the four ways school software does: both separators, UTF-8 (with
// and without BOM) and Windows-1252; every accent comes back.
func TestParseEncodingsAndSeparators(t *testing.T) {
	lines := [][]string{header,
		{"Dupont", "Léa", "1re MSPC", "14/03/2009"},
		{"Cœur", "Éloïse", "1re MSPC", "02/11/2008"},
		{"N'Diaye", "Aïcha", "1re MSPC", "2009-01-30"},
	}
	want := []Row{
		{Line: 2, LastName: "Dupont", FirstName: "Léa", Class: "1re MSPC", BirthDate: date(2009, 3, 14)},
		{Line: 3, LastName: "Cœur", FirstName: "Éloïse", Class: "1re MSPC", BirthDate: date(2008, 11, 2)},
		{Line: 4, LastName: "N'Diaye", FirstName: "Aïcha", Class: "1re MSPC", BirthDate: date(2009, 1, 30)},
	}
	for _, tc := range []struct {
		name, sep     string
		win1252, bom  bool
		encoding      string
		separatorName string
	}{
		{"UTF-8 BOM ;", ";", false, true, EncodingUTF8, "point-virgule"},
		{"UTF-8 ,", ",", false, false, EncodingUTF8, "virgule"},
		{"Windows-1252 ;", ";", true, false, EncodingWindows, "point-virgule"},
		{"Windows-1252 ,", ",", true, false, EncodingWindows, "virgule"},
		{"UTF-8 tab", "\t", false, false, EncodingUTF8, "tabulation"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sh := mustParse(t, file(t, tc.sep, tc.win1252, tc.bom, lines...))
			assert.Equal(t, want, sh.Rows)
			assert.Empty(t, sh.Rejected)
			assert.Equal(t, tc.encoding, sh.Encoding)
			assert.Equal(t, tc.separatorName, sh.SeparatorLabel())
		})
	}
}

// Quoted cells holding the other separator, a comma inside a name, stay one cell.
func TestParseQuotedCells(t *testing.T) {
	sh := mustParse(t, []byte("Nom,Prénom,Classe,Date de naissance\n\"Dupont, dite Lili\",Léa,\"1re MSPC\",14/03/2009\n"))
	require.Len(t, sh.Rows, 1)
	assert.Equal(t, "Dupont, dite Lili", sh.Rows[0].LastName)
}

func TestHeaderMatching(t *testing.T) {
	for _, tc := range []struct {
		name  string
		lines []string
		want  map[Column]int // the columns found, by index
		err   string
	}{
		{name: "in any order, upper case, no accents", lines: []string{"CLASSE;DATE NAISSANCE;PRENOM;NOM"},
			want: map[Column]int{ColClass: 0, ColBirthDate: 1, ColFirstName: 2, ColLastName: 3}},
		{name: "school software's words", lines: []string{"Division;Nom de famille;Prénom 1;Né(e) le;Courriel;Statut;Maître d'apprentissage"},
			want: map[Column]int{ColClass: 0, ColLastName: 1, ColFirstName: 2, ColBirthDate: 3, ColEmail: 4, ColStatus: 5, ColMaster: 6}},
		{name: "a maiden name is not a birth date", lines: []string{"Nom de naissance;Prénom;Date de naissance;Classe;E-mail;Apprenti"},
			want: map[Column]int{ColLastName: 0, ColFirstName: 1, ColBirthDate: 2, ColClass: 3, ColEmail: 4, ColStatus: 5}},
		{name: "the master's name is not the student's", lines: []string{"Nom du maître d'apprentissage;Nom;Prénom;Classe;Date de naissance"},
			want: map[Column]int{ColMaster: 0, ColLastName: 1, ColFirstName: 2, ColClass: 3, ColBirthDate: 4}},
		{name: "a title line before the header", lines: []string{"Liste des élèves — rentrée 2026", "", "Nom;Prénom;Classe;Date de naissance"},
			want: map[Column]int{ColLastName: 0, ColFirstName: 1, ColClass: 2, ColBirthDate: 3}},
		{name: "missing columns are named", lines: []string{"Nom;Prénom;Groupe"},
			err: "Colonne(s) obligatoire(s) absente(s) : Classe, Date de naissance. La première ligne du fichier doit nommer les colonnes Nom, Prénom, Classe et Date de naissance (dans n'importe quel ordre) ; colonnes trouvées : « Nom », « Prénom », « Groupe »."},
		{name: "no header at all", lines: []string{"Dupont;Léa;1re MSPC;14/03/2009"},
			err: "Colonne(s) obligatoire(s) absente(s) : Nom, Prénom, Classe, Date de naissance."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := strings.Join(tc.lines, "\n") + "\nDupont;Léa;1re MSPC;14/03/2009\n"
			sh, err := Students.Parse([]byte(data), today)
			if tc.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tc.err)
				return
			}
			require.NoError(t, err)
			for c := range columnCount {
				want, ok := tc.want[c]
				if !ok {
					want = -1
				}
				assert.Equal(t, want, sh.Layout[c], "column %s", c.Label())
			}
		})
	}
}

func TestParseRefusesAFileWithoutStudents(t *testing.T) {
	_, err := Students.Parse([]byte("Nom;Prénom;Classe;Date de naissance\r\n;;;\r\n"), today)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "aucun élève à importer")
}

// Each bad line is rejected with every reason, in French; the good ones are kept.
func TestParseRejectsBadLines(t *testing.T) {
	head := "Nom;Prénom;Classe;Date de naissance;Email;Statut\n"
	for _, tc := range []struct{ line, reason string }{
		{";Léa;1re MSPC;14/03/2009;;", "Nom manquant."},
		{"Dupont;;;14/03/2009;;", "Prénom manquant ; classe manquante."},
		{"Dupont;Léa;1re MSPC;;;", "Date de naissance manquante."},
		{"Dupont;Léa;1re MSPC;31/02/2009;;", "Date de naissance « 31/02/2009 » impossible (ce jour n'existe pas)."},
		{"Dupont;Léa;1re MSPC;mars 2009;;", "Date de naissance « mars » illisible (attendu : JJ/MM/AAAA)."},
		{"Dupont;Léa;1re MSPC;14/03/2021;;", "Date de naissance « 14/03/2021 » improbable pour un élève."},
		{"Dupont;Léa;1re MSPC;14/03/2009;lea@;", "Adresse électronique « lea@ » invalide."},
		{"Dupont;Léa;1re MSPC;14/03/2009;;stagiaire", "Statut « stagiaire » inconnu (attendu : scolaire ou apprenti)."},
		{"Dupont;Léa;1re MSPC;14/03/2009;lea.dupont@lycee.fr;apprentie", ""},
		{strings.Repeat("D", 121) + ";Léa;1re MSPC;14/03/2009;;", "Nom trop long (120 caractères au plus)."},
		{"---;Léa;1re MSPC;14/03/2009;;", "Nom « --- » sans aucune lettre."},
	} {
		t.Run(tc.line, func(t *testing.T) {
			sh := mustParse(t, []byte(head+tc.line+"\n"))
			if tc.reason == "" {
				assert.Len(t, sh.Rows, 1)
				assert.Empty(t, sh.Rejected)
				return
			}
			require.Len(t, sh.Rejected, 1)
			assert.Empty(t, sh.Rows)
			assert.Equal(t, Rejection{Line: 2, Text: tc.line, Reason: tc.reason}, sh.Rejected[0])
		})
	}
}

func TestBirthDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Time
	}{
		{"14/03/2009", date(2009, 3, 14)},
		{"4/3/2009", date(2009, 3, 4)},
		{"14-03-2009", date(2009, 3, 14)},
		{"14.03.2009", date(2009, 3, 14)},
		{"2009-03-14", date(2009, 3, 14)},
		{"14/03/09", date(2009, 3, 14)},
		{"14/03/98", date(1998, 3, 14)},
		{"14/03/2009 00:00:00", date(2009, 3, 14)},
		{" 29/02/2008 ", date(2008, 2, 29)},
	} {
		got, err := birthDate(tc.in, today)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	for _, bad := range []string{"29/02/2009", "14/13/2009", "2009/03/14", "14/03/1939", "12/03/2016", "14 mars 2009"} {
		_, err := birthDate(bad, today)
		assert.Error(t, err, bad)
	}
}

func TestStatus(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "scolaire": StatusSchool, "Sous statut scolaire": StatusSchool, "Élève": StatusSchool, "NON": StatusSchool,
		"Apprenti": StatusApprentice, "apprentie": StatusApprentice, "Apprentissage": StatusApprentice, "oui": StatusApprentice, "X": StatusApprentice,
	} {
		got, err := status(in)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
}

// A file of 2,000 students with a few bad lines: every good line is kept, each bad one is
// rejected with its own line number.
func TestParseLargeFileWithAFewBadLines(t *testing.T) {
	lines := [][]string{header}
	bad := map[int]string{} // line → reason
	for i := range 2000 {
		line := i + 2
		row := []string{fmt.Sprintf("Nom%04d", i), "Prénom", fmt.Sprintf("1re MSPC %d", i%20), "14/03/2009"}
		switch i {
		case 17:
			row[0], bad[line] = "", "Nom manquant."
		case 512:
			row[3], bad[line] = "31/04/2009", "Date de naissance « 31/04/2009 » impossible (ce jour n'existe pas)."
		case 1999:
			row[2], bad[line] = " ", "Classe manquante."
		}
		lines = append(lines, row)
	}
	sh := mustParse(t, file(t, ";", true, false, lines...))
	assert.Len(t, sh.Rows, 1997)
	require.Len(t, sh.Rejected, 3)
	for _, r := range sh.Rejected {
		assert.Equal(t, bad[r.Line], r.Reason, "line %d", r.Line)
	}
	assert.Equal(t, 2000, sh.Rows[len(sh.Rows)-1].Line, "the last line (2001) is a bad one")
}

// Excel for Mac's « CSV (Macintosh) » ends its lines with \r alone: each is a line.
func TestParseMacLineEnds(t *testing.T) {
	sh := mustParse(t, []byte("Nom;Prénom;Classe;Date de naissance\rDupont;Léa;1re MSPC;14/03/2009\r"+
		"Martin;Paul;1re MSPC;30/01/2009\r"))
	require.Len(t, sh.Rows, 2)
	assert.Equal(t, Row{Line: 3, LastName: "Martin", FirstName: "Paul", Class: "1re MSPC", BirthDate: date(2009, 1, 30)}, sh.Rows[1])
}

// A runaway line (a quote never closed swallows the rest of the file) is shown cut, and so is
// a cell its reason quotes: the preview stays a page.
func TestParseCutsLongRejectedLines(t *testing.T) {
	long := strings.Repeat("x", 300_000)
	sh := mustParse(t, []byte("Nom;Prénom;Classe;Date de naissance\nDupont;Léa;1re MSPC;14/03/2009\n"+
		"Martin;Paul;\"1re MSPC;"+long+"\n"+"Petit;Zoé;1re MSPC;"+long+"\n"))
	require.Len(t, sh.Rejected, 1) // the unclosed quote took the last line in
	r := sh.Rejected[0]
	assert.Equal(t, 3, r.Line)
	assert.Equal(t, 201, utf8.RuneCountInString(r.Text))
	assert.True(t, strings.HasPrefix(r.Text, "Martin;Paul;1re MSPC;xxx"), r.Text)
	assert.True(t, strings.HasSuffix(r.Text, "x…"), r.Text)

	sh = mustParse(t, []byte("Nom;Prénom;Classe;Date de naissance\nPetit;Zoé;1re MSPC;"+long+"\n"))
	require.Len(t, sh.Rejected, 1)
	assert.Equal(t, "Date de naissance « "+strings.Repeat("x", 60)+"… » illisible (attendu : JJ/MM/AAAA).", sh.Rejected[0].Reason)
}
