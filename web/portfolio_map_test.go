package web_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestMapTabStudentPlacesTheMarker(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	adam := f.login(t, "adam.vincent")
	path := "/dossiers/" + f.adam.Id + "/portfolio/carte"

	page := adam.Get(path)
	require.Equal(t, http.StatusOK, page.Status)
	tab := portfolioTabSection(t, page.Body)
	require.Contains(t, tab, `data-editable`)
	require.Contains(t, tab, `data-lat=""`, "not placed yet")
	require.Contains(t, tab, `data-tiles="https://tile.openstreetmap.org/{z}/{x}/{y}.png"`)
	require.Contains(t, tab, "les contributeurs d&#39;OpenStreetMap")
	require.Contains(t, tab, `data-geocoder="https://api-adresse.data.gouv.fr/search/"`)
	require.Contains(t, tab, `/static/js/map.js`)
	require.Contains(t, tab, "pas encore placée sur la carte")

	// htmx, with a French decimal comma.
	r := adam.PostForm(path, url.Values{"lat": {"49,4431"}, "lng": {"1.0993"}}, hxFrag...)
	require.Equal(t, http.StatusOK, r.Status, r.Body)
	require.Contains(t, r.Body, "Position de l&#39;entreprise enregistrée.")
	require.Contains(t, r.Body, "49,44310° N, 1,09930° E")
	p := f.placement(t, f.adam)
	require.InDelta(t, 49.4431, p.GetFloat("lat"), 1e-9)
	require.InDelta(t, 1.0993, p.GetFloat("lng"), 1e-9)
	require.NotEmpty(t, p.GetString("portfolio_edited"))

	// A plain form (no JavaScript): redirect and flash; west of Greenwich is « O ».
	r = adam.PostForm(path, url.Values{"lat": {"48.117266"}, "lng": {"-1.6777926"}})
	require.Equal(t, http.StatusSeeOther, r.Status)
	require.Equal(t, path, r.Header.Get("Location"))
	page = adam.Get(path)
	require.Contains(t, page.Body, "Position de l&#39;entreprise enregistrée.")
	require.Contains(t, page.Body, `data-lat="48.117266" data-lng="-1.677793"`, "rounded to 6 decimals")
	require.Contains(t, page.Body, "48,11727° N, 1,67779° O")
}

func TestMapTabRefusesInvalidPositions(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, lat, lng, field, msg string
	}{
		{"latitude missing", "", "1.09", "lat", "« Latitude » est obligatoire"},
		{"longitude missing", "49.44", "", "lng", "« Longitude » est obligatoire"},
		{"latitude beyond the pole", "95", "1.09", "lat", "« Latitude » doit être comprise entre -90 et 90 degrés."},
		{"longitude out of range", "49.44", "-181", "lng", "« Longitude » doit être comprise entre -180 et 180 degrés."},
		{"not a number", "nord", "1.09", "lat", "un nombre en degrés décimaux est attendu"},
		{"not finite", "NaN", "1.09", "lat", "un nombre en degrés décimaux est attendu"},
		{"zero zero", "0", "0", "lat", "en plein océan"},
	}
	f := mustPF(t)
	manon := f.login(t, "manon.girard")
	path := "/dossiers/" + f.manon.Id + "/portfolio/carte"
	before := f.placement(t, f.manon)
	for _, c := range cases {
		for _, headers := range [][]string{hxFrag, nil} {
			t.Run(c.name, func(t *testing.T) {
				r := manon.PostForm(path, url.Values{"lat": {c.lat}, "lng": {c.lng}}, headers...)
				require.Equal(t, http.StatusUnprocessableEntity, r.Status)
				require.Contains(t, r.Body, `id="e-`+c.field+`"`)
				require.Contains(t, r.Body, c.msg)
				if c.lat != "" {
					require.Contains(t, r.Body, `value="`+c.lat+`"`, "what was typed is kept")
				}
				require.Contains(t, r.Body, "<details class=\"coords-details\" open>", "the typed fields are shown")
				p := f.placement(t, f.manon)
				require.Equal(t, before.GetFloat("lat"), p.GetFloat("lat"), "nothing stored")
				require.Equal(t, before.GetFloat("lng"), p.GetFloat("lng"))
			})
		}
	}
}

func TestMapTabReadersSeeTheMarkerOnly(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	for _, who := range []string{"prof.martin", "julien.boisseau"} {
		t.Run(who, func(t *testing.T) {
			cl := f.login(t, who)
			page := cl.Get("/dossiers/" + f.lucas.Id + "/portfolio/carte")
			require.Equal(t, http.StatusOK, page.Status)
			tab := portfolioTabSection(t, page.Body)
			require.Contains(t, tab, `data-lat="49.43" data-lng="1.08"`)
			require.Contains(t, tab, "49,43000° N, 1,08000° E", "the position is also written")
			require.NotContains(t, tab, "data-editable")
			for _, control := range []string{"<input", "<button", "<form", "data-geocoder"} {
				require.NotContains(t, tab, control)
			}

			before := f.placement(t, f.lucas).GetFloat("lat")
			r := cl.PostForm("/dossiers/"+f.lucas.Id+"/portfolio/carte", url.Values{"lat": {"45"}, "lng": {"2"}})
			require.Equal(t, http.StatusForbidden, r.Status)
			require.Equal(t, before, f.placement(t, f.lucas).GetFloat("lat"))
		})
	}
	other := f.login(t, "adam.vincent").PostForm("/dossiers/"+f.lucas.Id+"/portfolio/carte", url.Values{"lat": {"45"}, "lng": {"2"}})
	require.Equal(t, http.StatusNotFound, other.Status)
}
