package mail

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTutorLink(t *testing.T) {
	e, err := TutorLink(tutorData())
	require.NoError(t, err)
	assert.Equal(t, "Accès au livret de PFMP d'Aline Accardo – Lycée Jean Moulin", e.Subject)

	for name, body := range map[string]string{"text": e.Text, "html": visible(e.HTML)} {
		for _, want := range []string{
			"Bonjour Antoine Pillet,",
			"Aline Accardo", "Lycée Jean Moulin", "PFMP 2 – première",
			"du lundi 6 janvier 2025 au vendredi 31 janvier 2025",
			"jusqu'au dimanche 7 septembre 2025",
			"fiche de liaison", "portfolio", "commenter", "bilans",
			"Hélène Bérard", "helene.berard@lycee-moulin.fr",
			"le professeur référent d'Aline",
		} {
			assert.Contains(t, body, want, name)
		}
		assert.Contains(t, body, LinkMark, name)
	}
	assert.Contains(t, e.HTML, `href="mailto:helene.berard@lycee-moulin.fr"`)
	// The button and the copyable address both carry the link.
	assert.Equal(t, 3, strings.Count(e.HTML, LinkMark))
	assert.Contains(t, e.HTML, `href="`+LinkMark+`"`)
	assert.Contains(t, e.HTML, `<html lang="fr">`)
	// User-typed text is escaped in HTML, kept as typed in plain text.
	assert.Contains(t, e.HTML, "Maintenance Générale &lt;Sud&gt;")
	assert.Contains(t, e.Text, "Entreprise d'accueil : Maintenance Générale <Sud>")
	assert.NotContains(t, e.Text, "&#39;")
}

func TestTutorLinkReferents(t *testing.T) {
	d := tutorData()
	d.Referents = append(d.Referents, Person{FirstName: "Éric", LastName: "Noël"})
	e, err := TutorLink(d)
	require.NoError(t, err)
	assert.Contains(t, e.Text, "les professeurs référents d'Aline :\n- Hélène Bérard – helene.berard@lycee-moulin.fr\n- Éric Noël\n")

	d.Referents, d.Company, d.School = nil, "", ""
	e, err = TutorLink(d)
	require.NoError(t, err)
	assert.Equal(t, "Accès au livret de PFMP d'Aline Accardo", e.Subject)
	assert.NotContains(t, e.Text, "référent de")
	assert.NotContains(t, e.Text, "Entreprise d'accueil")
	assert.NotContains(t, e.Text, "Établissement")
}

func TestTutorLinkAgain(t *testing.T) {
	e, err := TutorLinkAgain(tutorData())
	require.NoError(t, err)
	assert.Equal(t, "Votre nouveau lien d'accès au livret de PFMP d'Aline Accardo", e.Subject)
	for name, body := range map[string]string{"text": e.Text, "html": visible(e.HTML)} {
		for _, want := range []string{
			"Vous avez demandé un nouveau lien", "il remplace le précédent",
			"du lundi 6 janvier 2025 au vendredi 31 janvier 2025", "jusqu'au dimanche 7 septembre 2025",
			"Hélène Bérard", LinkMark,
		} {
			assert.Contains(t, body, want, name)
		}
	}
}

// A name typed with a line break cannot add a header through the subject.
func TestSubjectOnOneLine(t *testing.T) {
	d := tutorData()
	d.Student.LastName = "Accardo\r\nBcc: x@y.fr"
	e, err := TutorLink(d)
	require.NoError(t, err)
	assert.NotContains(t, e.Subject, "\n")
	assert.NotContains(t, e.Subject, "\r")
}

var tag = regexp.MustCompile(`<[^>]*>`)

// visible is the text a reader sees in an HTML body.
func visible(h string) string { return html.UnescapeString(tag.ReplaceAllString(h, "")) }
