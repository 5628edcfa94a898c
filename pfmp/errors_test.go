package pfmp

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestErrorKindAndMessage(t *testing.T) {
	tests := []struct {
		name string
		err  error
		kind ErrKind
		msg  string
	}{
		{"invalid", Invalid("Le formulaire contient des erreurs.", nil), ErrInvalid, "Le formulaire contient des erreurs."},
		{"not found", NotFound("Période introuvable."), ErrNotFound, "Période introuvable."},
		{"forbidden", Forbidden("Action réservée aux enseignants."), ErrForbidden, "Action réservée aux enseignants."},
		{"conflict", Conflict("Période verrouillée."), ErrConflict, "Période verrouillée."},
		{"too large", TooLarge("Fichier trop volumineux (10 Mo au maximum)."), ErrTooLarge, "Fichier trop volumineux (10 Mo au maximum)."},
		{"wrapped domain error", fmt.Errorf("saving placement: %w", Conflict("Période verrouillée.")), ErrConflict, "Période verrouillée."},
		{"explicit internal hides its text", &Error{Kind: ErrInternal, Msg: "sql: no rows"}, ErrInternal, "Une erreur interne est survenue."},
		{"zero-kind Error fails safe", &Error{Msg: "secret detail"}, ErrInternal, "Une erreur interne est survenue."},
		{"foreign error", errors.New("open /data/x: permission denied"), ErrInternal, "Une erreur interne est survenue."},
		{"domain kind without message", NotFound(""), ErrNotFound, "Une erreur interne est survenue."},
		{"nil", nil, ErrInternal, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.kind, KindOf(tt.err))
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

}
