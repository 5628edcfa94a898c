package mail

import (
	"errors"
	"fmt"
	"html"
	"net"
	"net/textproto"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"
	gomail "github.com/wneessen/go-mail"
)

// client builds a go-mail client from the dashboard's SMTP settings, read at send time.
func client(s core.SMTPConfig, timeout time.Duration) (*gomail.Client, error) {
	opts := []gomail.Option{gomail.WithPort(s.Port), gomail.WithTimeout(timeout)}
	if s.TLS {
		// PocketBase's "TLS" box means implicit TLS (SMTPS, usually port 465).
		opts = append(opts, gomail.WithSSL())
	} else {
		// STARTTLS when the server offers it: a plain local relay must still work,
		// which go-mail's default (mandatory) refuses.
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSOpportunistic))
	}
	if s.Username != "" || s.Password != "" {
		auth := gomail.SMTPAuthPlain
		if strings.EqualFold(s.AuthMethod, "LOGIN") {
			auth = gomail.SMTPAuthLogin
		}
		opts = append(opts, gomail.WithSMTPAuth(auth), gomail.WithUsername(s.Username), gomail.WithPassword(s.Password))
	}
	if s.LocalName != "" {
		opts = append(opts, gomail.WithHELO(s.LocalName))
	}
	return gomail.NewClient(s.Host, opts...)
}

// build makes the go-mail message of a queued row, the link put back in place.
func build(meta core.MetaConfig, r row, link string) (*gomail.Msg, error) {
	msg := gomail.NewMsg()
	if err := msg.FromFormat(oneLine(meta.SenderName), meta.SenderAddress); err != nil {
		return nil, fmt.Errorf("adresse d'expédition invalide dans les réglages (%q) : %w", meta.SenderAddress, err)
	}
	if err := msg.AddToFormat(oneLine(r.ToName), r.To); err != nil {
		return nil, fmt.Errorf("adresse du destinataire invalide (%q) : %w", r.To, err)
	}
	msg.Subject(oneLine(r.Subject))
	msg.SetMessageID()
	msg.SetDate()
	// Tells mail servers and vacation responders that no one typed this message.
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, strings.ReplaceAll(r.Text, LinkMark, link))
	msg.AddAlternativeString(gomail.TypeTextHTML, strings.ReplaceAll(r.HTML, LinkMark, html.EscapeString(link)))
	return msg, nil
}

// permanent reports an SMTP refusal (5xx) that retrying will not change.
func permanent(err error) bool {
	var se *gomail.SendError
	if errors.As(err, &se) {
		return se.ErrorCode() >= 500
	}
	var te *textproto.Error
	return errors.As(err, &te) && te.Code >= 500
}

// describe turns a send error into the French reason a teacher reads in the tutor
// window ("non distribué : …"), the server's own words kept for the administrator.
func describe(err error) string {
	var se *gomail.SendError
	if errors.As(err, &se) && se.ErrorCode() > 0 {
		verb := "a différé"
		if se.ErrorCode() >= 500 {
			verb = "a refusé"
		}
		return "Le serveur de messagerie " + verb + " le message (code " + strconv.Itoa(se.ErrorCode()) + ") : " + err.Error()
	}
	var te *textproto.Error
	if errors.As(err, &te) && te.Code == 535 {
		return "Identifiant ou mot de passe SMTP refusé : vérifiez les réglages du serveur de messagerie (" + err.Error() + ")"
	}
	if errors.As(err, &te) {
		return "Le serveur de messagerie a répondu " + strconv.Itoa(te.Code) + " : " + err.Error()
	}
	var ne net.Error
	if errors.As(err, &ne) || strings.Contains(err.Error(), "dial failed") {
		return "Serveur de messagerie injoignable : " + err.Error()
	}
	return "Échec de l'envoi : " + err.Error()
}
