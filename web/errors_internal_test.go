package web

import (
	"errors"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/pfmp"
)

func TestStatusOfEveryErrorKind(t *testing.T) {
	t.Parallel()
	for err, status := range map[error]int{
		nil:                                     http.StatusOK,
		pfmp.Invalid("x", nil):                  http.StatusUnprocessableEntity,
		pfmp.NotFound("x"):                      http.StatusNotFound,
		pfmp.Forbidden("x"):                     http.StatusForbidden,
		pfmp.Conflict("x"):                      http.StatusConflict,
		pfmp.TooLarge("x"):                      http.StatusRequestEntityTooLarge,
		fmt.Errorf("w: %w", pfmp.Conflict("x")): http.StatusConflict,
		&pfmp.Error{Msg: "zero kind"}:           http.StatusInternalServerError,
		errors.New("foreign"):                   http.StatusInternalServerError,
	} {
		require.Equal(t, status, statusOf(err), "%v", err)
	}
	require.True(t, isFormError(pfmp.Invalid("x", nil)))
	require.True(t, isFormError(pfmp.Conflict("x")))
	require.False(t, isFormError(pfmp.NotFound("x")))
	require.False(t, isFormError(nil))
}
