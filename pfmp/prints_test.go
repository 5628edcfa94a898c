package pfmp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSectionTextFollowsThePeriodUntilOverridden(t *testing.T) {
	cases := []struct {
		name            string
		own             bool
		ownText, period string
		want            string
	}{
		{"follows the period", false, "", "8 h – 17 h", "8 h – 17 h"},
		{"a stale own text is ignored while not own", false, "ancien", "8 h – 17 h", "8 h – 17 h"},
		{"own text wins", true, "9 h – 16 h", "8 h – 17 h", "9 h – 16 h"},
		{"own blank wins: lines for the pen", true, "", "8 h – 17 h", ""},
		{"nothing anywhere", false, "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, SectionText(c.own, c.ownText, c.period))
		})
	}
}

func TestOverridesPeriod(t *testing.T) {
	cases := []struct {
		typed, period string
		want          bool
	}{
		{"8 h – 17 h", "8 h – 17 h", false},
		{"  8 h – 17 h\r\n", "8 h – 17 h", false}, // what a textarea sends back unchanged
		{"lundi\r\nmardi", "lundi\nmardi", false}, // CRLF line breaks
		{"9 h – 16 h", "8 h – 17 h", true},        // typed for this student
		{"", "8 h – 17 h", true},                  // emptied: blank lines for this student
		{"8 h – 17 h", "", true},                  // the period has none
		{"", "", false},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, OverridesPeriod(c.typed, c.period), "%q over %q", c.typed, c.period)
	}
}

func TestCheckSections(t *testing.T) {
	ok := map[string]string{"hours": strings.Repeat("é", MaxSectionText), "evaluation": "Bilan."}
	require.NoError(t, CheckSections(ok))

	err := CheckSections(map[string]string{"concertation": strings.Repeat("x", MaxSectionText+1)})
	require.Equal(t, ErrInvalid, KindOf(err))
	require.Equal(t, map[string]string{"concertation": "Le champ « Modalités de concertation entre le(s) enseignant(s) " +
		"référent(s) et le tuteur » ne doit pas dépasser 2000 caractères."}, FieldsOf(err))
}

func TestPreconventionSectionsAreTheManualsTypedOnes(t *testing.T) {
	var numbers []int
	for _, s := range PreconventionSections {
		numbers = append(numbers, s.Number)
	}
	require.Equal(t, []int{1, 2, 5, 6}, numbers, "3 and 4 come from the fiche de liaison")
}

func TestCheckAttestation(t *testing.T) {
	require.Len(t, AttestationFields, 6)
	require.NoError(t, CheckAttestation(map[string]string{}), "every field may stay blank for the pen")
	require.NoError(t, CheckAttestation(map[string]string{"hours": "138 h 30", "place": "Rouen"}))

	err := CheckAttestation(map[string]string{"hours": strings.Repeat("1", 41), "place": strings.Repeat("R", 121),
		"representative": "Mme Durand"})
	require.Equal(t, ErrInvalid, KindOf(err))
	fields := FieldsOf(err)
	require.Len(t, fields, 2)
	require.Contains(t, fields["hours"], "40 caractères")
	require.Contains(t, fields["place"], "120 caractères")
}
