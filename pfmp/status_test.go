package pfmp

import "net/http"

// Status is the tests' shorthand for an error's kind as the HTTP status the pages give it
// (web/errors.go holds the real map): 200 for nil.
func Status(err error) int {
	if err == nil {
		return http.StatusOK
	}
	if s, ok := map[ErrKind]int{ErrInvalid: 422, ErrNotFound: 404, ErrForbidden: 403, ErrConflict: 409,
		ErrTooLarge: 413}[KindOf(err)]; ok {
		return s
	}
	return http.StatusInternalServerError
}
