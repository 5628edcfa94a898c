package print

import "errors"

// The errors a print can end with. Their text is French and safe to show; the web layer
// tells them apart with errors.Is (ErrUnavailable deserves a page on how to install
// Chromium, ErrBusy a « réessayez »).
var (
	ErrUnavailable = errors.New(InstallHint)
	ErrBusy        = errors.New("Trop d'impressions sont en attente : réessayez dans une minute.")
	ErrTimeout     = errors.New("L'impression a pris trop de temps et a été abandonnée : réessayez, ou imprimez moins de documents à la fois.")
	ErrCanceled    = errors.New("L'impression a été annulée.")
	ErrFailed      = errors.New("L'impression du PDF a échoué : réessayez dans un instant.")
	ErrClosed      = errors.New("Le service d'impression est arrêté.")
)

// failure is one of the errors above with its technical cause: Error() stays French for
// the user, errors.Is finds both, and the log gets the cause through Cause.
type failure struct {
	kind  error
	cause error
}

func (f *failure) Error() string   { return f.kind.Error() }
func (f *failure) Unwrap() []error { return []error{f.kind, f.cause} }

func fail(kind, cause error) error {
	if cause == nil {
		return kind
	}
	return &failure{kind: kind, cause: cause}
}

// Cause is the technical reason behind a print error, for the log ("" when there is none).
func Cause(err error) string {
	var f *failure
	if errors.As(err, &f) {
		return f.cause.Error()
	}
	return ""
}
