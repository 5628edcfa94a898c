package web

import (
	"encoding/json"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// « Présenter les activités hebdomadaires »: one journal page per week of the period, the
// week's activities and the student's self-assessment. A week is saved on its own (upsert by
// placement and week), carrying the version it was loaded at: a newer stored version answers
// 409 with what the student typed, and nothing is overwritten.

// maxPortfolioText bounds each long text of the portfolio (a week's fields, a report's).
const maxPortfolioText = 5000

// textField is one text input of a portfolio form: its name, its French label, its limit.
type textField struct {
	Name, Label string
	Max         int
}

var weekFields = []textField{
	{"activities", "Mes activités de la semaine", maxPortfolioText},
	{"liked", "Ce que j'ai aimé", maxPortfolioText},
	{"succeeded", "Ce que j'ai réussi", maxPortfolioText},
}

// journalWeek is one week of the period with its journal page, if written.
type journalWeek struct {
	Number  int
	Label   string
	Values  map[string]string
	Version int
	Written bool
}

// journalView is the tab: the chosen week's page, the slider over the period's weeks.
type journalView struct {
	portfolioView
	Weeks      []string // the weeks' labels
	LabelsJSON string   // the same, for the slider's script
	Week       journalWeek
	Written    int // weeks holding some text
	Fields     []textField
	Prev, Next int
	PanelOnly  bool        // only #week-panel, for the slider and the previous/next buttons
	Conflict   string      // a save overtaken by a newer version (409)…
	Typed      []typedText // …and what the student had typed, to copy
}

// weekStatusView is the status line of a week's save (htmx): saved, or why not.
type weekStatusView struct {
	Saved   string // the time of the save
	Version int
	Written int
	Error   string
	Errors  map[string]string
	Typed   []typedText
	Fields  []textField
	Reload  string
}

// journalTab shows the week asked for (?semaine=N). By default the student lands on the week
// under way, where he writes; readers, and everyone outside the period, on the first week, as
// the manual does. An htmx request aimed at #week-panel (slider, previous/next) gets only that panel.
func journalTab(s *Server, c *fiber.Ctx, d *openDossier) (tabView, error) {
	weeks := d.Period.Weeks()
	first := 1
	if w, ok := pfmp.WeekOf(weeks, pfmp.DateOnly(s.cfg.Now())); ok && pfmp.IsOwner(actorOf(c), d.Access) {
		first = w.Index
	}
	data, err := s.journalData(d, weeks, c.QueryInt("semaine", first))
	if err != nil {
		return nil, err
	}
	c.Vary("HX-Target")
	data.PanelOnly = isFragment(c) && c.Get("HX-Target") == "week-panel"
	return data, nil
}

// journalData is the tab's data for week n (clamped to the period).
func (s *Server) journalData(d *openDossier, weeks []pfmp.Week, n int) (*journalView, error) {
	n = max(1, min(n, len(weeks)))
	byMonday, err := s.store.Weeks(d.ID())
	if err != nil {
		return nil, err
	}
	var week journalWeek
	for _, w := range weeks {
		rec := byMonday[dossier.MondayOf(w.Start)]
		if w.Index == n {
			week = journalWeek{Number: n, Label: w.Label(), Values: map[string]string{}, Written: rec != nil}
			if rec != nil {
				week.Version = rec.Version()
				for _, f := range weekFields {
					week.Values[f.Name] = rec.GetString(f.Name)
				}
			}
		}
	}
	labels := make([]string, len(weeks))
	for i, w := range weeks {
		labels[i] = w.Label()
	}
	labelsJSON, _ := json.Marshal(labels)
	return &journalView{Weeks: labels, LabelsJSON: string(labelsJSON), Week: week, Written: writtenWeeks(weeks, byMonday),
		Fields: weekFields, Prev: n - 1, Next: n + 1}, nil
}

// writtenWeeks counts the period's weeks whose journal page holds some text.
func writtenWeeks(weeks []pfmp.Week, byMonday map[time.Time]*dossier.Week) int {
	n := 0
	for _, w := range weeks {
		if rec := byMonday[dossier.MondayOf(w.Start)]; rec != nil && rec.HasText() {
			n++
		}
	}
	return n
}

// weekSave stores one week (POST /dossiers/:id/portfolio/semaines/:n). To htmx it answers a
// status line, and out of band the new version and the count of written weeks (the one just
// saved counts), leaving the text areas and the focus alone.
func (s *Server) weekSave(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	weeks := d.Period.Weeks()
	n, err := strconv.Atoi(c.Params("n"))
	if err != nil || n < 1 || n > len(weeks) {
		return pfmp.NotFound("Cette semaine ne fait pas partie de la période.")
	}
	in := formValues(c, fieldNames(weekFields)...)
	version, _ := strconv.Atoi(c.FormValue("version"))
	if err := checkTexts(in, weekFields); err != nil {
		return s.weekFailed(c, d, weeks, n, in, version, err)
	}
	rec, err := s.store.SaveWeek(d.ID(), weeks[n-1].Start, version, in)
	if err != nil {
		return s.weekFailed(c, d, weeks, n, in, version, err)
	}
	if isFragment(c) {
		byMonday, err := s.store.Weeks(d.ID())
		if err != nil {
			return err
		}
		return s.fragment(c, fiber.StatusOK, "portfolio/semaines-status", &weekStatusView{
			Saved: pfmp.FormatClock(s.cfg.Now()), Version: rec.Version(), Written: writtenWeeks(weeks, byMonday)})
	}
	s.flash(c, "Semaine enregistrée.")
	return c.Redirect(weekURL(d, n), fiber.StatusSeeOther)
}

func weekURL(d *openDossier, n int) string {
	return "/dossiers/" + d.Placement.Id + "/portfolio/semaines?semaine=" + strconv.Itoa(n)
}

// weekFailed answers a refused save: to htmx, the status line with the message (and, on a
// conflict, the text typed); otherwise the tab again, with what was typed (422) or with the
// stored version and what was typed beside it (409).
func (s *Server) weekFailed(c *fiber.Ctx, d *openDossier, weeks []pfmp.Week, n int, in map[string]string, version int, err error) error {
	status := statusOf(err)
	if status != fiber.StatusUnprocessableEntity && status != fiber.StatusConflict {
		return err
	}
	var typed []typedText
	if status == fiber.StatusConflict {
		typed = typedTexts(weekFields, in)
	}
	if isFragment(c) {
		return s.fragment(c, status, "portfolio/semaines-status", &weekStatusView{
			Error: pfmp.Message(err), Errors: pfmp.FieldsOf(err), Typed: typed, Fields: weekFields,
			Reload: weekURL(d, n)})
	}
	data, derr := s.journalData(d, weeks, n)
	if derr != nil {
		return derr
	}
	if status == fiber.StatusUnprocessableEntity {
		data.Week.Values, data.Week.Version = in, version
	}
	data.Dossier, data.Errors = d, pfmp.FieldsOf(err)
	if status == fiber.StatusConflict {
		data.Conflict, data.Typed = pfmp.Message(err), typed
	} else {
		data.Error = pfmp.Message(err)
	}
	return s.portfolioPage(c, status, "semaines", "portfolio/semaines", "", data)
}

// typedText is one field of what the student typed, shown back after a conflict.
type typedText struct{ Label, Value string }

func typedTexts(fields []textField, in map[string]string) []typedText {
	var out []typedText
	for _, f := range fields {
		if v := in[f.Name]; v != "" {
			out = append(out, typedText{f.Label, v})
		}
	}
	return out
}

func fieldNames(fields []textField) []string {
	out := make([]string, len(fields))
	for i, f := range fields {
		out[i] = f.Name
	}
	return out
}

// checkTexts applies each field's length limit.
func checkTexts(in map[string]string, fields []textField) error {
	fe := pfmp.FieldErrors{}
	for _, f := range fields {
		fe.Add(f.Name, pfmp.MaxLen(in[f.Name], f.Max, f.Label))
	}
	return fe.Err()
}
