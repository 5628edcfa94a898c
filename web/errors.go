package web

import (
	"net/http"

	"livret/pfmp"
)

// statusOf maps an error to its HTTP status, in this one place: a domain error by its kind,
// anything else 500; nil is 200.
func statusOf(err error) int {
	if err == nil {
		return http.StatusOK
	}
	switch pfmp.KindOf(err) {
	case pfmp.ErrInvalid:
		return http.StatusUnprocessableEntity // 422: the HTMX convention re-renders the form
	case pfmp.ErrNotFound:
		return http.StatusNotFound
	case pfmp.ErrForbidden:
		return http.StatusForbidden
	case pfmp.ErrConflict:
		return http.StatusConflict
	case pfmp.ErrTooLarge:
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusInternalServerError
}

// isFormError tells errors answered by the form again (422, 409) from failures.
func isFormError(err error) bool {
	k := pfmp.KindOf(err)
	return err != nil && (k == pfmp.ErrInvalid || k == pfmp.ErrConflict)
}
