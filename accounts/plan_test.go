package accounts

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// school is a small school: two classes, three students (one made by hand without a birth
// date), a teacher's username, a master.
func school() *School {
	return &School{
		Classes: []Class{{ID: "c1", Name: "1re MSPC", Level: Level1re}, {ID: "c2", Name: "2de PMIA", Level: Level2de}},
		Students: []Student{
			{ID: "s1", FirstName: "Léa", LastName: "Dupont", Username: "lea.dupont", ClassID: "c1", BirthDate: date(2009, 3, 14), Status: StatusSchool},
			{ID: "s2", FirstName: "Hugo", LastName: "Bernard", Username: "hugo.bernard", ClassID: "c2"},
			{ID: "s3", FirstName: "Inès", LastName: "Moreau", Username: "ines.moreau", Email: "ines@lycee.fr", ClassID: "c2", BirthDate: date(2010, 5, 2)},
		},
		Usernames: []string{"lea.dupont", "hugo.bernard", "ines.moreau", "Nathan.Petit"},
		Emails:    map[string]string{"ines@lycee.fr": "s3", "prof@lycee.fr": "t1"},
		Masters:   []Person{{ID: "m1", FirstName: "Julien", LastName: "Boisseau", Email: "julien.boisseau@papeteries.fr"}},
		Diplomas:  []Diploma{{ID: "d1", Short: "MSPC", Family: "PMIA"}},
	}
}

func plan(t *testing.T, s *School, lines ...[]string) *Plan {
	t.Helper()
	head := []string{"Nom", "Prénom", "Classe", "Date de naissance", "Email", "Statut", "Maître d'apprentissage"}
	return NewPlan(mustParse(t, file(t, ";", false, false, append([][]string{head}, lines...)...)), s)
}

func TestPlanMatchesCreatesAndMoves(t *testing.T) {
	p := plan(t, school(),
		[]string{"DUPONT", "Léa", "1re MSPC", "14/03/2009", "", "scolaire", ""},                 // same student: unchanged
		[]string{"Bernard", "Hugo", "1re MSPC", "02/02/2010", "", "", ""},                       // no birth date yet, new class: moved
		[]string{"Moreau", "Inès", "2de PMIA", "02/05/2010", "", "apprenti", "julien boisseau"}, // new status, master by name
		[]string{"Petit", "Nathan", "Tle MSPC", "01/01/2008", "", "", ""},                       // new, in a new class
		[]string{"Dupont", "Léa", "1re MSPC", "30/06/2009", "", "", ""},                         // a namesake: new
	)
	require.Empty(t, p.Rejected)
	require.Len(t, p.Entries, 5)
	lea, hugo, ines, nathan, namesake := p.Entries[0], p.Entries[1], p.Entries[2], p.Entries[3], p.Entries[4]

	assert.Equal(t, Unchanged, lea.Action, "%+v", lea.Changes)
	assert.Equal(t, "s1", lea.AccountID)

	assert.Equal(t, Update, hugo.Action)
	assert.Equal(t, "s2", hugo.AccountID)
	assert.True(t, hugo.Moved())
	assert.Equal(t, []Change{
		{Field: "birth_date", Label: "date de naissance", To: "02/02/2010"},
		{Field: "class", Label: "classe", From: "2de PMIA", To: "1re MSPC"},
	}, hugo.Changes)
	assert.Equal(t, "c1", hugo.ClassID)

	assert.Equal(t, Update, ines.Action)
	assert.Equal(t, "m1", ines.MasterID)
	assert.Equal(t, []Change{
		{Field: "status", Label: "statut", From: "", To: StatusApprentice},
		{Field: "master", Label: "maître d'apprentissage", From: "aucun", To: "julien boisseau"},
	}, ines.Changes)

	assert.Equal(t, Create, nathan.Action)
	assert.Equal(t, "nathan.petit2", nathan.Username, "a teacher's Nathan.Petit takes the name, whatever its case")
	assert.Equal(t, 0, nathan.NewClass)
	assert.Equal(t, []NewClass{{Name: "Tle MSPC", Level: LevelTle, Diploma: &school().Diplomas[0]}}, p.NewClasses)

	assert.Equal(t, Create, namesake.Action)
	assert.Equal(t, "lea.dupont2", namesake.Username)
	assert.Equal(t, []string{"Homonyme de l'élève de la ligne 2 dans la même classe : deux comptes distincts (vérifiez la date de naissance)."}, namesake.Notes)

	assert.Equal(t, 2, p.Count(Create))
	assert.Equal(t, 2, p.Count(Update))
	assert.Equal(t, 1, p.Count(Unchanged))
	assert.Equal(t, 1, p.Moves())
	assert.Equal(t, 4, p.Writes())
}

// Importing the file the school now holds changes nothing.
func TestPlanOfTheSameSchoolChangesNothing(t *testing.T) {
	s := school()
	s.Students[1].BirthDate = date(2010, 2, 2)
	p := plan(t, s,
		[]string{"Dupont", "Léa", "1re MSPC", "14/03/2009", "", "scolaire", ""},
		[]string{"Bernard", "Hugo", "2de PMIA", "02/02/2010", "", "", ""},
		[]string{"Moreau", "Inès", "2DE PMIA", "02/05/2010", "INES@lycee.fr", "", ""},
	)
	assert.Equal(t, 3, p.Count(Unchanged))
	assert.Zero(t, p.Writes())
	assert.Empty(t, p.NewClasses)
}

func TestPlanRejectsWhatCannotBeImported(t *testing.T) {
	s := school()
	s.Students = append(s.Students, Student{ID: "s4", FirstName: "Chloé", LastName: "Roux", ClassID: "c2"},
		Student{ID: "s5", FirstName: "Chloé", LastName: "Roux", ClassID: "c1"})
	p := plan(t, s,
		[]string{"Petit", "Nathan", "1re MSPC", "01/01/2008", "nathan@lycee.fr", "", ""},
		[]string{"PETIT", "Nathan", "1re MSPC", "01/01/2008", "", "", ""},
		[]string{"Roux", "Yanis", "1re MSPC", "01/01/2008", "NATHAN@lycee.fr", "", ""},
		[]string{"Fontaine", "Théo", "1re MSPC", "01/01/2008", "prof@lycee.fr", "", ""},
		[]string{"Vincent", "Adam", "BTS MS", "01/01/2005", "", "", ""},
		[]string{"Roux", "Chloé", "2de PMIA", "01/01/2010", "", "", ""},
		[]string{"Girard", "Manon", "1re MSPC", "01/01/2008", "", "", "Paul Inconnu"},
		[]string{"Bonnet", "Sarah", "1re MSPC", "31/13/2008", "", "", ""},
	)
	reasons := map[int]string{}
	for _, r := range p.Rejected {
		reasons[r.Line] = r.Reason
	}
	assert.Equal(t, map[int]string{
		3: "Même élève (nom, prénom et date de naissance) que la ligne 2.",
		4: "Adresse électronique déjà donnée à la ligne 2.",
		5: "Adresse électronique déjà utilisée par un autre compte.",
		6: "Classe « BTS MS » inconnue, et son niveau ne se lit pas dans son nom (il doit commencer par 2de, 1re ou Tle) : créez-la dans le tableau de bord ou corrigez son nom.",
		7: "Plusieurs comptes existants ont ce nom, sans date de naissance : complétez-la dans le tableau de bord pour les distinguer.",
		9: "Date de naissance « 31/13/2008 » impossible (ce jour n'existe pas).",
	}, reasons)
	require.Len(t, p.Entries, 2)
	assert.Equal(t, []string{"Maître d'apprentissage « Paul Inconnu » introuvable parmi les comptes : lien non fait (créez son compte dans le tableau de bord, puis importez de nouveau)."},
		p.Entries[1].Notes)
	assert.Empty(t, p.Entries[1].MasterID)
	lines := []int{}
	for _, r := range p.Rejected {
		lines = append(lines, r.Line)
	}
	assert.IsIncreasing(t, lines, "rejections by line, the file's and the plan's together")
}

// A master is found by his email too; a homonym already in the class is noted.
func TestPlanMasterByEmailAndHomonymInClass(t *testing.T) {
	p := plan(t, school(),
		[]string{"Dupont", "Léa", "1re MSPC", "01/09/2008", "", "apprenti", "Julien.Boisseau@papeteries.fr"},
	)
	require.Len(t, p.Entries, 1)
	e := p.Entries[0]
	assert.Equal(t, Create, e.Action)
	assert.Equal(t, "m1", e.MasterID)
	assert.Equal(t, []string{"Homonyme d'un élève déjà inscrit dans cette classe, né à une autre date : deux comptes distincts."}, e.Notes)
}

func TestRespelt(t *testing.T) {
	for _, tc := range []struct {
		old, typed string
		want       bool
	}{
		{"Dupont", "DUPONT", false},
		{"Dupont", "dupont", false},
		{"Lea", "Léa", true},
		{"Léa", "LEA", false},
		{"Le Gall", "Le-Gall", true},
	} {
		assert.Equal(t, tc.want, respelt(tc.old, tc.typed), "%s → %s", tc.old, tc.typed)
	}
}
