package mailtest

import (
	"net/smtp"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sample = "From: =?UTF-8?q?Lyc=C3=A9e?= <livret@lycee.fr>\r\n" +
	"To: tuteur@usine.fr\r\n" +
	"Subject: =?UTF-8?q?Acc=C3=A8s_au_livret?=\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/mixed; boundary=out\r\n\r\n" +
	"--out\r\nContent-Type: multipart/alternative; boundary=in\r\n\r\n" +
	"--in\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n" +
	"=C3=89l=C3=A8ve\r\n" +
	"--in\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
	"PHA+w4lsw6h2ZTwvcD4=\r\n" +
	"--in--\r\n--out--\r\n"

// The server receives over real SMTP, refuses on demand, checks credentials and parses
// nested parts in both transfer encodings.
func TestServer(t *testing.T) {
	s := Start(t)
	s.RequireAuth("livret", "secret")
	auth := smtp.PlainAuth("", "livret", "secret", s.Host)
	send := func(a smtp.Auth) error {
		return smtp.SendMail(s.Addr(), a, "livret@lycee.fr", []string{"tuteur@usine.fr"}, []byte(sample))
	}

	require.ErrorContains(t, send(smtp.PlainAuth("", "livret", "faux", s.Host)), "535")
	s.Refuse(1, 451, "Plus tard")
	err := send(auth)
	require.ErrorContains(t, err, "451")
	require.ErrorContains(t, err, "Plus tard")
	require.NoError(t, send(auth))

	got := s.Wait(t, 1, 10*time.Second)[0]
	assert.Equal(t, 2, s.Attempts())
	assert.Equal(t, "livret@lycee.fr", got.From)
	assert.Equal(t, []string{"tuteur@usine.fr"}, got.To)
	assert.Equal(t, "Accès au livret", got.Subject)
	assert.Equal(t, "Lycée", got.FromName())
	assert.Equal(t, "Élève", got.Text)
	assert.Equal(t, "<p>Élève</p>", got.HTML)
}
