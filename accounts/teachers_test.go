package accounts

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// staff is the accounts a teachers' import meets: two teachers (one without a username), a
// student, a tutor and a master.
func staff() []Account {
	return []Account{
		{ID: "t1", Role: RoleTeacher, FirstName: "Claire", LastName: "Martin", Username: "prof.martin", Email: "Claire.Martin@lycee.fr"},
		{ID: "t2", Role: RoleTeacher, FirstName: "Karim", LastName: "Benali", Email: "k.benali@lycee.fr"},
		{ID: "s1", Role: "student", FirstName: "Léa", LastName: "Dupont", Username: "lea.dupont", Email: "lea@lycee.fr"},
		{ID: "u1", Role: "tutor", FirstName: "Anne", LastName: "Tutrice", Email: "anne@usine.fr"},
		{ID: "m1", Role: "master", FirstName: "Julien", LastName: "Boisseau", Username: "julien.boisseau", Email: "julien@papeteries.fr"},
	}
}

func teacherPlan(t *testing.T, lines ...[]string) *Plan {
	t.Helper()
	head := []string{"Nom", "Prénom", "Courriel", "Identifiant"}
	sh, err := Teachers.Parse(file(t, ";", false, false, append([][]string{head}, lines...)...), today)
	require.NoError(t, err)
	return NewTeacherPlan(sh, staff())
}

// A teachers' file, written the four ways spreadsheets do, with the headers' other names: every
// accent comes back, the email and the optional username are read.
func TestParseTeachersEncodingsAndHeaders(t *testing.T) {
	want := []Row{
		{Line: 2, LastName: "Lefèvre", FirstName: "Éloïse", Email: "eloise.lefevre@lycee.fr"},
		{Line: 3, LastName: "N'Diaye", FirstName: "Aïcha", Email: "a.ndiaye@lycee.fr", FileUsername: "a.ndiaye"},
	}
	for _, header := range [][]string{
		{"Nom", "Prénom", "Email", "Identifiant"},
		{"NOM DE FAMILLE", "PRENOM", "Mél", "Nom d'utilisateur"},
		{"Prénom", "Courriel", "Login", "Nom"},
	} {
		for _, enc := range []struct {
			sep     string
			win1252 bool
		}{{";", false}, {",", false}, {";", true}, {",", true}} {
			t.Run(strings.Join(header, "|")+enc.sep, func(t *testing.T) {
				cells := map[string][]string{"nom": {"Lefèvre", "N'Diaye"}, "prenom": {"Éloïse", "Aïcha"},
					"mail": {"eloise.lefevre@lycee.fr", "a.ndiaye@lycee.fr"}, "login": {"", "A.NDiaye"}}
				lines := [][]string{header, nil, nil}
				for _, h := range header {
					k := map[string]string{"nom": "nom", "nomdefamille": "nom", "prenom": "prenom", "email": "mail", "mel": "mail",
						"courriel": "mail", "identifiant": "login", "nomdutilisateur": "login", "login": "login"}[key(h)]
					lines[1], lines[2] = append(lines[1], cells[k][0]), append(lines[2], cells[k][1])
				}
				sh, err := Teachers.Parse(file(t, enc.sep, enc.win1252, false, lines...), today)
				require.NoError(t, err)
				assert.Equal(t, want, sh.Rows)
				assert.Empty(t, sh.Rejected)
			})
		}
	}
}

// A teachers' file must name its email column, and each line must give a valid address: the
// invitation goes there.
func TestParseTeachersRequiresTheEmail(t *testing.T) {
	_, err := Teachers.Parse([]byte("Nom;Prénom;Discipline\nMartin;Claire;Maths\n"), today)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Colonne(s) obligatoire(s) absente(s) : Adresse électronique. La première ligne du fichier doit nommer les colonnes Nom, Prénom et Adresse électronique")

	sh, err := Teachers.Parse([]byte("Nom;Prénom;Email;Identifiant\n"+
		"Martin;Claire;;\n"+
		"Martin;Claire;claire@;\n"+
		";Paul;paul@lycee.fr;p@ul\n"), today)
	require.NoError(t, err)
	require.Empty(t, sh.Rows)
	assert.Equal(t, []Rejection{
		{Line: 2, Text: "Martin;Claire;;", Reason: "Adresse électronique manquante (l'invitation y est envoyée)."},
		{Line: 3, Text: "Martin;Claire;claire@;", Reason: "Adresse électronique « claire@ » invalide."},
		{Line: 4, Text: ";Paul;paul@lycee.fr;p@ul", Reason: "Nom manquant ; identifiant « p@ul » invalide (lettres sans accents, chiffres, points ou tirets, 3 caractères au moins)."},
	}, sh.Rejected)

	_, err = Teachers.Parse([]byte("Nom;Prénom;Email\n"), today)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "aucun enseignant à importer")
}

// A teacher is matched by email regardless of case, then by username; his account is updated
// or left alone; a new one gets the file's username or prenom.nom.
func TestTeacherPlanMatchesAndCreates(t *testing.T) {
	p := teacherPlan(t,
		[]string{"MARTIN", "Claire", "claire.martin@LYCEE.fr", ""},          // by email, case aside: unchanged
		[]string{"Benali", "Karim", "karim.benali@lycee.fr", "prof.benali"}, // not by email nor username: new
		[]string{"Benali", "Karïm", "K.Benali@lycee.fr", ""},                // by email: respelt, given a username
		[]string{"Lefèvre", "Éloïse", "eloise@lycee.fr", ""},                // new: prenom.nom
		[]string{"Martin", "Paul", "paul.martin@lycee.fr", "p.martin"},      // new, his own username
	)
	require.Empty(t, p.Rejected)
	require.Len(t, p.Entries, 5)
	claire, other, karim, eloise, paul := p.Entries[0], p.Entries[1], p.Entries[2], p.Entries[3], p.Entries[4]
	assert.Equal(t, Unchanged, claire.Action, "%+v", claire.Changes)
	assert.Equal(t, "t1", claire.AccountID)
	assert.Equal(t, Create, other.Action)
	assert.Equal(t, "prof.benali", other.Username)
	assert.Equal(t, Update, karim.Action)
	assert.Equal(t, "t2", karim.AccountID)
	assert.Equal(t, []Change{
		{Field: "first_name", Label: "prénom", From: "Karim", To: "Karïm"},
		{Field: "username", Label: "identifiant", To: "karim.benali"},
	}, karim.Changes)
	assert.Equal(t, Create, eloise.Action)
	assert.Equal(t, "eloise.lefevre", eloise.Username)
	assert.Equal(t, "p.martin", paul.Username)
	assert.Equal(t, 4, p.Writes())
}

// Found by username, a teacher gets the file's new email.
func TestTeacherPlanMatchesByUsername(t *testing.T) {
	p := teacherPlan(t, []string{"Martin", "Claire", "c.martin@nouveau.fr", "Prof.Martin"})
	require.Len(t, p.Entries, 1)
	assert.Equal(t, "t1", p.Entries[0].AccountID)
	assert.Equal(t, []Change{{Field: "email", Label: "adresse électronique", From: "Claire.Martin@lycee.fr", To: "c.martin@nouveau.fr"}}, p.Entries[0].Changes)
}

// No student's, tutor's or master's account becomes a teacher's; a line repeating another,
// or a username taken, is rejected with its reason.
func TestTeacherPlanRejects(t *testing.T) {
	p := teacherPlan(t,
		[]string{"Dupont", "Léa", "LEA@lycee.fr", ""},
		[]string{"Tutrice", "Anne", "anne@usine.fr", ""},
		[]string{"Boisseau", "Julien", "julien.boisseau@lycee.fr", "julien.boisseau"},
		[]string{"Roux", "Paul", "paul@lycee.fr", ""},
		[]string{"Roux", "Paul", "Paul@Lycee.fr", ""},
		[]string{"Petit", "Zoé", "zoe@lycee.fr", "z.petit"},
		[]string{"Petit", "Zoé", "zoe.petit@lycee.fr", "z.petit"},
		[]string{"Roux", "Pauline", "pauline@lycee.fr", "paul.roux"},
		[]string{"Benali", "Karim", "k.benali@lycee.fr", "lea.dupont"},
		[]string{"Martin", "Claire", "claire.martin@lycee.fr", ""},
		[]string{"Martin", "Claire", "c@lycee.fr", "prof.martin"},
	)
	reasons := map[int]string{}
	for _, r := range p.Rejected {
		reasons[r.Line] = r.Reason
	}
	assert.Equal(t, map[int]string{
		2:  "Adresse électronique déjà utilisée par le compte d'un élève : il ne devient pas un compte d'enseignant.",
		3:  "Adresse électronique déjà utilisée par le compte d'un tuteur en entreprise : il ne devient pas un compte d'enseignant.",
		4:  "Identifiant déjà utilisé par le compte d'un maître d'apprentissage : il ne devient pas un compte d'enseignant.",
		6:  "Même adresse électronique qu'à la ligne 5.",
		8:  "Même identifiant qu'à la ligne 7.",
		9:  "Identifiant « paul.roux » déjà utilisé par un autre compte : changez-le, ou laissez la case vide pour qu'il soit choisi.",
		10: "Identifiant « lea.dupont » déjà utilisé par un autre compte.",
		12: "Même enseignant qu'à la ligne 11 (par son adresse ou son identifiant).",
	}, reasons)
	require.Len(t, p.Entries, 3, "Paul Roux, Zoé Petit, Claire Martin")
	assert.Equal(t, "paul.roux", p.Entries[0].Username)
	assert.Equal(t, "t1", p.Entries[2].AccountID)
	assert.Equal(t, "Léa DUPONT, LEA@lycee.fr", p.Rejected[0].Text)
	assert.Equal(t, 12, p.Rejected[len(p.Rejected)-1].Line, "rejections in the file's order")
}

// A students' list given to the teachers' import is refused, whatever column tells it (its
// accounts would all be teachers'); a teachers' list given to the students' import says where
// it goes. A teachers' « Classes » column (those taught) is no student's.
func TestParseRefusesTheOtherKindsFile(t *testing.T) {
	for _, head := range []string{
		"Nom;Prénom;Classe;Date de naissance;Email",
		"Nom;Prénom;Email;Né(e) le",
		"NOM;PRENOM;DIVISION;MEL",
	} {
		_, err := Teachers.Parse([]byte(head+"\nGirard;Manon;1re MSPC;12/03/2009;manon@lycee.fr\n"), today)
		require.Error(t, err, head)
		assert.Contains(t, err.Error(), "Ce fichier ressemble à une liste d'élèves (colonne « ", head)
		assert.Contains(t, err.Error(), "importez-le dans « Comptes des élèves »", head)
	}
	sh, err := Teachers.Parse([]byte("Nom;Prénom;Email;Classes\nMartin;Claire;claire@lycee.fr;1re MSPC\n"), today)
	require.NoError(t, err)
	assert.Len(t, sh.Rows, 1)

	_, err = Students.Parse([]byte("Nom;Prénom;Courriel\nMartin;Claire;claire@lycee.fr\n"), today)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Colonne(s) obligatoire(s) absente(s) : Classe, Date de naissance.")
	assert.Contains(t, err.Error(), "S'il s'agit d'une liste d'enseignants, importez-la dans « Comptes des enseignants ».")
	_, err = Students.Parse([]byte("Nom;Prénom;Date de naissance\nGirard;Manon;12/03/2009\n"), today)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "enseignants")
}
