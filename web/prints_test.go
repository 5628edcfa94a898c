package web_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
	"livret/doctest"
	"livret/print"
)

const testSchool = "Lycée Gustave-Eiffel"

// The pré-convention of one dossier: the period's common sections typed once, changed for one
// student, printed by that student with the fiche de liaison's company and tutor; a student
// without a company gets blank lines where it goes.
func TestPreconventionPDF(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	a.PB.Settings().Meta.AppName = testSchool
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	period := a.MustFind(t, "periods", "name", demoE31)
	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")
	base := "/dossiers/" + lucas.Id + "/preconvention"

	r := teacher.PostForm("/periodes/"+period.Id+"/preconvention", url.Values{
		"hours": {"8 h – 12 h\r\n13 h 30 – 17 h"}, "concertation": {"Visite à mi-parcours."}, "evaluation": {"Grille E31 du lycée."}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)

	// Lucas's form shows the period's texts; the teacher changes two of them for him only.
	r = teacher.Get(base)
	require.Equal(t, http.StatusOK, r.Status)
	require.Contains(t, r.Body, "Visite à mi-parcours.")
	require.Contains(t, r.Body, "Texte commun à la période")
	r = teacher.PostForm(base, url.Values{"hours": {"8 h – 12 h\r\n13 h 30 – 17 h"},
		"concertation": {"Appel chaque vendredi."}, "derogation": {""}, "evaluation": {""}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)

	// Lucas reads them, cannot change them, and prints them.
	student := a.MustLogin(t, "lucas.lambert", demo.Password)
	r = student.Get(base)
	require.Equal(t, http.StatusOK, r.Status)
	require.Contains(t, r.Body, "Appel chaque vendredi.")
	require.NotContains(t, r.Body, "<textarea")
	require.Equal(t, http.StatusForbidden, student.PostForm(base, url.Values{"hours": {"x"}}).Status)

	name, pages := mustPDF(t, student.Get(base+"/pdf"))
	require.Equal(t, "Annexe PFMP 1re MSPC — E31 Lucas Lambert.pdf", name)
	require.Len(t, pages, 2, "one student: a two-page pré-convention")
	text := strings.Join(pages, "\n")
	for _, want := range []string{testSchool, "Annexe pédagogique", "« PFMP 1re MSPC — E31 »", "Lucas LAMBERT", "1re MSPC",
		"Claire MARTIN", "Papeteries de la Seine", "Julien BOISSEAU"} {
		assert.Contains(t, text, want)
	}
	last := -1
	for _, title := range preconventionTitles {
		i := strings.Index(text, title)
		require.Greater(t, i, last, "section %q missing or out of order", title)
		last = i
	}
	hours := doctest.Between(t, text, preconventionTitles[0], preconventionTitles[1])
	assert.Regexp(t, `8 h – 12 h\s*\n\s*13 h 30 – 17 h`, hours)
	concertation := doctest.Between(t, text, preconventionTitles[1], preconventionTitles[2])
	assert.Contains(t, concertation, "Appel chaque vendredi.")
	assert.NotContains(t, concertation, "Visite")
	objectives := doctest.Between(t, text, preconventionTitles[2], preconventionTitles[3])
	assert.Contains(t, objectives, "Préparer et réaliser des interventions")
	assert.Regexp(t, `C1\.1\s+\S`, objectives)
	assert.Regexp(t, `A1T1\s+\S`, doctest.Between(t, text, preconventionTitles[3], preconventionTitles[4]))
	assert.GreaterOrEqual(t, doctest.DottedLines(doctest.Between(t, text, preconventionTitles[4], preconventionTitles[5])), 3,
		"no derogation typed: lines for the pen")
	evaluation := doctest.Between(t, text, preconventionTitles[5], "")
	assert.NotContains(t, evaluation, "Grille E31", "emptied for Lucas: lines for the pen")
	assert.GreaterOrEqual(t, doctest.DottedLines(evaluation), 3)
	assert.Regexp(t, regexp.QuoteMeta(testSchool)+`\s+page 1 / 2`, pages[0])

	// Adam has no company yet: its rows are lines to fill in; he follows the period's texts.
	adam := a.MustPlacement(t, demoE31, "adam.vincent")
	_, pages = mustPDF(t, teacher.Get("/dossiers/"+adam.Id+"/preconvention/pdf"))
	text = strings.Join(pages, "\n")
	assert.Contains(t, text, "Adam VINCENT")
	for _, label := range []string{"Raison sociale", "Code postal et ville", "Tuteur", "Courriel du tuteur"} {
		assert.Regexp(t, regexp.QuoteMeta(label)+` : \.{10,}`, text)
	}
	assert.Contains(t, doctest.Between(t, text, preconventionTitles[1], preconventionTitles[2]), "Visite à mi-parcours.")
	assert.Contains(t, doctest.Between(t, text, preconventionTitles[5], ""), "Grille E31 du lycée.")
}

// A period of 30 students prints as ONE PDF in the background: the start answers at once, the
// progress is polled, then the file holds 30 pré-conventions, each from a new page. Only the
// teacher who started it sees it.
func TestPeriodPreconventionsIn30Sections(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	added := mustFillPeriod(t, a, period, 30)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)

	batch := mustStartBatch(t, teacher, period.Id)
	r := teacher.Get(batch)
	require.Equal(t, http.StatusOK, r.Status)
	require.Contains(t, r.Body, "Annexes PFMP 1re MSPC — E31.pdf")
	done := mustBatchDone(t, teacher, batch)
	require.Contains(t, done, "Impression terminée")
	require.Contains(t, done, `href="`+batch+`/fichier"`)

	other := a.MustLogin(t, "prof.benali", demo.Password)
	require.Equal(t, http.StatusNotFound, other.Get(batch).Status)
	require.Equal(t, http.StatusNotFound, other.Get(batch+"/fichier").Status)

	name, pages := mustPDF(t, teacher.Get(batch+"/fichier"))
	require.Equal(t, "Annexes PFMP 1re MSPC — E31.pdf", name)
	starts := 0
	for i, p := range pages {
		n := strings.Count(p, "Annexe pédagogique")
		require.LessOrEqual(t, n, 1, "page %d holds two pré-conventions", i+1)
		if n == 1 {
			starts++
			require.Less(t, strings.Index(p, "Annexe pédagogique"), 400, "page %d: a pré-convention starts at the top", i+1)
		}
	}
	require.Equal(t, 30, starts)
	text := strings.Join(pages, "\n")
	for _, st := range append(added, "Lucas LAMBERT", "Manon GIRARD", "Adam VINCENT") {
		require.Equal(t, 1, strings.Count(text, "Nom : "+st), st)
	}
}

// The attestation de présence: the student types its six fields (a field left blank prints as a
// line), his master prints it through his grant but types nothing.
func TestAttestationPDF(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")
	base := "/dossiers/" + lucas.Id + "/attestation"
	student := a.MustLogin(t, "lucas.lambert", demo.Password)

	r := student.Get(base)
	require.Equal(t, http.StatusOK, r.Status)
	require.Contains(t, r.Body, "Papeteries de la Seine")
	seen := seenRe.FindStringSubmatch(r.Body)
	require.NotNil(t, seen)
	r = student.PostForm(base, url.Values{"vu": {seen[1]}, "representative": {"Mme Hélène Durand"}, "head_office": {""},
		"student_address": {"3, rue Verte 76000 Rouen"}, "hours": {"138 h 30"}, "gratification": {"Aucune"}, "place": {"Rouen"}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)

	master := a.MustLogin(t, "julien.boisseau", demo.Password)
	r = master.Get(base)
	require.Equal(t, http.StatusOK, r.Status)
	require.Contains(t, r.Body, "Mme Hélène Durand")
	require.NotContains(t, r.Body, `action="`+base+`"`, "the master prints, he does not type")
	require.Equal(t, http.StatusForbidden, master.PostForm(base, url.Values{"place": {"Paris"}}).Status)

	name, pages := mustPDF(t, master.Get(base+"/pdf"))
	require.Equal(t, "Attestation- PFMP 1re MSPC — E31.pdf", name)
	require.Len(t, pages, 1)
	text := pages[0]
	for _, want := range []string{"Attestation de présence", "Papeteries de la Seine", "Lucas LAMBERT", "1re MSPC",
		"Représentée par : Mme Hélène Durand", "Adresse personnelle : 3, rue Verte 76000 Rouen",
		"Durée totale (en heures) : 138 h 30", "Gratification perçue par le stagiaire : Aucune", "Fait à : Rouen"} {
		assert.Contains(t, text, want)
	}
	assert.Regexp(t, regexp.QuoteMeta("Adresse du siège (si différente) :")+` \.{10,}`, text)
	assert.Regexp(t, `du \d\d/\d\d/\d{4} au \d\d/\d\d/\d{4}`, text)
}

// Without Chromium the app still runs: a print answers how to install it, in French, and
// links to the print view, which stays readable as an HTML page.
func TestPrintWithoutChromium(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t, apptest.WithPrintOptions(print.Options{ChromePath: "/nulle/part/chromium-headless-shell"}))
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")
	period := a.MustFind(t, "periods", "name", demoE31)

	for _, doc := range []string{"preconvention", "attestation"} {
		base := "/dossiers/" + lucas.Id + "/" + doc
		require.Equal(t, http.StatusOK, teacher.Get(base).Status)
		r := teacher.Get(base + "/pdf")
		require.Equal(t, http.StatusServiceUnavailable, r.Status)
		require.Contains(t, r.Body, "Chromium est introuvable")
		require.Contains(t, r.Body, "apt-get install chromium-headless-shell")
		require.Contains(t, r.Body, `href="`+base+`/apercu"`)

		r = teacher.Get(base + "/apercu")
		require.Equal(t, http.StatusOK, r.Status)
		require.Contains(t, r.Header.Get("Content-Type"), "text/html")
		require.Contains(t, r.Header.Get("Content-Security-Policy"), "default-src 'none'")
		require.Contains(t, r.Body, "Lucas LAMBERT")
	}

	r := teacher.PostForm("/periodes/"+period.Id+"/preconvention/impression", url.Values{})
	require.Equal(t, http.StatusServiceUnavailable, r.Status)
	require.Contains(t, r.Body, "Chromium est introuvable")
	r = teacher.Get("/periodes/" + period.Id + "/preconvention/apercu")
	require.Equal(t, http.StatusOK, r.Status)
	require.Equal(t, 6, strings.Count(r.Body, "<h1>Annexe pédagogique</h1>"), "the period's six students")
}

// Bad input re-renders the form with a French message next to the field, what was typed
// kept, and 422; a form saved over a newer version answers 409; a locked period keeps its texts.
func TestPrintFormsRefuseBadInput(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")
	period := a.MustFind(t, "periods", "name", demoE31)
	long := "DÉBUT " + strings.Repeat("é", 2000)

	cases := []struct {
		name, path string
		form       url.Values
		want       string
	}{
		{"dossier section", "/dossiers/" + lucas.Id + "/preconvention", url.Values{"hours": {long}},
			"Le champ « Horaires journaliers de l'élève » ne doit pas dépasser 2000 caractères."},
		{"period section", "/periodes/" + period.Id + "/preconvention", url.Values{"evaluation": {long}},
			"Le champ « Modalités d'évaluation » ne doit pas dépasser 2000 caractères."},
		{"attestation hours", "/dossiers/" + lucas.Id + "/attestation",
			url.Values{"hours": {"DÉBUT " + strings.Repeat("1", 40)}, "place": {"Rouen"}},
			"Le champ « Durée totale (en heures) » ne doit pas dépasser 40 caractères."},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := teacher.For(t).PostForm(c.path, c.form)
			require.Equal(t, http.StatusUnprocessableEntity, r.Status)
			require.Contains(t, r.Body, "Le formulaire contient des erreurs.")
			require.Contains(t, html.UnescapeString(r.Body), c.want)
			require.Contains(t, r.Body, "DÉBUT ", "what was typed comes back")
		})
	}
	require.Empty(t, a.MustPlacement(t, demoE31, "lucas.lambert").GetString("attestation_place"), "nothing saved")

	// Two teachers on one form: the second save was made on the first version.
	form := teacher.Get("/dossiers/" + lucas.Id + "/preconvention")
	require.Contains(t, form.Body, "<h1>Préparer la pré-convention</h1>", "the teacher's form")
	require.Contains(t, a.MustLogin(t, "lucas.lambert", demo.Password).Get("/dossiers/"+lucas.Id+"/preconvention").Body,
		"<h1>Pré-convention</h1>", "the student reads it")
	seen := seenRe.FindStringSubmatch(form.Body)[1]
	require.Equal(t, http.StatusSeeOther, teacher.PostForm("/dossiers/"+lucas.Id+"/preconvention",
		url.Values{"vu": {seen}, "hours": {"8 h – 17 h"}}).Status)
	r := teacher.PostForm("/dossiers/"+lucas.Id+"/preconvention", url.Values{"vu": {seen}, "hours": {"9 h – 16 h"}})
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "Ces informations ont été modifiées entre-temps")
	require.Contains(t, r.Body, "9 h – 16 h")

	locked := a.MustFind(t, "periods", "name", "PFMP 1 — 2de PMIA")
	r = teacher.PostForm("/periodes/"+locked.Id+"/preconvention", url.Values{"hours": {"8 h – 17 h"}})
	require.Equal(t, http.StatusConflict, r.Status)
	require.Contains(t, r.Body, "Période verrouillée")
	require.Empty(t, a.MustFind(t, "periods", "name", "PFMP 1 — 2de PMIA").GetString("preconv_hours"))
}
