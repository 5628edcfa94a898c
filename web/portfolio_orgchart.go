package web

// Portfolio tab 3, « Construire l'organigramme »: the company's chart (pfmp.OrgChart, stored
// as JSON in placements.org_chart), drawn for everyone as nested lists styled as a chart. The
// student edits it with small forms, one operation each (op = add | rename | move | delete),
// which work without JavaScript and are swapped in place by htmx.

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
	"livret/pfmp"
)

const tabOrgChart = "organigramme"

// orgOps are the editor's operations, with the form fields each one posts (prefixed by the
// operation, so every field of the page has its own id) and its success message.
var orgOps = map[string]struct {
	fields []string
	done   string
}{
	"add":    {[]string{"add_parent", "add_name", "add_role"}, "Élément ajouté à l'organigramme."},
	"rename": {[]string{"rename_node", "rename_name", "rename_role"}, "Élément modifié."},
	"move":   {[]string{"move_node", "move_parent"}, "Élément déplacé."},
	"delete": {[]string{"delete_node"}, "Élément supprimé de l'organigramme."},
}

// orgOption is a node in a select: indented by depth, so the tree shows in the list.
type orgOption struct {
	ID, Label, Name, Role string
}

// orgChartView is the tab: the chart and, for the student, its editor.
type orgChartView struct {
	portfolioView
	Chart      *pfmp.OrgChart
	ChartError string // the stored chart was unreadable
	Options    []orgOption
	Values     map[string]string // the editor's fields: a refused operation's as typed
	Full       bool
	Max        int
}

func loadOrgChartTab(_ *Server, _ *fiber.Ctx, d *openDossier) (tabView, error) {
	chart, err := storedOrgChart(d.Placement.Record)
	data := orgChartData(chart, "", nil)
	if err != nil {
		data.ChartError = pfmp.Message(err) + " Il repart de zéro à la prochaine modification."
	}
	return data, nil
}

// storedOrgChart reads the placement's chart; an unreadable one comes back empty, with why.
func storedOrgChart(p *core.Record) (*pfmp.OrgChart, error) {
	return pfmp.ParseOrgChart([]byte(p.GetString("org_chart")))
}

// orgChartData is what the chart and its editor need. op and typed keep the form that failed.
func orgChartData(chart *pfmp.OrgChart, op string, typed map[string]string) *orgChartView {
	entries := chart.Entries()
	options := make([]orgOption, len(entries))
	for i, e := range entries {
		label := e.Node.Name
		if e.Node.Role != "" {
			label += " — " + e.Node.Role
		}
		options[i] = orgOption{ID: e.Node.ID, Label: strings.Repeat("\u00a0\u00a0", e.Depth-1) + label,
			Name: e.Node.Name, Role: e.Node.Role}
	}
	v := map[string]string{}
	for k, val := range typed {
		v[k] = val
	}
	if op != "rename" && len(options) > 0 { // the rename form shows the first node's current text
		v["rename_node"], v["rename_name"], v["rename_role"] = options[0].ID, options[0].Name, options[0].Role
	}
	return &orgChartView{Chart: chart, Options: options, Values: v, Full: len(entries) >= pfmp.OrgMaxNodes, Max: pfmp.OrgMaxNodes}
}

// portfolioOrgChartSave applies one operation to the chart, read and written in one
// transaction so two open tabs cannot lose each other's changes.
func (s *Server) portfolioOrgChartSave(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	op := c.FormValue("op")
	spec, ok := orgOps[op]
	if !ok {
		chart, _ := storedOrgChart(d.Placement.Record)
		return s.answerPortfolioTab(c, tabOrgChart, "portfolio/organigramme-body", d, orgChartData(chart, "", nil),
			pfmp.Invalid("Opération inconnue sur l'organigramme : rechargez la page.", nil))
	}
	v := formValues(c, spec.fields...)
	var chart *pfmp.OrgChart
	p, err := s.store.ChangePlacement(d.ID(), func(stored *dossier.Placement) (dossier.Fields, error) {
		chart, _ = storedOrgChart(stored.Record) // an unreadable chart starts again from empty
		if err := applyOrgOp(chart, op, v); err != nil {
			return nil, err
		}
		return dossier.Fields{"org_chart": string(chart.JSON())}, nil
	})
	if p != nil {
		d.Placement = p
	}
	if err != nil {
		if statusOf(err) == fiber.StatusUnprocessableEntity {
			chart, _ = storedOrgChart(d.Placement.Record) // the stored chart, not the half-changed one
			data := orgChartData(chart, op, v)
			err = prefixFields(err, op)
			return s.answerPortfolioTab(c, tabOrgChart, "portfolio/organigramme-body", d, data, err)
		}
		return err
	}
	data := orgChartData(chart, "", nil)
	data.Saved = spec.done
	if op == "add" { // the next box most often goes under the same one
		data.Values["add_parent"] = v["add_parent"]
	}
	return s.answerPortfolioTab(c, tabOrgChart, "portfolio/organigramme-body", d, data, nil)
}

func applyOrgOp(chart *pfmp.OrgChart, op string, v map[string]string) error {
	switch op {
	case "add":
		_, err := chart.Add(v["add_parent"], v["add_name"], v["add_role"])
		return err
	case "rename":
		return chart.Rename(v["rename_node"], v["rename_name"], v["rename_role"])
	case "move":
		return chart.Move(v["move_node"], v["move_parent"])
	default:
		return chart.Delete(v["delete_node"])
	}
}

// prefixFields names the fields of an invalid-input error after the operation's form
// ("name" of op "add" is the field "add_name").
func prefixFields(err error, op string) error {
	fe := pfmp.FieldsOf(err)
	if fe == nil {
		return err
	}
	out := make(map[string]string, len(fe))
	for k, msg := range fe {
		out[op+"_"+k] = msg
	}
	return pfmp.Invalid(pfmp.Message(err), out)
}
