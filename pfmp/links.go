package pfmp

import "time"

// LinkFacts is what is known of a dossier's tutor access: its latest grant and the email that
// carried it.
type LinkFacts struct {
	HasGrant     bool
	Expires      time.Time
	Revoked      bool
	MailFailed   bool // the latest email was refused for good or every try failed
	MailRetrying bool // the latest email failed and waits for a new try
}

// LinkState is where a dossier's tutor access stands, as the tutor window and the period view
// mark it.
type LinkState int

const (
	LinkNone        LinkState = iota // no link was ever sent
	LinkValid                        // a valid link, its email delivered or on its way
	LinkUndelivered                  // a valid link whose email has not got through
	LinkExpired
	LinkRevoked
)

// LinkStateOf applies the rule: an ended grant says why it ended; a valid one is only as good
// as the email that carries it.
func LinkStateOf(f LinkFacts, now time.Time) LinkState {
	switch {
	case !f.HasGrant:
		return LinkNone
	case f.Revoked:
		return LinkRevoked
	case !GrantValid(f.Expires, false, now):
		return LinkExpired
	case f.MailFailed || f.MailRetrying:
		return LinkUndelivered
	}
	return LinkValid
}

// Label is the state's French mark; empty when there is nothing to mark.
func (s LinkState) Label() string {
	if s == LinkNone {
		return ""
	}
	return LinkMarkPrefix + s.Short()
}

// LinkMarkPrefix begins every mark; a narrow screen shows the rest only (Short).
const LinkMarkPrefix = "Lien tuteur "

// Short is the mark without its prefix.
func (s LinkState) Short() string {
	switch s {
	case LinkValid:
		return "valable"
	case LinkUndelivered:
		return "non distribué"
	case LinkExpired:
		return "expiré"
	case LinkRevoked:
		return "invalidé"
	}
	return ""
}

// Class is the state's CSS modifier (badge colour).
func (s LinkState) Class() string {
	switch s {
	case LinkValid:
		return "badge-success"
	case LinkUndelivered:
		return "badge-error"
	case LinkExpired, LinkRevoked:
		return "badge-warning"
	}
	return "badge-muted"
}
