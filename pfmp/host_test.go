package pfmp

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestHostRulesCoverTheFicheColumns: every host column has a length limit, and the formatted
// ones their check.
func TestHostRulesCoverTheFicheColumns(t *testing.T) {
	for name, r := range HostRules {
		require.Positive(t, r.Max, name)
	}
	require.Error(t, HostRules["company_postal_code"].Check("7500"))
	require.Error(t, HostRules["tutor_email"].Check("pas-une-adresse"))
	require.Error(t, HostRules["company_phone"].Check("123"))
	require.Error(t, HostRules["company_siret"].Check("123"))
	require.True(t, HostRules["company_name"].Required)
	require.False(t, HostRules["company_siret"].Required)
	for _, name := range []string{"tutor_last_name", "tutor_first_name", "tutor_email"} {
		require.False(t, HostRules[name].Required, "%s: the company is saved before the tutor is known", name)
	}
}

func TestHeadcounts(t *testing.T) {
	for in, want := range map[string]int{"": 0, "30": 30, "1 200": 1200, "1\u202f200": 1200} {
		n, err := ParseHeadcount(in)
		require.NoError(t, err, in)
		require.Equal(t, want, n, in)
	}
	for _, bad := range []string{"-1", "trente", "2.5", "600000"} {
		_, err := ParseHeadcount(bad)
		require.Error(t, err, bad)
	}
	require.NoError(t, CheckStaff(30, 6))
	require.NoError(t, CheckStaff(0, 6), "unknown company size: nothing to compare")
	require.ErrorContains(t, CheckStaff(5, 6), "plus de personnes que l'entreprise (5)")
}
