package print

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoginSlipsOfAClass(t *testing.T) {
	t.Parallel()
	slips := make([]Slip, 23)
	for i := range slips {
		s := testStudent(i)
		slips[i] = Slip{Student: s, Username: strings.ToLower(fmt.Sprintf("eleve%02d", i)), Password: fmt.Sprintf("kT7-pq%02dL", i)}
	}
	doc, err := RenderSlips(testSchool, "https://livret.lycee-zola.fr", slips)
	require.Equal(t, "Identifiants 1re MSPC", doc.Title)
	require.Equal(t, 23, doc.Sections)
	pages := pdfPages(t, mustPDF(t, doc, err))

	require.Len(t, pages, 3, "ten slips an A4 page")
	text := strings.Join(pages, "\n")
	for _, s := range slips {
		assert.Contains(t, text, s.Student.FullName()+" — 1re MSPC")
		assert.Contains(t, text, "Identifiant : "+s.Username)
		assert.Contains(t, text, "Mot de passe provisoire : "+s.Password)
	}
	assert.Equal(t, 23, strings.Count(text, "Adresse du site : https://livret.lycee-zola.fr"))
	assert.Equal(t, 23, strings.Count(text, "✂"), "one cut mark a slip")
	assert.Equal(t, 10, strings.Count(pages[0], "Mot de passe provisoire"))
}

// Teachers have no class: their slips name them alone, the document « Identifiants ».
func TestLoginSlipsWithoutAClass(t *testing.T) {
	t.Parallel()
	doc, err := RenderSlips(testSchool, "https://livret.lycee-zola.fr",
		[]Slip{{Student: Student{FirstName: "Éloïse", LastName: "LEFÈVRE"}, Username: "eloise.lefevre", Password: "kT7pq-m4Hxa"}})
	require.NoError(t, err)
	require.Equal(t, "Identifiants", doc.Title)
	assert.Contains(t, string(doc.HTML), "<h3>Éloïse LEFÈVRE</h3>")
}
