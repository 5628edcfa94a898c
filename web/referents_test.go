package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// A dossier's referent is the period's author until a teacher chooses others in the student
// tab; « Mes élèves » then shows each teacher his own; the tutor's home names them.
func TestReferentsAndMyStudents(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	period := a.MustFind(t, "periods", "name", demoE31)
	manon := a.MustPlacement(t, demoE31, "manon.girard")
	benali := a.MustFind(t, "users", "username", "prof.benali")
	martin := a.MustLogin(t, "prof.martin", demo.Password)
	tab := "/periodes/" + period.Id + "/modifier?onglet=apprenants"
	view := "/periodes?niveau=1re&periode=" + period.Id

	require.Contains(t, martin.Get(tab).Body, "Référents : Claire MARTIN", "the period's author by default")
	mine := element(t, martin.Get(view+"&mes=1").Body, `id="student-list"`)
	require.Contains(t, mine, "Manon GIRARD")

	save := "/periodes/" + period.Id + "/apprenants/" + manon.Id + "/referents"
	r := martin.PostForm(save, url.Values{})
	require.Equal(t, http.StatusUnprocessableEntity, r.Status)
	require.Contains(t, r.Body, "Choisissez au moins un professeur référent.")
	r = martin.PostForm(save, url.Values{"referents": {benali.Id}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Contains(t, martin.Get(r.Header.Get("Location")).Body, "Professeurs référents enregistrés pour Manon GIRARD.")

	mine = element(t, martin.Get(view+"&mes=1").Body, `id="student-list"`)
	require.NotContains(t, mine, "Manon GIRARD", "no longer hers")
	require.Contains(t, mine, "Sarah BONNET")
	require.Contains(t, element(t, martin.Get(view).Body, `id="student-list"`), "Manon GIRARD", "« Tous les élèves » still lists her")
	benaliView := a.MustLogin(t, "prof.benali", demo.Password).Get(view + "&mes=1").Body
	require.Contains(t, element(t, benaliView, `id="student-list"`), "Manon GIRARD")
	require.NotContains(t, element(t, benaliView, `id="student-list"`), "Sarah BONNET")

	tutor := a.MustOpenLink(t, a.MustTutorGrant(t, "anne@usine.example", manon.Id))
	home := tutor.Get("/mes-apprenants").Body
	require.Contains(t, home, "Professeur référent : Karim BENALI")
	require.Contains(t, home, "prof.benali@demo.livret.fr")
	require.Contains(t, home, "Accès valable jusqu'au lundi 7 septembre 2026.")

	other := a.MustFind(t, "periods", "name", "PFMP 2 — 2de PMIA")
	require.Equal(t, http.StatusNotFound, martin.PostForm("/periodes/"+other.Id+"/apprenants/"+manon.Id+"/referents",
		url.Values{"referents": {benali.Id}}).Status, "the dossier is not on that period")
}

// A master sees every dossier of the apprentices linked to him, with no expiry, and nothing
// once the administrator unlinks them.
func TestMasterSeesHisApprenticesWithoutExpiry(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	lucas := a.MustPlacement(t, demoE31, "lucas.lambert")
	master := a.MustLogin(t, "julien.boisseau", demo.Password)
	require.Contains(t, master.Get("/mes-apprenants").Body, "Lucas LAMBERT")

	a.Clock.Set(apptest.DefaultNow.AddDate(2, 0, 0))
	require.Equal(t, http.StatusOK, master.Get("/dossiers/"+lucas.Id).Status, "no 180-day limit")

	apprentice := a.MustFind(t, "users", "username", "lucas.lambert")
	apprentice.Set("master", "")
	require.NoError(t, a.PB.Save(apprentice)) // as the administrator does in the dashboard
	require.Equal(t, http.StatusNotFound, master.Get("/dossiers/"+lucas.Id).Status)
	require.NotContains(t, master.Get("/mes-apprenants").Body, "Lucas LAMBERT")
}
