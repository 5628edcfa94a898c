package dossier

import (
	"encoding/json"
	"slices"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// What a dossier's printed documents (pré-convention, attestation) show beyond the dossier
// itself, read for one dossier or a whole period in a fixed number of queries.

// PrintSheet is one dossier with what its documents print.
type PrintSheet struct {
	*Dossier
	ClassName   string
	Referents   []string // the referent teachers' names
	Objectives  string   // the fiche de liaison's (the period's unless personalised)
	Tasks       []RefItem
	Competences []RefItem // those the tasks mobilise, in the référentiel's order
}

// RefItem is a task or a competence of the référentiel.
type RefItem struct{ Code, Label string }

// Objectives are the dossier's objectives and tasks: its own once a teacher personalised them,
// else the period's (copied from its annexe), so a change of the period reaches every fiche
// that follows it.
func (d *Dossier) Objectives() (custom bool, text string, taskIDs []string) {
	if p := d.Placement; p.GetBool("custom_objectives") {
		return true, p.GetString("objectives"), p.GetStringSlice("tasks")
	}
	return false, d.Period.GetString("objectives"), d.Period.GetStringSlice("tasks")
}

// defaultAppName is PocketBase's own until administrators name the application.
const defaultAppName = "Acme"

// SchoolName is the établissement printed on documents: the application's name as the
// administrators set it in the dashboard (Settings → Application name); "" until they do.
func (s *Store) SchoolName() string {
	if name := s.app.Settings().Meta.AppName; name != defaultAppName {
		return name
	}
	return ""
}

// PrintSheet reads what one dossier's documents print.
func (s *Store) PrintSheet(d *Dossier) (*PrintSheet, error) {
	sheets, err := s.printSheets([]*Dossier{d})
	if err != nil {
		return nil, err
	}
	return sheets[0], nil
}

// PrintSheetsOfPeriod reads the documents of every dossier of a period, by student name.
func (s *Store) PrintSheetsOfPeriod(periodID string) ([]*PrintSheet, error) {
	period, err := s.app.FindRecordById("periods", periodID)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Placement string `db:"placement"`
		Student   string `db:"student"`
	}
	err = s.app.DB().NewQuery(`SELECT pl.id AS placement, pl.student FROM placements pl
		JOIN users u ON u.id = pl.student WHERE pl.period = {:p} ORDER BY u.last_name, u.first_name, pl.id`).
		Bind(dbx.Params{"p": periodID}).All(&rows)
	if err != nil {
		return nil, err
	}
	var placementIDs, studentIDs []string
	for _, r := range rows {
		placementIDs, studentIDs = append(placementIDs, r.Placement), append(studentIDs, r.Student)
	}
	placements, err := recordsByID(s.app, "placements", placementIDs)
	if err != nil {
		return nil, err
	}
	students, err := recordsByID(s.app, "users", studentIDs)
	if err != nil {
		return nil, err
	}
	pe := proxy[Period](period)
	dossiers := make([]*Dossier, 0, len(rows))
	for _, r := range rows {
		if p, st := placements[r.Placement], students[r.Student]; p != nil && st != nil {
			dossiers = append(dossiers, &Dossier{Placement: proxy[Placement](p), Period: pe, Student: proxy[User](st)})
		}
	}
	return s.printSheets(dossiers)
}

// printSheets completes dossiers of one period: classes, referents, référentiel in one query each.
func (s *Store) printSheets(dossiers []*Dossier) ([]*PrintSheet, error) {
	var classIDs, ids []string
	for _, d := range dossiers {
		classIDs, ids = append(classIDs, d.Student.GetString("class")), append(ids, d.ID())
	}
	classes, err := recordsByID(s.app, "classes", classIDs)
	if err != nil {
		return nil, err
	}
	referents, err := s.ReferentsOf(ids...)
	if err != nil {
		return nil, err
	}
	ref, err := s.referentiel()
	if err != nil {
		return nil, err
	}
	out := make([]*PrintSheet, len(dossiers))
	for i, d := range dossiers {
		_, text, taskIDs := d.Objectives()
		sh := &PrintSheet{Dossier: d, Referents: names(referents[d.ID()]), Objectives: text}
		if c := classes[d.Student.GetString("class")]; c != nil {
			sh.ClassName = c.GetString("name")
		}
		sh.Tasks, sh.Competences = ref.items(taskIDs)
		out[i] = sh
	}
	return out, nil
}

// names are people's "Prénom NOM".
func names(people []Person) []string {
	out := make([]string, len(people))
	for i, p := range people {
		out[i] = p.Name()
	}
	return out
}

// refTask is a task of the référentiel with the competence codes it mobilises.
type refTask struct {
	ID          string `db:"id"`
	Code        string `db:"code"`
	Label       string `db:"label"`
	Diploma     string `db:"diploma"`
	Competences string `db:"competences"`
}

// refCompetence is a top-level competence of the référentiel.
type refCompetence struct {
	Code    string `db:"code"`
	Label   string `db:"label"`
	Diploma string `db:"diploma"`
}

// referentiel is the tasks and top-level competences, in the référentiel's order.
type referentiel struct {
	tasks       []refTask
	competences []refCompetence
}

func (s *Store) referentiel() (*referentiel, error) {
	r := &referentiel{}
	err := s.app.DB().NewQuery(`SELECT t.id, t.code, t.label, a.diploma, t.competences
		FROM tasks t JOIN activities a ON a.id = t.activity
		ORDER BY a.position, a.code, t.position, t.code`).All(&r.tasks)
	if err != nil {
		return nil, err
	}
	err = s.app.DB().NewQuery(`SELECT code, label, diploma FROM competences WHERE parent = ''
		ORDER BY position, code`).All(&r.competences)
	return r, err
}

// items are the tasks of taskIDs and the competences they mobilise, in the référentiel's order.
func (r *referentiel) items(taskIDs []string) (tasks, competences []RefItem) {
	mobilised := map[[2]string]bool{} // diploma, code
	for _, t := range r.tasks {
		if !slices.Contains(taskIDs, t.ID) {
			continue
		}
		tasks = append(tasks, RefItem{t.Code, t.Label})
		var codes []string
		_ = json.Unmarshal([]byte(t.Competences), &codes) // a task without competences has none to add
		for _, c := range codes {
			mobilised[[2]string{t.Diploma, c}] = true
		}
	}
	for _, c := range r.competences {
		if mobilised[[2]string{c.Diploma, c.Code}] {
			competences = append(competences, RefItem{c.Code, c.Label})
		}
	}
	return tasks, competences
}

// recordsByID reads records of a collection in one query, by id (empty and repeated ids skipped).
func recordsByID(app core.App, collection string, ids []string) (map[string]*core.Record, error) {
	var want []string
	for _, id := range ids {
		if id != "" && !slices.Contains(want, id) {
			want = append(want, id)
		}
	}
	out := map[string]*core.Record{}
	if len(want) == 0 {
		return out, nil
	}
	recs, err := app.FindRecordsByIds(collection, want)
	for _, r := range recs {
		out[r.Id] = r
	}
	return out, err
}
