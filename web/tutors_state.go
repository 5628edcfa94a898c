package web

import (
	"time"
	"unicode"
	"unicode/utf8"

	"livret/dossier"
	"livret/mail"
	"livret/pfmp"
)

// A dossier's tutor access as the window and the period view say it: the link state rule
// (pfmp.LinkStateOf) applied to the dossier's latest grant and the latest email that carried it.

// linkStatus is the mark and the lines of one dossier.
type linkStatus struct {
	State pfmp.LinkState
	Lines []string
}

// Mark is the state's label, Short its end (what a phone shows), Class its badge colour.
func (l linkStatus) Mark() string  { return l.State.Label() }
func (l linkStatus) Short() string { return l.State.Short() }
func (l linkStatus) Class() string { return l.State.Class() }

// latestTutorMails is the newest tutor-link email of each dossier, either kind, in two queries.
func (s *Server) latestTutorMails(placementIDs []string) (map[string]mail.State, error) {
	out, err := mail.Latest(s.app, mail.KindTutorLink, placementIDs...)
	if err != nil {
		return nil, err
	}
	again, err := mail.Latest(s.app, mail.KindTutorLinkAgain, placementIDs...)
	for p, st := range again {
		if cur, ok := out[p]; !ok || st.Created.After(cur.Created) {
			out[p] = st
		}
	}
	return out, err
}

// linkStatusOf states one dossier's access at now; the lines, for the window, say the email's
// state m too.
func linkStatusOf(g dossier.LatestGrant, m mail.State, hasMail bool, now time.Time) linkStatus {
	st := linkStatus{State: pfmp.LinkStateOf(g.Facts(), now)}
	if g.ID == "" {
		st.Lines = []string{"Aucun lien d'accès envoyé."}
		return st
	}
	st.Lines = append(st.Lines, "Lien envoyé le "+pfmp.FormatDateTime(g.SentAt.Time())+" à "+g.TutorEmail+".")
	switch st.State {
	case pfmp.LinkRevoked:
		st.Lines = append(st.Lines, "Accès invalidé le "+pfmp.FormatDateTime(g.RevokedAt.Time())+".")
	case pfmp.LinkExpired:
		st.Lines = append(st.Lines, "Lien expiré le "+pfmp.FormatDateTime(g.Expires.Time())+".")
	default:
		st.Lines = append(st.Lines, "Valable jusqu'au "+pfmp.FormatLong(g.Expires.Time())+".")
	}
	if g.LastUsed.IsZero() {
		st.Lines = append(st.Lines, "Jamais ouvert par le tuteur.")
	} else {
		st.Lines = append(st.Lines, "Dernière ouverture le "+pfmp.FormatDateTime(g.LastUsed.Time())+".")
	}
	if hasMail {
		st.Lines = append(st.Lines, "Courriel : "+lowerFirst(m.Label())+".")
	}
	return st
}

// lowerFirst writes a sentence after a colon.
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToLower(r)) + s[n:]
}
