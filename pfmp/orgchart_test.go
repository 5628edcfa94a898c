package pfmp

import (
	"strings"
	"testing"
)

// orgShape writes a chart as "name(child,child)" lists, to compare trees in one line.
func orgShape(c *OrgChart) string {
	var write func(nodes []*OrgNode) string
	write = func(nodes []*OrgNode) string {
		parts := make([]string, len(nodes))
		for i, n := range nodes {
			parts[i] = n.Name
			if len(n.Children) > 0 {
				parts[i] += "(" + write(n.Children) + ")"
			}
		}
		return strings.Join(parts, ",")
	}
	return write(c.Roots)
}

// sampleChart: Direction(Production(Atelier), Maintenance(Électricité, Mécanique)).
func sampleChart(t *testing.T) *OrgChart {
	t.Helper()
	c := &OrgChart{}
	must := func(parent, name string) string {
		n, err := c.Add(parent, name, "")
		if err != nil {
			t.Fatalf("add %s: %v", name, err)
		}
		return n.ID
	}
	dir := must("", "Direction")
	prod := must(dir, "Production")
	must(prod, "Atelier")
	maint := must(dir, "Maintenance")
	must(maint, "Électricité")
	must(maint, "Mécanique")
	return c
}

// idOf finds a node's id by its name.
func idOf(t *testing.T, c *OrgChart, name string) string {
	t.Helper()
	for _, e := range c.Entries() {
		if e.Node.Name == name {
			return e.Node.ID
		}
	}
	t.Fatalf("no node %q in %s", name, orgShape(c))
	return ""
}

// chain builds a single line of n nodes, each under the previous one.
func chain(t *testing.T, n int) *OrgChart {
	t.Helper()
	c := &OrgChart{}
	parent := ""
	for i := range n {
		node, err := c.Add(parent, "N"+string(rune('a'+i)), "")
		if err != nil {
			t.Fatalf("chain %d: %v", i, err)
		}
		parent = node.ID
	}
	return c
}

func fieldMsg(err error, field string) string { return FieldsOf(err)[field] }

func TestOrgChartOperations(t *testing.T) {
	cases := []struct {
		name      string
		op        func(t *testing.T, c *OrgChart) error
		wantShape string // after the operation (unchanged on error)
		wantField string // the field the error points at; "" when the error has none
		wantMsg   string // part of the error message; "" when the operation succeeds
	}{
		{"add at the top", func(t *testing.T, c *OrgChart) error {
			_, err := c.Add("", "Qualité", "Responsable")
			return err
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique)),Qualité", "", ""},
		{"add under a node", func(t *testing.T, c *OrgChart) error {
			_, err := c.Add(idOf(t, c, "Atelier"), "Ligne 1", "")
			return err
		}, "Direction(Production(Atelier(Ligne 1)),Maintenance(Électricité,Mécanique))", "", ""},
		{"add trims and folds spaces", func(t *testing.T, c *OrgChart) error {
			_, err := c.Add("", "  Service\n  achats ", "")
			return err
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique)),Service achats", "", ""},
		{"add without a name", func(t *testing.T, c *OrgChart) error {
			_, err := c.Add("", "   ", "Chef")
			return err
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldName, "« Nom (personne ou service) » est obligatoire"},
		{"add a name too long", func(t *testing.T, c *OrgChart) error {
			_, err := c.Add("", strings.Repeat("é", OrgMaxName+1), "")
			return err
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldName, "ne doit pas dépasser 80 caractères"},
		{"add a role too long", func(t *testing.T, c *OrgChart) error {
			_, err := c.Add("", "Qualité", strings.Repeat("r", OrgMaxRole+1))
			return err
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldRole, "« Fonction » ne doit pas dépasser 80"},
		{"add under an unknown node", func(t *testing.T, c *OrgChart) error {
			_, err := c.Add("n999", "Qualité", "")
			return err
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldParent, "n'existe plus"},
		{"rename", func(t *testing.T, c *OrgChart) error {
			return c.Rename(idOf(t, c, "Atelier"), "Atelier de conditionnement", "Chef d'atelier")
		}, "Direction(Production(Atelier de conditionnement),Maintenance(Électricité,Mécanique))", "", ""},
		{"rename to nothing", func(t *testing.T, c *OrgChart) error {
			return c.Rename(idOf(t, c, "Atelier"), "", "")
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldName, "obligatoire"},
		{"rename an unknown node", func(t *testing.T, c *OrgChart) error {
			return c.Rename("n999", "X", "")
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldNode, "n'existe plus"},
		{"move a subtree", func(t *testing.T, c *OrgChart) error {
			return c.Move(idOf(t, c, "Maintenance"), idOf(t, c, "Production"))
		}, "Direction(Production(Atelier,Maintenance(Électricité,Mécanique)))", "", ""},
		{"move to the top", func(t *testing.T, c *OrgChart) error {
			return c.Move(idOf(t, c, "Mécanique"), "")
		}, "Direction(Production(Atelier),Maintenance(Électricité)),Mécanique", "", ""},
		{"move under itself", func(t *testing.T, c *OrgChart) error {
			return c.Move(idOf(t, c, "Maintenance"), idOf(t, c, "Maintenance"))
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldParent, "ni à l'un des éléments placés sous lui"},
		{"move under its own descendant", func(t *testing.T, c *OrgChart) error {
			return c.Move(idOf(t, c, "Direction"), idOf(t, c, "Mécanique"))
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldParent, "ni à l'un des éléments placés sous lui"},
		{"move an unknown node", func(t *testing.T, c *OrgChart) error {
			return c.Move("n999", "")
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldNode, "n'existe plus"},
		{"move under an unknown node", func(t *testing.T, c *OrgChart) error {
			return c.Move(idOf(t, c, "Atelier"), "n999")
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldParent, "n'existe plus"},
		{"delete a leaf", func(t *testing.T, c *OrgChart) error {
			return c.Delete(idOf(t, c, "Électricité"))
		}, "Direction(Production(Atelier),Maintenance(Mécanique))", "", ""},
		{"delete takes the subtree", func(t *testing.T, c *OrgChart) error {
			return c.Delete(idOf(t, c, "Maintenance"))
		}, "Direction(Production(Atelier))", "", ""},
		{"delete the root empties the chart", func(t *testing.T, c *OrgChart) error {
			return c.Delete(idOf(t, c, "Direction"))
		}, "", "", ""},
		{"delete an unknown node", func(t *testing.T, c *OrgChart) error {
			return c.Delete("n999")
		}, "Direction(Production(Atelier),Maintenance(Électricité,Mécanique))", OrgFieldNode, "n'existe plus"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := sampleChart(t)
			err := tc.op(t, c)
			if tc.wantMsg == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
			} else {
				if err == nil {
					t.Fatalf("want an error containing %q", tc.wantMsg)
				}
				if KindOf(err) != ErrInvalid {
					t.Errorf("kind %d, want invalid", KindOf(err))
				}
				got := err.Error()
				if tc.wantField != "" {
					got = fieldMsg(err, tc.wantField)
				}
				if !strings.Contains(got, tc.wantMsg) {
					t.Errorf("message for %q: %q, want it to contain %q", tc.wantField, got, tc.wantMsg)
				}
			}
			if got := orgShape(c); got != tc.wantShape {
				t.Errorf("shape\n got %s\nwant %s", got, tc.wantShape)
			}
			if err := c.Validate(); err != nil {
				t.Errorf("chart no longer valid: %v", err)
			}
		})
	}
}

func TestOrgChartLimits(t *testing.T) {
	t.Run("depth: a ninth level is refused", func(t *testing.T) {
		c := chain(t, OrgMaxDepth)
		deepest := c.Entries()[OrgMaxDepth-1].Node
		_, err := c.Add(deepest.ID, "Trop bas", "")
		if !strings.Contains(fieldMsg(err, OrgFieldParent), "limité à 8 niveaux") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("depth: moving a subtree too low is refused", func(t *testing.T) {
		c := chain(t, OrgMaxDepth-1) // 7 levels
		top, _ := c.Add("", "Maintenance", "")
		if _, err := c.Add(top.ID, "Équipe", ""); err != nil { // a 2-level subtree
			t.Fatal(err)
		}
		deepest := c.Entries()[OrgMaxDepth-2].Node // level 7: the subtree would reach 9
		err := c.Move(top.ID, deepest.ID)
		if !strings.Contains(fieldMsg(err, OrgFieldParent), "limité à 8 niveaux") {
			t.Fatalf("err = %v", err)
		}
		parentOfDeepest := c.Entries()[OrgMaxDepth-3].Node // level 6: reaches 8, allowed
		if err := c.Move(top.ID, parentOfDeepest.ID); err != nil {
			t.Fatalf("move to level 7: %v", err)
		}
	})
	t.Run("count: the 101st node is refused", func(t *testing.T) {
		c := &OrgChart{}
		for i := range OrgMaxNodes {
			if _, err := c.Add("", "Service", ""); err != nil {
				t.Fatalf("node %d: %v", i+1, err)
			}
		}
		_, err := c.Add("", "Un de trop", "")
		if err == nil || !strings.Contains(err.Error(), "limité à 100 éléments") {
			t.Fatalf("err = %v", err)
		}
		if c.Len() != OrgMaxNodes {
			t.Fatalf("len %d", c.Len())
		}
	})
	t.Run("ids are never reused after a deletion", func(t *testing.T) {
		c := &OrgChart{}
		a, _ := c.Add("", "A", "")
		b, _ := c.Add("", "B", "")
		if err := c.Delete(b.ID); err != nil {
			t.Fatal(err)
		}
		again := roundTrip(t, c)
		n, _ := again.Add("", "C", "")
		if n.ID == b.ID || n.ID == a.ID {
			t.Fatalf("id %s reused (a=%s, b=%s)", n.ID, a.ID, b.ID)
		}
	})
}

// roundTrip reads the chart back from its stored JSON.
func roundTrip(t *testing.T, c *OrgChart) *OrgChart {
	t.Helper()
	out, err := ParseOrgChart(c.JSON())
	if err != nil {
		t.Fatalf("parse %s: %v", c.JSON(), err)
	}
	return out
}

func TestParseOrgChart(t *testing.T) {
	cases := []struct {
		name, raw string
		wantShape string
		wantErr   string
	}{
		{"empty", "", "", ""},
		{"null", "null", "", ""},
		{"object", `{"seq":2,"roots":[{"id":"n1","name":"Direction","children":[{"id":"n2","name":"Maintenance","role":"Chef"}]}]}`, "Direction(Maintenance)", ""},
		{"bare array from the dashboard", `[{"id":"a","name":"Direction"}]`, "Direction", ""},
		{"garbage", `{"roots":`, "", "illisible"},
		{"duplicate ids", `[{"id":"n1","name":"A"},{"id":"n1","name":"B"}]`, "", "en double"},
		{"missing id", `[{"name":"A"}]`, "", "identifiant manquant"},
		{"empty name", `[{"id":"n1","name":""}]`, "", "Le formulaire contient des erreurs."},
		{"too deep", `[{"id":"1","name":"a","children":[{"id":"2","name":"b","children":[{"id":"3","name":"c","children":[{"id":"4","name":"d","children":[{"id":"5","name":"e","children":[{"id":"6","name":"f","children":[{"id":"7","name":"g","children":[{"id":"8","name":"h","children":[{"id":"9","name":"i"}]}]}]}]}]}]}]}]}]`, "", "limité à 8 niveaux"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := ParseOrgChart([]byte(tc.raw))
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err = %v, want %q", err, tc.wantErr)
				}
				if c == nil || c.Len() != 0 {
					t.Fatalf("a refused chart reads as empty, got %v", c)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := orgShape(c); got != tc.wantShape {
				t.Fatalf("shape %q, want %q", got, tc.wantShape)
			}
		})
	}
}

func TestOrgChartJSONRoundTrip(t *testing.T) {
	c := sampleChart(t)
	if err := c.Rename(idOf(t, c, "Maintenance"), "Maintenance", "Responsable : M. Leroy"); err != nil {
		t.Fatal(err)
	}
	back, err := ParseOrgChart(c.JSON())
	if err != nil {
		t.Fatal(err)
	}
	if orgShape(back) != orgShape(c) || back.Seq != c.Seq {
		t.Fatalf("round trip: %s (seq %d) vs %s (seq %d)", orgShape(back), back.Seq, orgShape(c), c.Seq)
	}
	n, depth := back.Find(idOf(t, back, "Maintenance"))
	if n.Role != "Responsable : M. Leroy" || depth != 2 {
		t.Fatalf("role %q depth %d", n.Role, depth)
	}
	if got := string((&OrgChart{}).JSON()); got != `{"seq":0,"roots":[]}` {
		t.Fatalf("empty chart JSON %s", got)
	}
}
