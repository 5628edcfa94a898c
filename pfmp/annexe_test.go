package pfmp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCheckAnnexe(t *testing.T) {
	require.NoError(t, CheckAnnexe("Découverte", "2de", "Observer."))
	fields := FieldsOf(CheckAnnexe("", "4e", strings.Repeat("x", MaxObjectivesLength+1)))
	require.Contains(t, fields["name"], "Nom de l'annexe")
	require.Equal(t, "Choisissez un niveau de classe.", fields["level"])
	require.Contains(t, fields["objectives"], "Objectifs")
	require.Contains(t, FieldsOf(CheckAnnexe(strings.Repeat("é", MaxNameLength+1), "1re", ""))["name"], "Nom de l'annexe")
}
