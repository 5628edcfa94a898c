package pfmp

import (
	"errors"
)

// ErrKind classifies a domain error; the pages map each kind to an HTTP status (web/errors.go).
// ErrInternal is the zero value so an Error built without a kind fails safe (500,
// generic message) rather than leaking its text as a validation message.
type ErrKind int

const (
	ErrInternal  ErrKind = iota // bug or infrastructure failure: logged, never shown
	ErrInvalid                  // input rejected (form errors)
	ErrNotFound                 // missing, or hidden from this actor
	ErrForbidden                // visible but not allowed
	ErrConflict                 // state forbids it (dated lock, duplicate)
	ErrTooLarge                 // upload over the limit
)

// Error is a domain error whose Msg is French and safe to show (except for ErrInternal).
// Fields maps form field names to their messages (ErrInvalid).
type Error struct {
	Kind   ErrKind
	Msg    string
	Fields map[string]string
}

func (e *Error) Error() string { return e.Msg }

// Invalid: rejected input; fields may be nil.
func Invalid(msg string, fields map[string]string) *Error {
	return &Error{Kind: ErrInvalid, Msg: msg, Fields: fields}
}

// NotFound: missing, or not visible to the actor (so its existence is not revealed).
func NotFound(msg string) *Error { return &Error{Kind: ErrNotFound, Msg: msg} }

// Forbidden: the actor sees the thing but may not do this.
func Forbidden(msg string) *Error { return &Error{Kind: ErrForbidden, Msg: msg} }

// Conflict: the current state forbids the change (dated lock, duplicate).
func Conflict(msg string) *Error { return &Error{Kind: ErrConflict, Msg: msg} }

// TooLarge: an upload over the limit.
func TooLarge(msg string) *Error { return &Error{Kind: ErrTooLarge, Msg: msg} }

// KindOf is the kind of a (possibly wrapped) *Error; any other error is internal.
func KindOf(err error) ErrKind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return ErrInternal
}

// internalMessage is all the user learns of an internal error (details go to the log).
const internalMessage = "Une erreur interne est survenue."

// Message returns the French text to show for err: the domain message, or the generic
// one for internal and foreign errors (their text may hold SQL or paths); "" for nil.
func Message(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) && e.Kind != ErrInternal && e.Msg != "" {
		return e.Msg
	}
	return internalMessage
}

// FieldsOf returns the per-field messages of an invalid-input error, nil otherwise.
func FieldsOf(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) && e.Kind == ErrInvalid {
		return e.Fields
	}
	return nil
}
