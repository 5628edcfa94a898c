package web

// Portfolio tab 2, « Géolocaliser l'entreprise »: one marker on a Leaflet map
// (static/js/map.js). The student places it by clicking or dragging, or from the address
// through the national address service (called by the browser, never by the server); the
// position posts as an ordinary form (latitude, longitude), so it works without JavaScript.

import (
	"math"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	tabMap = "carte"
	// DefaultTileURL is OpenStreetMap's tile server (its usage policy suits a school's traffic;
	// a busy deployment sets its own with Config.TileURL).
	DefaultTileURL  = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
	tileAttribution = `&copy; <a href="https://www.openstreetmap.org/copyright">les contributeurs d'OpenStreetMap</a>`
	geocoderURL     = "https://api-adresse.data.gouv.fr/search/"
	mapSaved        = "Position de l'entreprise enregistrée."
)

// mapPosition is the marker, as the template needs it.
type mapPosition struct {
	Set      bool
	Lat, Lng string // for inputs and data attributes: "49.4431"
	Text     string // for people: "49,44310° N, 1,09930° E"
}

// storedPosition is the dossier's marker as stored (dossier.Placement.Position).
func storedPosition(d *openDossier) mapPosition { return positionOf(d.Placement.Position()) }

// positionOf is a marker for the template; an unplaced one is not shown.
func positionOf(lat, lng float64, placed bool) mapPosition {
	if !placed {
		return mapPosition{}
	}
	return mapPosition{Set: true, Lat: coord(lat), Lng: coord(lng), Text: coordText(lat, "N", "S") + ", " + coordText(lng, "E", "O")}
}

func coord(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func coordText(v float64, pos, neg string) string {
	side := pos
	if v < 0 {
		side, v = neg, -v
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', 5, 64), ".", ",", 1) + "° " + side
}

// mapView is the tab: the map, its marker and, for the student, the position's form.
type mapView struct {
	portfolioView
	Pos         mapPosition
	Address     string // the company's, to place the marker from
	Tiles       string
	Attribution string
	Geocoder    string
	Typed       map[string]string // a refused position, as typed
}

func (s *Server) mapData(d *openDossier, pos mapPosition) *mapView {
	p := d.Placement
	address := strings.TrimSpace(strings.Join(strings.Fields(p.GetString("company_address")+" "+
		p.GetString("company_postal_code")+" "+p.GetString("company_city")), " "))
	tiles := s.cfg.TileURL
	if tiles == "" {
		tiles = DefaultTileURL
	}
	return &mapView{Pos: pos, Address: address, Tiles: tiles, Attribution: tileAttribution, Geocoder: geocoderURL}
}

func loadMapTab(s *Server, _ *fiber.Ctx, d *openDossier) (tabView, error) {
	return s.mapData(d, storedPosition(d)), nil
}

// portfolioMapSave stores the marker's position.
func (s *Server) portfolioMapSave(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	v := formValues(c, "lat", "lng")
	lat, lng, err := parsePosition(v["lat"], v["lng"])
	if err != nil {
		data := s.mapData(d, storedPosition(d))
		data.Typed = v // what was typed, not the stored position
		return s.answerPortfolioTab(c, tabMap, "portfolio/carte-form", d, data, err)
	}
	p, err := s.store.UpdatePlacement(d.ID(), dossier.PlacementEdit{Values: dossier.Fields{"lat": lat, "lng": lng}})
	if err != nil {
		return err
	}
	d.Placement = p
	data := s.mapData(d, positionOf(lat, lng, true))
	data.Saved = mapSaved
	return s.answerPortfolioTab(c, tabMap, "portfolio/carte-form", d, data, nil)
}

// parsePosition reads a latitude and a longitude in degrees ("49,4431" as typed in French
// works too), rounded to 6 decimals (about 10 cm).
func parsePosition(latS, lngS string) (lat, lng float64, err error) {
	errs := pfmp.FieldErrors{}
	lat, e := parseDegrees(latS, "Latitude", 90)
	errs.Add("lat", e)
	lng, e = parseDegrees(lngS, "Longitude", 180)
	errs.Add("lng", e)
	if err := errs.Err(); err != nil {
		return 0, 0, err
	}
	if !pfmp.Placed(lat, lng) {
		return 0, 0, pfmp.Invalid("Le formulaire contient des erreurs.",
			map[string]string{"lat": "Placez le marqueur sur l'entreprise : la position 0, 0 est en plein océan."})
	}
	return lat, lng, nil
}

func parseDegrees(s, label string, limit float64) (float64, error) {
	s = strings.Replace(strings.TrimSpace(s), ",", ".", 1)
	if s == "" {
		return 0, pfmp.Invalid("Le champ « "+label+" » est obligatoire : cliquez sur la carte pour placer le marqueur.", nil)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, pfmp.Invalid("« "+label+" » : un nombre en degrés décimaux est attendu (par exemple 49,4431).", nil)
	}
	if v < -limit || v > limit {
		return 0, pfmp.Invalid("« "+label+" » doit être comprise entre -"+coord(limit)+" et "+coord(limit)+" degrés.", nil)
	}
	return math.Round(v*1e6) / 1e6, nil
}
