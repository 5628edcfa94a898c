package web

import (
	"fmt"
	"io/fs"
	"reflect"
	"strings"
	"testing"
	"text/template/parse"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/views"
)

// A template reads its view's fields by name, checked only when the branch that reads them
// runs: a misspelt or forgotten field fails a page at run time, on the one path no test took.
// This walks every branch of each page's template against its view's type.
func TestEveryTemplateReadsOnlyFieldsOfItsView(t *testing.T) {
	t.Parallel()
	trees := parseViews(t)
	for _, v := range []struct {
		template string
		view     any
	}{
		{"layouts/base", layoutView{}}, {"errors/error", errorView{}}, {"errors/message", errorView{}},
		{"portfolio/page", portfolioShell{}}, {"portfolio/semaines", journalView{}},
		{"portfolio/semaines-status", weekStatusView{}}, {"portfolio/activites", interventionsView{}},
		{"portfolio/activites-card", reportCardView{}}, {"portfolio/activites-show", interventionView{}},
		{"portfolio/intervention_form", interventionFormView{}}, {"portfolio/annexes", attachmentsView{}},
		{"portfolio/commentaires", commentsView{}}, {"portfolio/commentaires-body", commentsView{}},
		{"portfolio/entreprise", companyTabView{}}, {"portfolio/entreprise-form", companyTabView{}},
		{"portfolio/carte", mapView{}}, {"portfolio/carte-form", mapView{}},
		{"portfolio/organigramme", orgChartView{}}, {"portfolio/organigramme-body", orgChartView{}},
		{"reviews/entreprise", companyReviewView{}}, {"company/saved", companySavedView{}},
		{"reviews/attitudes", attitudesView{}}, {"reviews/personnel", selfReviewView{}},
		{"reviews/etablissement", schoolEvaluationsView{}}, {"reviews/certificatives", certificativesView{}},
		{"reviews/mine", myEvaluationsView{}}, {"liaison/page", liaisonView{}}, {"liaison/panel", liaisonView{}},
		{"preconvention/page", preconventionFormView{}}, {"preconvention/period", periodPreconventionView{}},
		{"attestation/page", attestationFormView{}}, {"periods/index", periodsView{}},
		{"periods/new", periodNewView{}}, {"periods/edit", periodEditView{}},
		{"periods/delete", periodDeleteView{}}, {"periods/remove", placementRemoveView{}},
		{"annexes/index", annexesView{}}, {"annexes/form", annexeFormView{}}, {"annexes/delete", annexeDeleteView{}},
		{"checkpoints/index", checkpointsView{}}, {"checkpoints/edit", checkpointEditView{}},
		{"checkpoints/show", checkpointView{}}, {"accounts/index", accountsView{}},
		{"accounts/class", classAccountsView{}}, {"accounts/import", importFormView{}},
		{"accounts/import_job", importJobView{}}, {"accounts/import_status", importJobView{}},
		{"auth/login", loginView{}}, {"auth/password", passwordView{}}, {"access/ended", accessEndedView{}},
		{"home/student", studentHomeView{}}, {"home/company", companyHomeView{}}, {"home/dossier", dossierView{}},
		{"dashboard/index", dashboardView{}}, {"impressions/batch", batchView{}},
		{"impressions/progress", batchView{}}, {"impressions/unavailable", printFailedView{}},
		{"tutors/window", tutorsView{}}, {"year/index", pageOf[*yearView]{}}, {"year/close", pageOf[*closeView]{}},
		{"year/close_job", pageOf[closeJobView]{}}, {"year/close_status", pageOf[closeJobView]{}},
		{"year/purge", pageOf[*purgeView]{}}, {"accounts/teachers", pageOf[teachersView]{}},
		{"auth/invitation", pageOf[invitationView]{}}, {"auth/invitation_ended", pageOf[invitationEnded]{}},
		{"auth/invitation_session", invitationSessionView{}},
	} {
		tree := trees[v.template]
		require.NotNil(t, tree, "no template %q", v.template)
		c := &fieldCheck{trees: trees, root: reflect.TypeOf(v.view), seen: map[string]bool{}}
		c.walk(tree.Root, c.root)
		assert.Empty(t, c.missing, "%s reads fields %T does not have", v.template, v.view)
	}
}

// parseViews parses every template file, its {{define}} blocks included, by name.
func parseViews(t *testing.T) map[string]*parse.Tree {
	funcs := map[string]any{}
	for name, f := range viewFuncs() {
		funcs[name] = f
	}
	for _, b := range []string{"and", "or", "not", "len", "index", "print", "printf", "println", "eq", "ne",
		"lt", "le", "gt", "ge", "html", "js", "urlquery", "call", "slice"} {
		funcs[b] = fmt.Sprint // any non-nil value: the parser only asks whether it exists
	}
	trees := map[string]*parse.Tree{}
	err := fs.WalkDir(views.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".html") {
			return err
		}
		text, err := fs.ReadFile(views.FS, path)
		if err != nil {
			return err
		}
		parsed, err := parse.Parse(strings.TrimSuffix(path, ".html"), string(text), "{{", "}}", funcs)
		for name, tree := range parsed {
			trees[name] = tree
		}
		return err
	})
	require.NoError(t, err)
	return trees
}

// fieldCheck follows the dot's type through a template: with and range move it to what they
// open when that is a field; anywhere else (a function's result, dict) the body is not checked,
// but for its $.X.
type fieldCheck struct {
	trees   map[string]*parse.Tree
	root    reflect.Type    // $, in the template being walked
	seen    map[string]bool // template × dot type already walked
	missing []string
}

func (c *fieldCheck) walk(n parse.Node, dot reflect.Type) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, child := range n.Nodes {
				c.walk(child, dot)
			}
		}
	case *parse.ActionNode:
		c.pipe(n.Pipe, dot)
	case *parse.IfNode:
		c.branch(&n.BranchNode, dot, dot)
	case *parse.WithNode:
		c.branch(&n.BranchNode, dot, c.opened(n.Pipe, dot, false))
	case *parse.RangeNode:
		c.branch(&n.BranchNode, dot, c.opened(n.Pipe, dot, true))
	case *parse.TemplateNode:
		c.pipe(n.Pipe, dot)
		if n.Pipe != nil && len(n.Pipe.Cmds) == 1 && len(n.Pipe.Cmds[0].Args) == 1 {
			into := c.opened(n.Pipe, dot, false) // a template called with a field…
			if isDot(n.Pipe) {
				into = dot // …or with the dot itself
			}
			if into != nil {
				c.call(n.Name, into)
			}
		}
	}
}

func (c *fieldCheck) branch(b *parse.BranchNode, dot, inside reflect.Type) {
	c.pipe(b.Pipe, dot)
	c.walk(b.List, inside)
	c.walk(b.ElseList, dot)
}

func (c *fieldCheck) call(name string, dot reflect.Type) {
	key := name + "|" + typeName(dot)
	if c.seen[key] || c.trees[name] == nil {
		return
	}
	c.seen[key] = true
	root := c.root
	c.root = dot // $ is the dot a template is called with
	c.walk(c.trees[name].Root, dot)
	c.root = root
}

func isDot(p *parse.PipeNode) bool {
	_, ok := p.Cmds[0].Args[0].(*parse.DotNode)
	return ok
}

// pipe checks every field a pipeline reads.
func (c *fieldCheck) pipe(p *parse.PipeNode, dot reflect.Type) {
	if p == nil {
		return
	}
	for _, cmd := range p.Cmds {
		for _, arg := range cmd.Args {
			switch a := arg.(type) {
			case *parse.FieldNode:
				c.resolve(dot, a.Ident, a.String())
			case *parse.VariableNode:
				if a.Ident[0] == "$" && len(a.Ident) > 1 {
					c.resolve(c.root, a.Ident[1:], a.String())
				}
			case *parse.PipeNode:
				c.pipe(a, dot)
			}
		}
	}
}

// opened is the type a with (or, elem, a range) opens, nil when unknown.
func (c *fieldCheck) opened(p *parse.PipeNode, dot reflect.Type, elem bool) reflect.Type {
	if p == nil || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return nil
	}
	var t reflect.Type
	switch a := p.Cmds[0].Args[0].(type) {
	case *parse.FieldNode:
		t = c.resolve(dot, a.Ident, a.String())
	case *parse.VariableNode:
		if a.Ident[0] == "$" && len(a.Ident) > 1 {
			t = c.resolve(c.root, a.Ident[1:], a.String())
		}
	}
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && elem {
		switch t.Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			return t.Elem()
		}
		return nil
	}
	return t
}

// resolve follows names from t (fields, methods, map keys); it records what t lacks and
// answers nil where the type is not known (an interface, a dot unknown).
func (c *fieldCheck) resolve(t reflect.Type, names []string, text string) reflect.Type {
	for _, name := range names {
		for t != nil && t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t == nil || t.Kind() == reflect.Interface {
			return nil
		}
		if m, ok := reflect.PointerTo(t).MethodByName(name); ok { // value and pointer receivers
			if m.Type.NumOut() == 0 {
				return nil
			}
			t = m.Type.Out(0)
			continue
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, ok := t.FieldByName(name)
			if !ok || !f.IsExported() {
				c.missing = append(c.missing, text+" ("+name+" on "+typeName(t)+")")
				return nil
			}
			t = f.Type
		default:
			c.missing = append(c.missing, text+" ("+name+" on "+typeName(t)+")")
			return nil
		}
	}
	return t
}

func typeName(t reflect.Type) string {
	if t == nil {
		return "?"
	}
	return t.String()
}
