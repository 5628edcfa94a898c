package mail

import (
	"bytes"
	"embed"
	htmltemplate "html/template"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"livret/pfmp"
)

//go:embed templates
var templateFS embed.FS

var funcs = map[string]any{"date": pfmp.FormatLong, "datetime": pfmp.FormatDateTime, "de": de}

// de writes "de Jean" or, before a vowel or a mute h, "d'Aline" (French elision).
func de(name string) string {
	if r, _ := utf8.DecodeRuneInString(name); strings.ContainsRune("AEIOUYHÂÊÎÔÛÉÈËÏÜaeiouyhâêîôûéèëïü", r) {
		return "d'" + name
	}
	return "de " + name
}

var (
	htmlTemplates = htmltemplate.Must(htmltemplate.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.html"))
	textTemplates = template.Must(template.New("").Funcs(funcs).ParseFS(templateFS, "templates/*.txt"))
)

// Person is someone an email names.
type Person struct {
	FirstName, LastName, Email string
}

// Name is "Prénom Nom".
func (p Person) Name() string { return strings.TrimSpace(p.FirstName + " " + p.LastName) }

// TutorLinkData is what a tutor's access email says. The link itself is not here: it is
// minted by Message.Link and put in at send time.
type TutorLinkData struct {
	School     string // the school's name: app.Settings().Meta.AppName
	Tutor      Person
	Student    Person
	Company    string    // host company, may be empty
	Period     string    // "PFMP 1"
	Start, End time.Time // the period's days (date-only)
	Expires    time.Time // the link's end of validity
	Referents  []Person  // the referent teachers to contact
}

// page is what every template reads besides its own data: the subject as its title, the link
// (always LinkMark) and whom its reader should write to rather than to the sender.
type page struct {
	Title, Link, Contact string
}

func newPage(subject, contact string) page {
	return page{Title: oneLine(subject), Link: LinkMark, Contact: contact}
}

func (p page) subject() string { return p.Title }

// The template data of each kind of email.
type (
	tutorView struct {
		TutorLinkData
		page
	}
	invitationView struct {
		InvitationData
		page
	}
)

// tutorContact is whom a tutor writes to.
const tutorContact = "au professeur référent"

// TutorLink is the email that gives a tutor access to a student's dossier.
func TutorLink(d TutorLinkData) (Email, error) {
	subject := "Accès au livret de PFMP " + de(d.Student.Name())
	if d.School != "" {
		subject += " – " + d.School
	}
	return render("tutor_link", tutorView{d, newPage(subject, tutorContact)})
}

// TutorLinkAgain is the email a tutor who lost his link asked for from the login page.
func TutorLinkAgain(d TutorLinkData) (Email, error) {
	return render("tutor_link_again", tutorView{d, newPage("Votre nouveau lien d'accès au livret de PFMP "+de(d.Student.Name()), tutorContact)})
}

// InvitationData is what a teacher's invitation says. The link is not here: it is minted by
// Message.Link and put in at send time.
type InvitationData struct {
	School   string // the school's name: app.Settings().Meta.AppName
	Teacher  Person
	Username string    // his username (he may log in with his email too)
	Admin    Person    // the administrator who invited him
	Expires  time.Time // the link's end of validity
}

// Invitation is the email that invites a teacher to choose the password of his new account.
func Invitation(d InvitationData) (Email, error) {
	subject := "Votre compte sur le livret de PFMP"
	if d.School != "" {
		subject += " – " + d.School
	}
	return render("teacher_invitation", invitationView{d, newPage(subject, "à l'administrateur de l'application")})
}

// render executes the HTML and text templates of the same name.
func render(name string, v interface{ subject() string }) (Email, error) {
	subject := v.subject()
	var h, t bytes.Buffer
	if err := htmlTemplates.ExecuteTemplate(&h, name, v); err != nil {
		return Email{}, err
	}
	if err := textTemplates.ExecuteTemplate(&t, name, v); err != nil {
		return Email{}, err
	}
	return Email{Subject: subject, HTML: h.String(), Text: t.String()}, nil
}
