package pfmp

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// The organisation chart of the host company (« Construire l'organigramme »): a tree of people,
// roles and services that the student draws, stored as JSON in placements.org_chart. A company
// usually has one head, but the chart is a forest so that a student can start with two boxes
// (the workshop and the maintenance service) before knowing who leads them.

// Limits of a chart: enough for a PME's chart drawn by a student, small enough to stay readable
// on a phone and printable on one page.
const (
	OrgMaxNodes = 100
	OrgMaxDepth = 8
	OrgMaxName  = 80
	OrgMaxRole  = 80
)

// OrgNode is one box of the chart: a person or a service (Name) and its role.
type OrgNode struct {
	ID       string     `json:"id"`
	Name     string     `json:"name"`
	Role     string     `json:"role,omitempty"`
	Children []*OrgNode `json:"children,omitempty"`
}

// OrgChart is the whole chart. Seq numbers the nodes ("n1", "n2", ...) and only grows, so an
// id is never reused: a form opened before a deletion cannot hit a newer node by mistake.
type OrgChart struct {
	Seq   int        `json:"seq"`
	Roots []*OrgNode `json:"roots"`
}

// OrgEntry is a node in reading order with its depth (1 for a root), for lists and selects.
type OrgEntry struct {
	Node  *OrgNode
	Depth int
}

// Form fields an error may point at.
const (
	OrgFieldNode   = "node"
	OrgFieldParent = "parent"
	OrgFieldName   = "name"
	OrgFieldRole   = "role"
)

const (
	orgLabelName = "Nom (personne ou service)"
	orgLabelRole = "Fonction"
)

var (
	errOrgUnknownNode   = "Cet élément n'existe plus dans l'organigramme : rechargez la page."
	errOrgUnknownParent = "Le rattachement choisi n'existe plus dans l'organigramme : rechargez la page."
	errOrgCycle         = "Un élément ne peut pas être rattaché à lui-même ni à l'un des éléments placés sous lui."
	errOrgTooMany       = fmt.Sprintf("L'organigramme est limité à %d éléments.", OrgMaxNodes)
	errOrgTooDeep       = fmt.Sprintf("L'organigramme est limité à %d niveaux.", OrgMaxDepth)
)

// ParseOrgChart reads a stored chart; empty or null is an empty chart. A bare array of nodes
// (what an administrator may type in the dashboard) is accepted as the roots. The result is
// validated: a chart read back always obeys the limits.
func ParseOrgChart(raw []byte) (*OrgChart, error) {
	s := strings.TrimSpace(string(raw))
	c := &OrgChart{}
	switch {
	case s == "" || s == "null" || s == `""`:
		return c, nil
	case strings.HasPrefix(s, "["):
		if err := json.Unmarshal([]byte(s), &c.Roots); err != nil {
			return &OrgChart{}, Invalid("L'organigramme enregistré est illisible.", nil)
		}
	default:
		if err := json.Unmarshal([]byte(s), c); err != nil {
			return &OrgChart{}, Invalid("L'organigramme enregistré est illisible.", nil)
		}
	}
	if err := c.Validate(); err != nil {
		return &OrgChart{}, err
	}
	c.Seq = max(c.Seq, c.maxSeq())
	return c, nil
}

// JSON is the stored form of the chart.
func (c *OrgChart) JSON() []byte {
	if c.Roots == nil {
		c.Roots = []*OrgNode{}
	}
	b, _ := json.Marshal(c) // plain structs of strings: cannot fail
	return b
}

// Validate checks the limits, the names and the ids of a whole chart.
func (c *OrgChart) Validate() error {
	seen := map[string]bool{}
	var walk func(nodes []*OrgNode, depth int) error
	walk = func(nodes []*OrgNode, depth int) error {
		for _, n := range nodes {
			if n == nil {
				return Invalid("L'organigramme enregistré contient un élément vide.", nil)
			}
			if depth > OrgMaxDepth {
				return Invalid(errOrgTooDeep, nil)
			}
			if n.ID == "" || seen[n.ID] {
				return Invalid("L'organigramme enregistré contient un identifiant manquant ou en double.", nil)
			}
			seen[n.ID] = true
			if len(seen) > OrgMaxNodes {
				return Invalid(errOrgTooMany, nil)
			}
			if fe := checkOrgText(n.Name, n.Role); fe.Any() {
				return fe.Err()
			}
			if err := walk(n.Children, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(c.Roots, 1)
}

// Entries lists the nodes in reading order (depth first), with their depth.
func (c *OrgChart) Entries() []OrgEntry {
	var out []OrgEntry
	var walk func(nodes []*OrgNode, depth int)
	walk = func(nodes []*OrgNode, depth int) {
		for _, n := range nodes {
			out = append(out, OrgEntry{Node: n, Depth: depth})
			walk(n.Children, depth+1)
		}
	}
	walk(c.Roots, 1)
	return out
}

// Len is the number of nodes.
func (c *OrgChart) Len() int { return len(c.Entries()) }

// Find returns a node and its depth (1 for a root); nil when there is none.
func (c *OrgChart) Find(id string) (*OrgNode, int) {
	for _, e := range c.Entries() {
		if e.Node.ID == id {
			return e.Node, e.Depth
		}
	}
	return nil, 0
}

// Add puts a new node under parentID ("" for the top of the chart) and returns it.
func (c *OrgChart) Add(parentID, name, role string) (*OrgNode, error) {
	name, role = cleanOrgText(name), cleanOrgText(role)
	fe := checkOrgText(name, role)
	depth := 1
	var parent *OrgNode
	if parentID != "" {
		var pd int
		if parent, pd = c.Find(parentID); parent == nil {
			fe.Add(OrgFieldParent, orgMsg(errOrgUnknownParent))
		}
		depth = pd + 1
	}
	if fe.Any() {
		return nil, fe.Err()
	}
	if c.Len() >= OrgMaxNodes {
		return nil, Invalid(errOrgTooMany, nil)
	}
	if depth > OrgMaxDepth {
		return nil, Invalid(errOrgTooDeep, map[string]string{OrgFieldParent: errOrgTooDeep})
	}
	c.Seq = max(c.Seq, c.maxSeq()) + 1
	n := &OrgNode{ID: "n" + strconv.Itoa(c.Seq), Name: name, Role: role}
	if parent == nil {
		c.Roots = append(c.Roots, n)
	} else {
		parent.Children = append(parent.Children, n)
	}
	return n, nil
}

// Rename changes a node's name and role.
func (c *OrgChart) Rename(id, name, role string) error {
	name, role = cleanOrgText(name), cleanOrgText(role)
	fe := checkOrgText(name, role)
	n, _ := c.Find(id)
	if n == nil {
		fe.Add(OrgFieldNode, orgMsg(errOrgUnknownNode))
	}
	if err := fe.Err(); err != nil {
		return err
	}
	n.Name, n.Role = name, role
	return nil
}

// Move puts a node, with everything under it, under a new parent ("" for the top). A node
// cannot go under itself or one of its descendants, and the chart must stay within its depth.
func (c *OrgChart) Move(id, parentID string) error {
	n, _ := c.Find(id)
	if n == nil {
		return Invalid(errOrgUnknownNode, map[string]string{OrgFieldNode: errOrgUnknownNode})
	}
	depth := 1
	if parentID != "" {
		if id == parentID || orgSubtreeHas(n, parentID) {
			return Invalid(errOrgCycle, map[string]string{OrgFieldParent: errOrgCycle})
		}
		parent, pd := c.Find(parentID)
		if parent == nil {
			return Invalid(errOrgUnknownParent, map[string]string{OrgFieldParent: errOrgUnknownParent})
		}
		depth = pd + 1
	}
	if depth+orgHeight(n)-1 > OrgMaxDepth {
		return Invalid(errOrgTooDeep, map[string]string{OrgFieldParent: errOrgTooDeep})
	}
	c.Roots = orgDetach(c.Roots, id)
	if parentID == "" {
		c.Roots = append(c.Roots, n)
		return nil
	}
	parent, _ := c.Find(parentID)
	parent.Children = append(parent.Children, n)
	return nil
}

// Delete removes a node and everything under it.
func (c *OrgChart) Delete(id string) error {
	if n, _ := c.Find(id); n == nil {
		return Invalid(errOrgUnknownNode, map[string]string{OrgFieldNode: errOrgUnknownNode})
	}
	c.Roots = orgDetach(c.Roots, id)
	return nil
}

// orgDetach removes the node id from wherever it is in nodes (and below).
func orgDetach(nodes []*OrgNode, id string) []*OrgNode {
	out := nodes[:0:0]
	for _, n := range nodes {
		if n.ID == id {
			continue
		}
		n.Children = orgDetach(n.Children, id)
		out = append(out, n)
	}
	return out
}

// orgSubtreeHas reports whether id is strictly below n.
func orgSubtreeHas(n *OrgNode, id string) bool {
	for _, ch := range n.Children {
		if ch.ID == id || orgSubtreeHas(ch, id) {
			return true
		}
	}
	return false
}

// orgHeight is the number of levels of n's subtree, n included.
func orgHeight(n *OrgNode) int {
	h := 0
	for _, ch := range n.Children {
		h = max(h, orgHeight(ch))
	}
	return h + 1
}

// maxSeq is the highest number of an "n<number>" id in the chart.
func (c *OrgChart) maxSeq() int {
	m := 0
	for _, e := range c.Entries() {
		if v, err := strconv.Atoi(strings.TrimPrefix(e.Node.ID, "n")); err == nil && strings.HasPrefix(e.Node.ID, "n") {
			m = max(m, v)
		}
	}
	return m
}

// cleanOrgText trims a one-line label and folds line breaks and tabs into spaces.
func cleanOrgText(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

func checkOrgText(name, role string) FieldErrors {
	fe := FieldErrors{}
	fe.Add(OrgFieldName, Required(name, orgLabelName))
	fe.Add(OrgFieldName, MaxLen(name, OrgMaxName, orgLabelName))
	fe.Add(OrgFieldRole, MaxLen(role, OrgMaxRole, orgLabelRole))
	return fe
}

// orgMsg makes a plain error of a French message, for FieldErrors.Add.
type orgMsg string

func (m orgMsg) Error() string { return string(m) }
