package apptest

import (
	"net/http"
	"strings"
	"testing"

	"livret/dossier"
	"livret/mail/mailtest"
)

// MustSMTP points the app's mail settings at an in-process SMTP server, with the school as
// sender, as an administrator does in the dashboard. Without it, emails go to the outbox.
func (a *App) MustSMTP(tb testing.TB, srv *mailtest.Server) {
	tb.Helper()
	if err := srv.Configure(a.PB); err != nil {
		tb.Fatalf("SMTP settings: %v", err)
	}
	settings, err := a.PB.Settings().Clone()
	if err != nil {
		tb.Fatalf("settings: %v", err)
	}
	settings.Meta.SenderName = "Livret du lycée"
	settings.Meta.SenderAddress = "livret@lycee.example"
	if err := a.PB.Save(settings); err != nil {
		tb.Fatalf("sender settings: %v", err)
	}
}

// MustTutorGrant gives the tutor of email (an account made if needed) a grant on a dossier, as
// sending him a link does, and returns the link's token.
func (a *App) MustTutorGrant(tb testing.TB, email, placementID string) string {
	tb.Helper()
	s := dossier.New(a.PB, a.Clock.Now)
	tutor, err := s.TutorAccount(dossier.Tutor{FirstName: "Anne", LastName: "Tutrice", Email: email})
	if err != nil {
		tb.Fatalf("tutor %s: %v", email, err)
	}
	tok, hash, err := dossier.NewAccessToken()
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := s.IssueGrant(tutor.Id, placementID, hash); err != nil {
		tb.Fatalf("grant: %v", err)
	}
	return tok
}

// MustOpenLink is a new visitor opening a tutor's link: it must land on the tutor's home.
func (a *App) MustOpenLink(tb testing.TB, link string) *Client {
	tb.Helper()
	c := a.NewClient(tb)
	c.MustOpenLink(link)
	return c
}

// MustOpenLink opens a tutor's link (a full URL, or a token) in this client: it must land on
// the tutor's home.
func (c *Client) MustOpenLink(link string) {
	c.tb.Helper()
	path := "/acces/" + link
	if i := strings.Index(link, "/acces/"); i >= 0 {
		path = link[i:]
	}
	r := c.Get(path)
	if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/mes-apprenants" {
		c.tb.Fatalf("link %s: status %d, to %q", path, r.Status, r.Header.Get("Location"))
	}
	c.Get("/mes-apprenants") // picks up the session's CSRF token
}
