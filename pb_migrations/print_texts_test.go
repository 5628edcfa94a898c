package migrations

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The texts typed before printing: a period's common sections, a dossier's own ones (an own
// text may be empty) and the attestation's fields.
func TestPrintTexts(t *testing.T) {
	t.Parallel()
	app := MustApp(t)
	student := MustCreate(t, app, "users", map[string]any{"role": "student", "username": "jdupont", "password": "motdepasse123"})
	period := MustCreate(t, app, "periods", map[string]any{
		"name": "PFMP 1", "level": "2de", "kind": "P1",
		"start": "2025-01-06 00:00:00.000Z", "end": "2025-01-31 00:00:00.000Z",
		"preconv_hours": "8 h – 17 h", "preconv_evaluation": "Bilan final.",
	})
	placement := MustCreate(t, app, "placements", map[string]any{
		"period": period.Id, "student": student.Id,
		"preconv_own": []string{"hours", "derogation"}, "preconv_hours": "9 h – 16 h",
		"attestation_hours": "138 h 30", "attestation_place": "Rouen",
	})

	stored, err := app.FindRecordById("placements", placement.Id)
	require.NoError(t, err)
	require.Equal(t, []string{"hours", "derogation"}, stored.GetStringSlice("preconv_own"))
	require.Equal(t, "9 h – 16 h", stored.GetString("preconv_hours"))
	require.Equal(t, "138 h 30", stored.GetString("attestation_hours"))

	stored.Set("preconv_own", []string{"hours", "lunch"})
	require.Error(t, app.Save(stored), "only the typed sections can be own")
}
