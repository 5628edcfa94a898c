package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// validLiaisonCompany is a « Lieu de réalisation » form every check accepts.
func validLiaisonCompany() url.Values {
	return url.Values{
		"company_name":        {"Forges et Mécanique SARL"},
		"company_address":     {"8, rue des Forges"},
		"company_postal_code": {"75011"},
		"company_city":        {"Paris"},
		"company_sector":      {"Maintenance industrielle"},
		"company_phone":       {"01 43 55 66 77"},
		"company_siret":       {"732 829 320 00074"}, // a real key, typed with spaces as on invoices
		"tutor_last_name":     {"Durand"},
		"tutor_first_name":    {"Sophie"},
		"tutor_phone":         {"+33 6 12 34 56 78"},
		"tutor_email":         {"sophie.durand@forges.example"},
	}
}

// mustPlacement is a demo student's dossier for the 1re period.
func reload(t *testing.T, a *apptest.App, r *core.Record) *core.Record {
	t.Helper()
	fresh, err := a.PB.FindRecordById(r.Collection(), r.Id)
	require.NoError(t, err)
	return fresh
}

func liaisonPath(p *core.Record, rest string) string { return "/dossiers/" + p.Id + "/liaison" + rest }

func TestLiaisonStudentSavesTheCompany(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "adam.vincent")
	c := a.MustLogin(t, "adam.vincent", demo.Password)

	page := c.Get(liaisonPath(p, ""))
	require.Equal(t, http.StatusOK, page.Status)
	require.Contains(t, page.Body, `name="company_name"`, "the student gets the form")

	r := c.PostForm(liaisonPath(p, "/entreprise"), validLiaisonCompany())
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	require.Equal(t, liaisonPath(p, ""), r.Header.Get("Location"))

	saved := reload(t, a, p)
	for name, v := range validLiaisonCompany() {
		assert.Equal(t, v[0], saved.GetString(name), name)
	}
	assert.True(t, a.Clock.Now().Equal(saved.GetDateTime("liaison_edited").Time()), "stamped at the app's clock")

	after := c.Get(r.Header.Get("Location"))
	require.Contains(t, after.Body, "Fiche de liaison enregistrée.")
	require.Contains(t, after.Body, `value="Forges et Mécanique SARL"`)
	require.Contains(t, c.Get("/mes-periodes").Body, "Forges et Mécanique SARL", "the home page lists the company")
}

// TestLiaisonCompanyBeforeTheTutor: students record the host company first; the tutor comes
// when known (his name and address are needed only to send him a link).
func TestLiaisonCompanyBeforeTheTutor(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "adam.vincent")
	c := a.MustLogin(t, "adam.vincent", demo.Password)
	page := c.Get(liaisonPath(p, "")).Body
	require.Contains(t, page, `id="tutor-later"`)
	require.NotRegexp(t, `name="tutor_(last_name|first_name|email)"[^>]* required`, page, "not marked required")

	form := validLiaisonCompany()
	for _, f := range []string{"tutor_last_name", "tutor_first_name", "tutor_phone", "tutor_email"} {
		form.Del(f)
	}
	r := c.PostForm(liaisonPath(p, "/entreprise"), form)
	require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	saved := reload(t, a, p)
	require.Equal(t, "Forges et Mécanique SARL", saved.GetString("company_name"))
	require.Empty(t, saved.GetString("tutor_email"))

	form.Set("tutor_email", "pas-une-adresse")
	require.Equal(t, http.StatusUnprocessableEntity, c.PostForm(liaisonPath(p, "/entreprise"), form).Status,
		"what is typed is still checked")
}

func TestLiaisonRejectsAnInvalidCompanyAndKeepsWhatWasTyped(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "adam.vincent")
	c := a.MustLogin(t, "adam.vincent", demo.Password)

	cases := []struct{ field, value, message string }{
		{"company_postal_code", "7500", "Code postal invalide : 5 chiffres attendus."},
		{"tutor_email", "sophie.durand@", "Adresse e-mail invalide."},
		{"tutor_phone", "06 12 34", "Numéro de téléphone invalide"},
		{"company_phone", "00 33 1 43 55 66", "Numéro de téléphone invalide"},
		{"company_siret", "12345678901234", "SIRET invalide : la clé de contrôle ne correspond pas."},
		{"company_city", "", "Le champ « Ville » est obligatoire."},
		{"company_name", strings.Repeat("x", 151), "Le champ « Raison sociale » ne doit pas dépasser 150 caractères."},
	}
	for _, tc := range cases {
		t.Run(tc.field, func(t *testing.T) {
			form := validLiaisonCompany()
			form.Set(tc.field, tc.value)
			r := c.PostForm(liaisonPath(p, "/entreprise"), form)
			require.Equal(t, http.StatusUnprocessableEntity, r.Status)
			require.Contains(t, r.Body, `id="e-`+tc.field+`">`+tc.message, "the message sits next to its field")
			require.Contains(t, r.Body, `name="`+tc.field+`" type=`)
			require.Regexp(t, `name="`+tc.field+`"[^>]*aria-invalid="true" autofocus aria-describedby="e-`+tc.field+``, r.Body)
			require.Contains(t, r.Body, "Le formulaire contient des erreurs.")
			require.Contains(t, r.Body, `value="8, rue des Forges"`, "the other values are kept")
			if tc.value != "" && len(tc.value) < 50 {
				require.Contains(t, r.Body, `value="`+tc.value+`"`, "the wrong value is kept too")
			}
			saved := reload(t, a, p)
			require.Empty(t, saved.GetString("company_name"), "nothing is stored")
			require.True(t, saved.GetDateTime("liaison_edited").IsZero())
		})
	}
}

func TestLiaisonTeacherPersonalisesThenResets(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "manon.girard")
	period := a.MustFind(t, "periods", "id", p.GetString("period"))
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	student := a.MustLogin(t, "manon.girard", demo.Password)
	a3t5, a4t2 := a.MustFind(t, "tasks", "code", "A3T5"), a.MustFind(t, "tasks", "code", "A4T2")

	// Before: the annexe's objectives, read-only for the student, a form for the teacher.
	view := student.Get(liaisonPath(p, "?onglet=objectifs"))
	require.Equal(t, http.StatusOK, view.Status)
	require.Contains(t, view.Body, "Issus de l'annexe pédagogique")
	require.Contains(t, view.Body, "A1T1")
	require.NotContains(t, view.Body, "<textarea")
	require.NotContains(t, view.Body, `name="tasks"`)
	form := teacher.Get(liaisonPath(p, "?onglet=objectifs"))
	require.Contains(t, form.Body, `name="objectives"`)
	require.Regexp(t, `value="`+a.MustFind(t, "tasks", "code", "A1T1").Id+`" checked`, form.Body, "pre-checked with the annexe's tasks")
	require.NotContains(t, form.Body, "/liaison/reinitialiser", "nothing to reset yet")

	// An empty objective: 422, the ticked tasks still ticked, nothing stored.
	bad := teacher.PostForm(liaisonPath(p, "/objectifs"), url.Values{"objectives": {" "}, "tasks": {a3t5.Id, a4t2.Id}})
	require.Equal(t, http.StatusUnprocessableEntity, bad.Status)
	require.Contains(t, bad.Body, `id="e-objectives">Le champ « Objectifs de formation » est obligatoire.`)
	require.Contains(t, bad.Body, `value="`+a4t2.Id+`" checked`)
	require.NotContains(t, bad.Body, `value="`+a.MustFind(t, "tasks", "code", "A1T1").Id+`" checked`)
	require.False(t, reload(t, a, p).GetBool("custom_objectives"))

	// Personalised: stored on the placement, shown to the student.
	r := teacher.PostForm(liaisonPath(p, "/objectifs"), url.Values{
		"objectives": {"Conduire un diagnostic.\nProposer une amélioration."},
		"tasks":      {a4t2.Id, a3t5.Id, "pas-une-tache"}})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	require.Equal(t, liaisonPath(p, "?onglet=objectifs"), r.Header.Get("Location"))
	saved := reload(t, a, p)
	require.True(t, saved.GetBool("custom_objectives"))
	require.Equal(t, "Conduire un diagnostic.\nProposer une amélioration.", saved.GetString("objectives"))
	require.Equal(t, []string{a3t5.Id, a4t2.Id}, saved.GetStringSlice("tasks"), "référentiel order, unknown ids dropped")
	require.False(t, saved.GetDateTime("liaison_edited").IsZero())
	require.Contains(t, teacher.Get(r.Header.Get("Location")).Body, "Fiche de liaison enregistrée.")

	view = student.Get(liaisonPath(p, "?onglet=objectifs"))
	require.Contains(t, view.Body, "Personnalisé pour cet apprenant")
	require.Contains(t, view.Body, "<p>Conduire un diagnostic.</p>")
	require.Contains(t, view.Body, "A4T2")
	require.NotContains(t, view.Body, "A1T1", "the annexe's tasks are no longer listed")
	require.Contains(t, teacher.Get(liaisonPath(p, "?onglet=objectifs")).Body, "data-confirm=")

	// Reset: back to the period's values, the placement's own cleared.
	r = teacher.PostForm(liaisonPath(p, "/reinitialiser"), url.Values{})
	require.Equal(t, http.StatusSeeOther, r.Status, r.Body)
	saved = reload(t, a, p)
	require.False(t, saved.GetBool("custom_objectives"))
	require.Empty(t, saved.GetString("objectives"))
	require.Empty(t, saved.GetStringSlice("tasks"))
	view = student.Get(liaisonPath(p, "?onglet=objectifs"))
	require.Contains(t, view.Body, "Issus de l'annexe pédagogique")
	require.Contains(t, view.Body, "<p>"+period.GetString("objectives")+"</p>")
	require.Contains(t, view.Body, "A1T1")
}

func TestLiaisonAccess(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")
	tutor := a.MustRecord(t, "users", map[string]any{"role": "tutor", "username": "tuteur.lambert",
		"first_name": "Anne", "last_name": "Tutrice", "password": demo.Password})
	a.MustRecord(t, "tutor_access", map[string]any{"placement": lucas.Id, "tutor": tutor.Id,
		"expires": a.Clock.Now().Add(24 * time.Hour)})

	student := a.MustLogin(t, "lucas.lambert", demo.Password)
	require.Equal(t, http.StatusForbidden, student.PostForm(liaisonPath(lucas, "/objectifs"),
		url.Values{"objectives": {"Tout."}}).Status, "the student reads the objectives, never sets them")
	require.Equal(t, http.StatusForbidden, student.PostForm(liaisonPath(lucas, "/reinitialiser"), url.Values{}).Status)

	other := a.MustLogin(t, "manon.girard", demo.Password)
	require.Equal(t, http.StatusNotFound, other.Get(liaisonPath(lucas, "")).Status, "another student's fiche does not exist for her")

	for _, who := range []string{"julien.boisseau", "tuteur.lambert"} {
		c := a.MustLogin(t, who, demo.Password)
		for _, tab := range []string{"", "?onglet=objectifs"} {
			r := c.Get(liaisonPath(lucas, tab))
			require.Equal(t, http.StatusOK, r.Status, who+tab)
			main := r.Body[strings.Index(r.Body, `<main`):]
			for _, control := range []string{"<input", "<textarea", "<select", "<button", "<form"} {
				require.NotContains(t, main, control, "%s%s: read-only", who, tab)
			}
		}
		require.Contains(t, c.Get(liaisonPath(lucas, "")).Body, "Papeteries de la Seine", "the values are shown as text")
		r := c.PostForm(liaisonPath(lucas, "/entreprise"), validLiaisonCompany())
		require.Equal(t, http.StatusForbidden, r.Status, who)
		require.Equal(t, "Papeteries de la Seine", reload(t, a, lucas).GetString("company_name"))
	}
}

func TestLiaisonTabsAsHtmxFragments(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	c := a.MustLogin(t, "prof.martin", demo.Password)

	frag := c.Get(liaisonPath(p, "?onglet=objectifs"), "HX-Request", "true")
	require.Equal(t, http.StatusOK, frag.Status)
	require.True(t, strings.HasPrefix(strings.TrimSpace(frag.Body), `<div id="liaison">`), frag.Body[:80])
	require.NotContains(t, frag.Body, "<html")
	require.Contains(t, frag.Body, `aria-current="page">Objectifs et activités`)
	require.Contains(t, strings.Join(frag.Header.Values("Vary"), ","), "HX-Request")

	boosted := c.Get(liaisonPath(p, ""), "HX-Request", "true", "HX-Boosted", "true")
	require.Contains(t, boosted.Body, "<html", "a boosted navigation gets the whole page")
	require.Contains(t, boosted.Body, `aria-current="page">Lieu de réalisation`)
}
