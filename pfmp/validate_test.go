package pfmp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type check struct {
	in   string
	want string // "" = valid, else the expected message
}

func runChecks(t *testing.T, f func(string) error, tests []check) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			err := f(tt.in)
			if tt.want == "" {
				require.NoError(t, err)
				return
			}
			require.EqualError(t, err, tt.want)
		})
	}
}

func TestPostalCode(t *testing.T) {
	const format = "Code postal invalide : 5 chiffres attendus."
	const rng = "Code postal invalide : il doit être compris entre 01000 et 98999."
	runChecks(t, PostalCode, []check{
		{"75011", ""},
		{"01000", ""},
		{"20000", ""}, // Ajaccio (Corse-du-Sud)
		{"20200", ""}, // Bastia (Haute-Corse)
		{"97400", ""}, // La Réunion
		{"98999", ""},
		{" 69003 ", ""},
		{"", ""}, // optional: Required decides
		{"00999", rng},
		{"99000", rng},
		{"2A000", format},
		{"7501", format},
		{"750011", format},
		{"75 011", format},
	})
}

func TestPhone(t *testing.T) {
	const msg = "Numéro de téléphone invalide : 10 chiffres commençant par 0, ou +33 suivi de 9 chiffres."
	runChecks(t, Phone, []check{
		{"0612345678", ""},
		{"06 12 34 56 78", ""},
		{"06.12.34.56.78", ""},
		{"06-12-34-56-78", ""},
		{"01\u00a023 45 67 89", ""},
		{"+33612345678", ""},
		{"+33 6 12 34 56 78", ""},
		{"", ""},
		{"612345678", msg},
		{"06 12 34 56 7", msg},
		{"06 12 34 56 789", msg},
		{"0012345678", msg},
		{"+33 06 12 34 56 78", msg},
		{"+33 0 12 34 56 78", msg},
		{"+44 20 7946 0958", msg},
		{"06 12 AB 56 78", msg},
	})
}

func TestEmail(t *testing.T) {
	const msg = "Adresse e-mail invalide."
	runChecks(t, Email, []check{
		{"tuteur@entreprise.fr", ""},
		{"prenom.nom+pfmp@lycee.ac-lyon.fr", ""},
		{" eleve@example.com ", ""},
		{"", ""},
		{"Jean Dupont <jean@example.com>", msg},
		{"<jean@example.com>", msg},
		{"jean@localhost", msg},
		{"jean@example.", msg},
		{"jean.example.com", msg},
		{"jean@@example.com", msg},
		{"jean dupont@example.com", msg},
	})
}

func TestSIRET(t *testing.T) {
	const format = "SIRET invalide : 14 chiffres attendus."
	const key = "SIRET invalide : la clé de contrôle ne correspond pas."
	runChecks(t, SIRET, []check{
		{"73282932000074", ""},
		{"732 829 320 00074", ""},
		{"35600000000048", ""}, // La Poste head office: Luhn
		{"35600000049837", ""}, // La Poste establishment: digit sum multiple of 5
		{"", ""},
		{"73282932000075", key},
		{"12345678901234", key}, // digit sum multiple of 5 is not enough outside La Poste
		{"35600000049838", key},
		{"7328293200007", format},
		{"732829320000745", format},
		{"7328293200007A", format},
	})
}

func TestRequiredAndMaxLen(t *testing.T) {
	require.NoError(t, Required("Dupont", "Nom"))
	require.EqualError(t, Required("", "Nom"), "Le champ « Nom » est obligatoire.")
	require.EqualError(t, Required(" \t\n", "Nom"), "Le champ « Nom » est obligatoire.")

	require.NoError(t, MaxLen("", 3, "Code"))
	require.NoError(t, MaxLen("éèà", 3, "Code"), "runes are counted, not bytes")
	require.NoError(t, MaxLen(strings.Repeat("a", 100), 100, "Nom"))
	require.EqualError(t, MaxLen(strings.Repeat("a", 101), 100, "Nom"), "Le champ « Nom » ne doit pas dépasser 100 caractères.")
}

func TestFieldErrors(t *testing.T) {
	fe := FieldErrors{}
	fe.Add("phone", Phone("06 12 34 56 78"))
	require.False(t, fe.Any())
	require.NoError(t, fe.Err())
	require.True(t, fe.Err() == nil, "a true nil, not a typed nil")

	fe.Add("email", Required("", "E-mail"))
	fe.Add("email", Email("pas-une-adresse"))
	fe.Add("postal_code", PostalCode("123"))
	require.True(t, fe.Any())
	require.Equal(t, FieldErrors{
		"email":       "Le champ « E-mail » est obligatoire.",
		"postal_code": "Code postal invalide : 5 chiffres attendus.",
	}, fe)

	err := fe.Err()
	require.Equal(t, 422, Status(err))
	require.Equal(t, "Le formulaire contient des erreurs.", Message(err))
	require.Equal(t, map[string]string(fe), FieldsOf(err))
}
