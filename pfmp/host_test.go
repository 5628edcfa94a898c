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
	require.True(t, HostRules["tutor_email"].Required)
	require.False(t, HostRules["company_siret"].Required)
}
