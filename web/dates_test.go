package web_test

import (
	"html"
	"io/fs"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/pfmp"
	"livret/views"
)

// dateField is one date input of one form, and how to post that form valid but for it.
type dateField struct {
	input    string // "<template> <name>": where the input is
	route    string // the form's route, for failure messages
	valid    string // a date the form accepts in this field
	optional bool   // empty is accepted too
	post     func(d *dateForms, field, value string) *apptest.Response
	state    func(d *dateForms) string // what a refused form must not change
}

// dateForms is the demo school with a teacher and a student logged in.
type dateForms struct {
	t       *testing.T
	f       *pf
	annexe  string
	period  string
	periodF url.Values // the period's stored information, as its form shows it
	planned string     // a checkpoint planned for June, its teacher's to change
}

func (d *dateForms) with(base url.Values, field, value string) url.Values {
	form := url.Values{}
	for k, v := range base {
		form[k] = v
	}
	form.Set(field, value)
	return form
}

func (d *dateForms) records(col string) string {
	n, err := d.f.a.PB.CountRecords(col)
	require.NoError(d.t, err)
	return strconv.FormatInt(n, 10) + " " + col
}

// dateFields lists every date input of every form: a new one without a row fails
// TestEveryDateFieldHasARow.
var dateFields = []dateField{
	periodCreate("start", "2026-05-04", false), periodCreate("end", "2026-05-29", false),
	periodCreate("review_date", "2026-05-28", true),
	periodEdit("start", "", false), periodEdit("end", "", false), periodEdit("review_date", "", true),
	{input: "checkpoints/index date", route: "POST /bilans-intermediaires", valid: "2020-01-01",
		post: func(d *dateForms, field, value string) *apptest.Response {
			student := d.f.a.MustFind(d.t, "users", "username", "lucas.lambert").Id
			return d.f.teacher.PostForm("/bilans-intermediaires", url.Values{"target": {"eleve:" + student},
				"label": {"Bilan"}, field: {value}})
		},
		state: func(d *dateForms) string { return d.records("checkpoints") }},
	{input: "reviews/etablissement date", route: "POST /evaluations-etablissement", valid: "2026-03-02",
		post: func(d *dateForms, field, value string) *apptest.Response {
			return d.f.teacher.PostForm("/evaluations-etablissement", url.Values{"target": {"eleve:" + d.f.lucas.GetString("student")},
				"competence": {d.f.a.MustFind(d.t, "competences", "code", "C2.1").Id}, "level": {"3"}, field: {value}})
		},
		state: func(d *dateForms) string { return d.records("school_evaluations") }},
	{input: "checkpoints/edit date", route: "POST /bilans-intermediaires/:id/modifier", valid: "2026-06-12",
		post: func(d *dateForms, field, value string) *apptest.Response {
			return d.f.teacher.PostForm("/bilans-intermediaires/"+d.planned+"/modifier", url.Values{"label": {"Bilan"}, field: {value}})
		},
		state: func(d *dateForms) string {
			return d.f.a.MustFind(d.t, "checkpoints", "id", d.planned).GetString("date")
		}},
	{input: "portfolio/intervention_form wo_date", route: "POST /dossiers/:id/portfolio/activites", valid: "2026-03-10",
		optional: true,
		post: func(d *dateForms, field, value string) *apptest.Response {
			return d.f.owner.PostForm(portfolioPath(d.f.lucas, "activites"), url.Values{"title": {"Vidange"}, field: {value}})
		},
		state: func(d *dateForms) string { return d.records("interventions") }},
}

func periodCreate(field, valid string, optional bool) dateField {
	return dateField{input: "periods/new " + field, route: "POST /annexes/:id/periode", valid: valid, optional: optional,
		post: func(d *dateForms, field, value string) *apptest.Response {
			base := url.Values{"name": {"PFMP de mai"}, "kind": {"P2"}, "start": {"2026-05-04"}, "end": {"2026-05-29"}}
			return d.f.teacher.PostForm("/annexes/"+d.annexe+"/periode", d.with(base, field, value))
		},
		state: func(d *dateForms) string { return d.records("periods") }}
}

// periodEdit posts the information tab; valid "" keeps the stored date.
func periodEdit(field, valid string, optional bool) dateField {
	return dateField{input: "periods/new " + field, route: "POST /periodes/:id/modifier/:tab", valid: valid, optional: optional,
		post: func(d *dateForms, field, value string) *apptest.Response {
			if value == "" && !optional {
				value = d.periodF.Get(field)
			}
			return d.f.teacher.PostForm("/periodes/"+d.period+"/modifier/informations", d.with(d.periodF, field, value))
		},
		state: func(d *dateForms) string {
			p := d.f.a.MustFind(d.t, "periods", "id", d.period)
			return p.GetString("start") + " " + p.GetString("end") + " " + p.GetString("review_date")
		}}
}

// badDates are typos and probes: outside the school range, or no date at all.
var badDates = []string{"0001-01-01", "9999-12-31", "1899-12-31", "2100-01-01", "01/01/0001", "31/02/2026", "3/3/26"}

// TestOutOfRangeDatesAreRefusedOnEveryDateField: a French message next to the field, the
// form shown again with what was typed, nothing stored; never a 500, never silently dropped.
func TestOutOfRangeDatesAreRefusedOnEveryDateField(t *testing.T) {
	t.Parallel()
	f := mustPF(t)
	period := f.a.MustFind(t, "periods", "name", demoE31)
	d := &dateForms{t: t, f: f, annexe: f.a.MustFind(t, "annexes", "level", "1re").Id, period: period.Id,
		periodF: url.Values{"name": {period.GetString("name")}, "kind": {period.GetString("kind")},
			"start":       {pfmp.ISODate(period.GetDateTime("start").Time())},
			"end":         {pfmp.ISODate(period.GetDateTime("end").Time())},
			"review_date": {pfmp.ISODate(period.GetDateTime("review_date").Time())}},
		planned: f.a.MustRecord(t, "checkpoints", map[string]any{"student": f.lucas.GetString("student"), "date": "2026-06-12"}).Id}
	for _, row := range dateFields {
		field := strings.Fields(row.input)[1]
		t.Run(row.route+" "+field, func(t *testing.T) {
			d.t = t
			for _, bad := range badDates {
				before := row.state(d)
				r := row.post(d, field, bad)
				require.Equal(t, http.StatusUnprocessableEntity, r.Status, "%s = %q", field, bad)
				require.Contains(t, r.Body, `id="e-`+field+`"`, "the message sits next to the field")
				require.Contains(t, html.UnescapeString(r.Body), "Date invalide", bad)
				require.Contains(t, html.UnescapeString(r.Body), `value="`+bad+`"`, "what was typed is shown again")
				require.Equal(t, before, row.state(d), "nothing stored for %q", bad)
			}
			valid := []string{row.valid}
			if row.optional {
				valid = append(valid, "")
			}
			for _, v := range valid {
				r := row.post(d, field, v)
				require.Equal(t, http.StatusSeeOther, r.Status, "%s = %q: %s", field, v, alertOf(r.Body))
			}
		})
	}
}

// dateInputs finds the date inputs of the templates: the field partial's and plain inputs.
var dateInputs = []*regexp.Regexp{
	regexp.MustCompile(`"Name" "([a-z_]+)"[^}]*"Type" "date"`),
	regexp.MustCompile(`"Type" "date"[^}]*"Name" "([a-z_]+)"`),
	regexp.MustCompile(`<input[^>]*type="date"[^>]*name="([a-z_]+)"`),
	regexp.MustCompile(`<input[^>]*name="([a-z_]+)"[^>]*type="date"`),
}

func TestEveryDateFieldHasARow(t *testing.T) {
	t.Parallel()
	rows := map[string]bool{}
	for _, row := range dateFields {
		rows[row.input] = true
	}
	found := 0
	require.NoError(t, fs.WalkDir(views.FS, ".", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := fs.ReadFile(views.FS, path)
		if err != nil {
			return err
		}
		for _, re := range dateInputs {
			for _, m := range re.FindAllStringSubmatch(string(b), -1) {
				found++
				input := strings.TrimSuffix(path, ".html") + " " + m[1]
				require.True(t, rows[input], "date input %s has no row in dateFields", input)
			}
		}
		return nil
	}))
	require.GreaterOrEqual(t, found, 5)
}
