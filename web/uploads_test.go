package web_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestAnSVGIsRefusedAsSuch: markup may carry scripts; it is named, not taken for text.
func TestAnSVGIsRefusedAsSuch(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	r := upload(t, f.owner, f.lucas, "Schéma", "schema.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><circle r="4"/></svg>`))
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "Type de fichier non accepté : image SVG")
	require.Empty(t, attachmentsOf(t, f.a, f.lucas))
}

// TestAFileNameWithANulByteGetsAClearMessage: not « session expirée », not « choisissez un
// fichier »: the name is the problem, and the student is told so.
func TestAFileNameWithANulByteGetsAClearMessage(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	r := upload(t, f.owner, f.lucas, "Photo", "photo\x00.png", pngFile(t))
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "son nom contient un caractère non permis")
	require.Contains(t, r.Body, `id="e-fichier"`)
	require.Empty(t, attachmentsOf(t, f.a, f.lucas))
}
