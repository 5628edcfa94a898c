package accounts

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"livret/pfmp"
)

// Action is what an import does to one line's account.
type Action int

// The actions of a plan.
const (
	Create    Action = iota // a new account
	Update                  // the student's account, changed (a new class, a corrected name…)
	Unchanged               // the student's account, already as the file says
)

// Entry is one valid line of the file and what the import does with it.
type Entry struct {
	Row
	Action    Action
	AccountID string   // the account the line matched (Update, Unchanged)
	Username  string   // the account's username, new or kept
	ClassID   string   // a student's class; "" when it is NewClass
	NewClass  int      // index in Plan.NewClasses, -1 for an existing class (or none)
	MasterID  string   // the master named by the line, when found
	Changes   []Change // what an Update changes
	Notes     []string // warnings that do not stop the line (homonym, unknown master)
}

// Change is one field an update changes, with its old and new values as shown.
type Change struct {
	Field    string // users' field
	Label    string // its French name
	From, To string
}

// change notes that the update sets a field from one value to another; nothing when equal.
func (e *Entry) change(field, label, from, to string) {
	if from != to {
		e.Changes = append(e.Changes, Change{Field: field, Label: label, From: from, To: to})
	}
}

// respell notes the names the line spells anew (see respelt).
func (e *Entry) respell(first, last string) {
	if respelt(last, e.LastName) {
		e.change("last_name", "nom", last, e.LastName)
	}
	if respelt(first, e.FirstName) {
		e.change("first_name", "prénom", first, e.FirstName)
	}
}

// settle makes an entry with changes an Update, one without Unchanged.
func (e *Entry) settle() {
	e.Action = Unchanged
	if len(e.Changes) > 0 {
		e.Action = Update
	}
}

// FieldLeftAt is the change that brings back a student who had left: the import clears his
// departure, or the purge would take him while he is in a class.
const FieldLeftAt = "left_at"

// Returning reports whether the change brings a student back (FieldLeftAt); From tells when he left.
func (c Change) Returning() bool { return c.Field == FieldLeftAt }

// Moved reports whether the update moves the student to another class; a student coming back
// (Returns) is not counted as moved, though he gets a class.
func (e *Entry) Moved() bool {
	return !e.Returns() && slices.ContainsFunc(e.Changes, func(c Change) bool { return c.Field == "class" })
}

// Returns reports whether the update brings back a student who had left the school.
func (e *Entry) Returns() bool { return slices.ContainsFunc(e.Changes, Change.Returning) }

// NewClass is a class the import creates, with what its name tells.
type NewClass struct {
	Name, Level string
	Diploma     *Diploma // nil when the name names none
}

// Plan is what importing a sheet into a school does: every line created, updated, left alone
// or rejected. It is computed again inside the import's transaction, on the school as it is then.
// A teachers' plan has no classes.
type Plan struct {
	Entries    []Entry
	Rejected   []Rejection // every line left out, the file's and the plan's, by line
	NewClasses []NewClass
}

// Creates, Updates and Unchanged count the entries of each action, for the pages.
func (p *Plan) Creates() int   { return p.Count(Create) }
func (p *Plan) Updates() int   { return p.Count(Update) }
func (p *Plan) Unchanged() int { return p.Count(Unchanged) }

// Class is the action's name in the page's markup: create, update, same.
func (a Action) Class() string { return [...]string{"create", "update", "same"}[a] }

// Count is the number of entries of an action.
func (p *Plan) Count(a Action) int {
	n := 0
	for _, e := range p.Entries {
		if e.Action == a {
			n++
		}
	}
	return n
}

// Moves counts the students moved to another class.
func (p *Plan) Moves() int {
	n := 0
	for i := range p.Entries {
		if p.Entries[i].Moved() {
			n++
		}
	}
	return n
}

// Returns counts the students who come back after leaving the school.
func (p *Plan) Returns() int {
	n := 0
	for i := range p.Entries {
		if p.Entries[i].Returns() {
			n++
		}
	}
	return n
}

// Writes counts the accounts the plan creates or changes: nothing to confirm when zero.
func (p *Plan) Writes() int { return len(p.Entries) - p.Count(Unchanged) }

// NewPlan matches each line of the sheet to the school: a student is the account of the same
// name (accents and case aside) and birth date — or of the same name without a birth date,
// when there is only one. A student found is updated (moved to his new class, never
// duplicated) or left alone; one not found is created with a unique username. Classes are
// created as needed, their level read from their name.
func NewPlan(sh *Sheet, school *School) *Plan {
	pl := &planner{school: school, plan: &Plan{Rejected: slices.Clone(sh.Rejected)}}
	pl.index()
	for _, row := range sh.Rows {
		pl.add(row)
	}
	pl.plan.sortRejected()
	return pl.plan
}

// sortRejected puts the file's rejections and the plan's in the order of the file.
func (p *Plan) sortRejected() {
	slices.SortFunc(p.Rejected, func(a, b Rejection) int { return cmp.Compare(a.Line, b.Line) })
}

// planner holds the indexes of one plan's computation.
type planner struct {
	school    *School
	plan      *Plan
	byName    map[string][]*Student // nameKey → accounts
	classes   map[string]*Class     // key(name) → class
	classByID map[string]*Class
	newClass  map[string]int  // key(name) → index in plan.NewClasses
	taken     map[string]bool // lower-case usernames in use or given
	claimed   map[string]bool // accounts already matched by a line
	lines     map[string]int  // nameKey|birth date → first line
	emails    map[string]int  // lower-case email → first line
	inClass   map[string]int  // nameKey|class key → first line
}

func (pl *planner) index() {
	s := pl.school
	pl.byName, pl.classes, pl.classByID = map[string][]*Student{}, map[string]*Class{}, map[string]*Class{}
	pl.newClass, pl.taken, pl.claimed = map[string]int{}, map[string]bool{}, map[string]bool{}
	pl.lines, pl.emails, pl.inClass = map[string]int{}, map[string]int{}, map[string]int{}
	for i := range s.Students {
		st := &s.Students[i]
		k := nameKey(st.FirstName, st.LastName)
		pl.byName[k] = append(pl.byName[k], st)
	}
	for i := range s.Classes {
		c := &s.Classes[i]
		pl.classes[key(c.Name)], pl.classByID[c.ID] = c, c
	}
	for _, u := range s.Usernames {
		pl.taken[strings.ToLower(u)] = true
	}
}

func (pl *planner) reject(r Row, reason string) {
	pl.plan.Rejected = append(pl.plan.Rejected, Rejection{Line: r.Line, Reason: reason,
		Text: fmt.Sprintf("%s, %s, né(e) le %s", pfmp.FullName(r.FirstName, r.LastName), r.Class, pfmp.FormatShort(r.BirthDate))})
}

func (pl *planner) add(r Row) {
	nk := nameKey(r.FirstName, r.LastName)
	who := nk + "|" + r.BirthDate.Format(time.DateOnly)
	if first, dup := pl.lines[who]; dup {
		pl.reject(r, fmt.Sprintf("Même élève (nom, prénom et date de naissance) que la ligne %d.", first))
		return
	}
	pl.lines[who] = r.Line
	st, err := pl.match(nk, r.BirthDate)
	if err != "" {
		pl.reject(r, err)
		return
	}
	e := Entry{Row: r, NewClass: -1}
	if reason := pl.checkEmail(r, st); reason != "" {
		pl.reject(r, reason)
		return
	}
	if reason := pl.class(&e); reason != "" {
		pl.reject(r, reason)
		return
	}
	pl.master(&e)
	pl.homonyms(&e, nk, st)
	if st == nil {
		e.Action, e.Username = Create, pl.username(r)
	} else {
		pl.claimed[st.ID] = true
		e.AccountID, e.Username = st.ID, st.Username
		pl.changes(&e, st)
	}
	pl.plan.Entries = append(pl.plan.Entries, e)
}

// match finds the line's account: same name and birth date; else the one account of that
// name without a birth date. reason is set when several accounts would do.
func (pl *planner) match(nk string, birth time.Time) (st *Student, reason string) {
	var same, undated []*Student
	for _, c := range pl.byName[nk] {
		switch {
		case pl.claimed[c.ID]:
		case c.BirthDate.Equal(birth):
			same = append(same, c)
		case c.BirthDate.IsZero():
			undated = append(undated, c)
		}
	}
	switch {
	case len(same) == 1:
		return same[0], ""
	case len(same) > 1:
		return nil, "Plusieurs comptes existants ont ce nom et cette date de naissance : supprimez le doublon dans le tableau de bord avant d'importer."
	case len(undated) == 1:
		return undated[0], ""
	case len(undated) > 1:
		return nil, "Plusieurs comptes existants ont ce nom, sans date de naissance : complétez-la dans le tableau de bord pour les distinguer."
	}
	return nil, ""
}

// checkEmail refuses an address another line or another account already has.
func (pl *planner) checkEmail(r Row, st *Student) string {
	if r.Email == "" {
		return ""
	}
	low := strings.ToLower(r.Email)
	if first, dup := pl.emails[low]; dup {
		return fmt.Sprintf("Adresse électronique déjà donnée à la ligne %d.", first)
	}
	if owner, used := pl.school.Emails[low]; used && (st == nil || owner != st.ID) {
		return "Adresse électronique déjà utilisée par un autre compte."
	}
	pl.emails[low] = r.Line
	return ""
}

// class finds the line's class, or plans it; a class whose level its name does not tell
// cannot be created.
func (pl *planner) class(e *Entry) string {
	k := key(e.Class)
	if c := pl.classes[k]; c != nil {
		e.ClassID = c.ID
		return ""
	}
	if i, ok := pl.newClass[k]; ok {
		e.NewClass = i
		return ""
	}
	level, ok := LevelOf(e.Class)
	if !ok {
		return fmt.Sprintf("Classe « %s » inconnue, et son niveau ne se lit pas dans son nom (il doit commencer par 2de, 1re ou Tle) : "+
			"créez-la dans le tableau de bord ou corrigez son nom.", e.Class)
	}
	pl.plan.NewClasses = append(pl.plan.NewClasses, NewClass{Name: e.Class, Level: level, Diploma: DiplomaOf(e.Class, pl.school.Diplomas)})
	e.NewClass = len(pl.plan.NewClasses) - 1
	pl.newClass[k] = e.NewClass
	return ""
}

// master finds the master a line names, by email or by name; a note says when none or
// several match.
func (pl *planner) master(e *Entry) {
	if e.Master == "" {
		return
	}
	var found []string
	want := key(e.Master)
	for _, m := range pl.school.Masters {
		if strings.EqualFold(m.Email, e.Master) || want == key(m.FirstName+m.LastName) || want == key(m.LastName+m.FirstName) {
			found = append(found, m.ID)
		}
	}
	switch len(found) {
	case 1:
		e.MasterID = found[0]
	case 0:
		e.Notes = append(e.Notes, "Maître d'apprentissage « "+e.Master+" » introuvable parmi les comptes : lien non fait (créez son compte dans le tableau de bord, puis importez de nouveau).")
	default:
		e.Notes = append(e.Notes, "Plusieurs maîtres d'apprentissage s'appellent « "+e.Master+" » : lien non fait (indiquez plutôt son adresse électronique).")
	}
}

// homonyms notes a student who has the name of another in the same class: both accounts are
// kept, their usernames tell them apart.
func (pl *planner) homonyms(e *Entry, nk string, self *Student) {
	ck := key(e.Class)
	if first, ok := pl.inClass[nk+"|"+ck]; ok {
		e.Notes = append(e.Notes, fmt.Sprintf("Homonyme de l'élève de la ligne %d dans la même classe : deux comptes distincts (vérifiez la date de naissance).", first))
		return
	}
	pl.inClass[nk+"|"+ck] = e.Line
	for _, st := range pl.byName[nk] {
		if st != self && !pl.claimed[st.ID] && pl.classByID[st.ClassID] != nil && key(pl.classByID[st.ClassID].Name) == ck {
			e.Notes = append(e.Notes, "Homonyme d'un élève déjà inscrit dans cette classe, né à une autre date : deux comptes distincts.")
			return
		}
	}
}

// username gives a new account « prenom.nom », made unique.
func (pl *planner) username(r Row) string {
	u := UniqueUsername(BaseUsername(r.FirstName, r.LastName), func(s string) bool { return pl.taken[s] })
	pl.taken[u] = true
	return u
}

// changes lists what the line changes in the student's account: Update, or Unchanged.
func (pl *planner) changes(e *Entry, st *Student) {
	if !st.LeftAt.IsZero() {
		e.change(FieldLeftAt, "Retour dans l'établissement", "parti(e) le "+pfmp.FormatLong(st.LeftAt), "")
	}
	e.respell(st.FirstName, st.LastName)
	if st.BirthDate.IsZero() {
		e.change("birth_date", "date de naissance", "", pfmp.FormatShort(e.BirthDate))
	}
	if e.NewClass >= 0 || e.ClassID != st.ClassID {
		e.change("class", "classe", pl.className(st.ClassID), e.Class)
	}
	if e.Email != "" && !strings.EqualFold(e.Email, st.Email) {
		e.change("email", "adresse électronique", st.Email, e.Email)
	}
	if e.Status != "" {
		e.change("status", "statut", st.Status, e.Status)
	}
	if e.MasterID != "" && e.MasterID != st.MasterID {
		e.change("master", "maître d'apprentissage", pl.masterName(st.MasterID), e.Master)
	}
	if st.Username == "" {
		e.Username = pl.username(e.Row)
		e.change("username", "identifiant", "", e.Username)
	}
	e.settle()
}

// respelt reports whether a name matched (see key) is spelt anew: not only in another case,
// and not in capitals alone, which many files use for every name and which lose accents.
func respelt(old, typed string) bool {
	return strings.ToLower(old) != strings.ToLower(typed) && typed != strings.ToUpper(typed)
}

func (pl *planner) className(id string) string {
	if c := pl.classByID[id]; c != nil {
		return c.Name
	}
	return "aucune"
}

func (pl *planner) masterName(id string) string {
	for _, m := range pl.school.Masters {
		if m.ID == id {
			return m.FirstName + " " + m.LastName
		}
	}
	return "aucun"
}
