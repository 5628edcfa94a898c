package pfmp

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestErrorStatusAndMessage(t *testing.T) {
	tests := []struct {
		name   string
		err    error
		status int
		msg    string
	}{
		{"invalid", Invalid("Le formulaire contient des erreurs.", nil), http.StatusUnprocessableEntity, "Le formulaire contient des erreurs."},
		{"not found", NotFound("Période introuvable."), http.StatusNotFound, "Période introuvable."},
		{"forbidden", Forbidden("Action réservée aux enseignants."), http.StatusForbidden, "Action réservée aux enseignants."},
		{"conflict", Conflict("Période verrouillée."), http.StatusConflict, "Période verrouillée."},
		{"too large", TooLarge("Fichier trop volumineux (10 Mo au maximum)."), http.StatusRequestEntityTooLarge, "Fichier trop volumineux (10 Mo au maximum)."},
		{"wrapped domain error", fmt.Errorf("saving placement: %w", Conflict("Période verrouillée.")), http.StatusConflict, "Période verrouillée."},
		{"explicit internal hides its text", &Error{Kind: ErrInternal, Msg: "sql: no rows"}, http.StatusInternalServerError, "Une erreur interne est survenue."},
		{"zero-kind Error fails safe", &Error{Msg: "secret detail"}, http.StatusInternalServerError, "Une erreur interne est survenue."},
		{"foreign error", errors.New("open /data/x: permission denied"), http.StatusInternalServerError, "Une erreur interne est survenue."},
		{"domain kind without message", NotFound(""), http.StatusNotFound, "Une erreur interne est survenue."},
		{"nil", nil, http.StatusOK, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.status, Status(tt.err))
			require.Equal(t, tt.msg, Message(tt.err))
		})
	}
}

func TestErrorKindsAndFields(t *testing.T) {
	fields := map[string]string{"email": "Adresse e-mail invalide."}
	err := error(Invalid("Le formulaire contient des erreurs.", fields))
	require.Equal(t, "Le formulaire contient des erreurs.", err.Error())
	var e *Error
	require.ErrorAs(t, err, &e)
	require.Equal(t, ErrInvalid, e.Kind)
	require.Equal(t, fields, FieldsOf(fmt.Errorf("wrapped: %w", err)))
	require.Nil(t, FieldsOf(NotFound("x")))
	require.Nil(t, FieldsOf(errors.New("x")))
	require.Nil(t, FieldsOf(nil))

	for kind, status := range map[ErrKind]int{
		ErrInternal: 500, ErrInvalid: 422, ErrNotFound: 404, ErrForbidden: 403, ErrConflict: 409, ErrTooLarge: 413, ErrKind(99): 500,
	} {
		require.Equal(t, status, kind.Status(), "kind %d", kind)
	}
}
