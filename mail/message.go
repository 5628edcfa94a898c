// Package mail sends the app's emails: French templates, a queue that never blocks the
// caller (retries with back-off, dedupe, survives a restart), go-mail over the SMTP
// settings administrators enter in the PocketBase dashboard, and an outbox folder in the
// data folder when no SMTP server is configured. Every message has a row in mail_log.
//
// Secret links (a tutor's access token) are never stored: bodies are rendered and kept
// with LinkMark in place of the link, which lives in memory only and is put in at send
// time. See Message.Link and Config.Relink.
package mail

import (
	"errors"
	"net/mail"
	"net/url"
	"strings"
)

// Kinds of message (mail_log.kind).
const (
	KindTutorLink      = "tutor_link"         // a teacher sends a tutor his access link
	KindTutorLinkAgain = "tutor_link_again"   // a tutor who lost his link asks for a new one
	KindInvitation     = "teacher_invitation" // the administrator invites a teacher to choose his password
)

// LinkMark stands for the secret link in rendered and stored bodies. It is made of
// characters html/template leaves alone in an href, so it survives rendering intact.
const LinkMark = "LIEN-PERSONNEL-NON-CONSERVE"

// Email is a rendered message: what the template functions return.
type Email struct {
	Subject string
	HTML    string // LinkMark where the link goes
	Text    string // LinkMark where the link goes
}

// Message is an email to queue.
type Message struct {
	Email
	Kind      string // one of the Kind constants
	To        string // the recipient's address
	ToName    string // the recipient's name, may be empty
	Placement string // the dossier the message is about, may be empty
	// Key identifies "the same message" for dedupe; empty means Kind, To and Placement.
	Key string
	// Link mints the secret link that replaces LinkMark. Enqueue calls it once, under the
	// queue's lock, and not at all for a duplicate, so a double click renews nothing. It
	// must not call Enqueue. Nil for a message without a link.
	Link func() (string, error)
}

// dedupeKey is Key, or what makes two messages the same by default.
func (m Message) dedupeKey() string {
	if m.Key != "" {
		return m.Key
	}
	return m.Kind + "|" + strings.ToLower(m.To) + "|" + m.Placement
}

// hasMark reports whether a body awaits a secret link.
func hasMark(html, text string) bool {
	return strings.Contains(html, LinkMark) || strings.Contains(text, LinkMark)
}

// validate checks a message before it is queued: errors are the caller's bugs or a bad
// address typed by a user, hence French.
func (m Message) validate() error {
	if m.Kind == "" {
		return errors.New("Message sans type.")
	}
	if _, err := mail.ParseAddress(m.To); err != nil || strings.ContainsAny(m.To, "<>") {
		return errors.New("Adresse électronique du destinataire invalide : « " + m.To + " ».")
	}
	if strings.TrimSpace(m.Subject) == "" || m.Text == "" || m.HTML == "" {
		return errors.New("Message incomplet : objet, texte et HTML sont requis.")
	}
	if hasMark(m.HTML, m.Text) != (m.Link != nil) {
		return errors.New("Message incohérent : un lien personnel et son emplacement vont ensemble.")
	}
	return nil
}

// checkLink refuses a minted link that is not a web address (it goes in an href).
func checkLink(link string) error {
	u, err := url.Parse(link)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return errors.New("Lien personnel invalide : une adresse http(s) est attendue.")
	}
	return nil
}

// oneLine keeps a header value on one line: names come from users.
func oneLine(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r < ' ' || r == 0x7f }), " ")
}
