package dossier

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// maxReviewComment is the comment column's own limit (pb_migrations maxLong).
const maxReviewComment = 10000

// CompanyScope is what a dossier's bilan entreprise rates: the dossier's tasks and the
// competences the référentiel links to them.
type CompanyScope struct {
	Tasks         []ReviewTask
	Competences   []*Competence
	Certificative bool // a certification grid (see CertificativeScope)
}

// Activities are the scope's tasks grouped by activity, in the référentiel's order.
func (sc *CompanyScope) Activities() []ActivityGroup {
	rows := make([]TaskRow, len(sc.Tasks))
	for i, t := range sc.Tasks {
		rows[i] = t.TaskRow
	}
	return groupTasks(rows)
}

// TaskIDs are the dossier's own tasks: personalised in the fiche de liaison, else the period's.
func (d *Dossier) TaskIDs() []string {
	if p := d.Placement; p.GetBool("custom_objectives") {
		return p.GetStringSlice("tasks")
	}
	return d.Period.GetStringSlice("tasks")
}

// CompanyScope reads what a dossier's bilan entreprise rates, in two queries.
func (s *Store) CompanyScope(d *Dossier) (*CompanyScope, error) {
	tasks, err := s.TasksByID(d.TaskIDs())
	if err != nil {
		return nil, err
	}
	all, err := s.Competences()
	if err != nil {
		return nil, err
	}
	return &CompanyScope{Tasks: tasks, Competences: LinkedCompetences(all, tasks)}, nil
}

// competence finds a competence of the scope, or a sub-competence of one, by code.
func (sc *CompanyScope) competence(code string) (c *Competence, sub bool) {
	for _, c := range sc.Competences {
		if c.Code == code {
			return c, false
		}
		for _, s := range c.Subs {
			if s.Code == code {
				return s, true
			}
		}
	}
	return nil, false
}

func (sc *CompanyScope) task(code string) *ReviewTask {
	for i := range sc.Tasks {
		if sc.Tasks[i].Code == code {
			return &sc.Tasks[i]
		}
	}
	return nil
}

// taskCodes maps the scope's task ids to their codes.
func (sc *CompanyScope) taskCodes() map[string]string {
	out := make(map[string]string, len(sc.Tasks))
	for _, t := range sc.Tasks {
		out[t.ID] = t.Code
	}
	return out
}

// Check validates one choice and returns its value as stored: a key of the scope, a value on
// its scale. A refusal is an invalid-input error naming the key.
func (sc *CompanyScope) Check(key, value string) (string, error) {
	v, msg := sc.check(key, strings.TrimSpace(value))
	if msg != "" {
		return "", pfmp.Invalid(msg, map[string]string{key: msg})
	}
	return v, nil
}

func (sc *CompanyScope) check(key, v string) (string, string) {
	if v, msg, ok := sc.checkCertificative(key, v); ok {
		return v, msg
	}
	prefix, code := KeyCode(key)
	switch prefix {
	case "tache:":
		if sc.task(code) == nil {
			return "", "Cette tâche ne fait pas partie du dossier."
		}
		if v == "1" || v == "on" {
			return "1", ""
		}
		return "", ""
	case "mode:":
		if c, sub := sc.competence(code); c == nil || sub || len(c.Subs) == 0 {
			return "", "Cette compétence ne s'évalue pas en mode détaillé."
		}
		if v == pfmp.ModeGlobal || v == "" {
			return "", ""
		}
		if !pfmp.ValidMode(v) {
			return "", "Mode d'évaluation inconnu."
		}
		return v, ""
	case "niveau:":
		if c, _ := sc.competence(code); c == nil {
			return "", "Cette compétence n'est pas évaluée dans ce bilan."
		}
		if v != "" && !pfmp.ValidRating(v) {
			return "", "Niveau inconnu : choisissez 4, 3, 2, 1, 0, NE ou aucun niveau."
		}
		return v, ""
	case KeyEngagement:
		if v == "" || v == "0" {
			return "", ""
		}
		if n, err := strconv.Atoi(v); err != nil || !pfmp.ValidEngagement(n) {
			return "", "L'engagement se note de 1 à 4 étoiles."
		}
		return v, ""
	case KeyDate:
		t, err := pfmp.ParseDate(v)
		if err != nil {
			return "", "Date de la rencontre : " + err.Error()
		}
		return pfmp.ISODate(t), ""
	case KeyComment:
		if utf8.RuneCountInString(v) > maxReviewComment {
			return "", fmt.Sprintf("Le commentaire ne peut pas dépasser %d caractères.", maxReviewComment)
		}
		return v, ""
	}
	return "", "Ce choix ne fait pas partie du bilan entreprise."
}

// Choice is one choice as sent by a form: its key, its value, and the version of the key the
// form showed (0 when it showed it never changed).
type Choice struct {
	Key, Value string
	Seen       int
}

// Conflict is a choice refused because someone changed the same key since the form showed it.
type Conflict struct {
	Key, Mine, Theirs string
	By                string // who made the stored change (user id)
	Version           int    // the stored version, to impose one's choice knowingly
}

// ChoiceResult is what a save did: the bilan as stored after it, the keys it changed and the
// choices it refused.
type ChoiceResult struct {
	State     *CompanyState
	Changed   []string
	Conflicts []Conflict
}

// SaveCompanyChoices writes choices to a dossier's bilan entreprise in one transaction, each
// on its own: a choice equal to the stored value changes nothing; one whose key changed since
// the form showed it is refused (a Conflict), the others are written. An invalid choice refuses
// them all. markSaved also stamps the bilan as saved (visible to the student), unless a choice
// was refused. A new bilan's meeting date is the period's date of the bilans entreprise.
func (s *Store) SaveCompanyChoices(d *Dossier, sc *CompanyScope, actorID string, choices []Choice, markSaved bool) (*ChoiceResult, error) {
	fe := pfmp.FieldErrors{}
	choices = slices.Clone(choices) // normalised here; the caller keeps what was sent
	for i, c := range choices {
		v, err := sc.Check(c.Key, c.Value)
		for k, m := range pfmp.FieldsOf(err) {
			fe[k] = m
		}
		choices[i].Value = v
	}
	if err := fe.Err(); err != nil {
		return nil, err
	}
	res := &ChoiceResult{}
	err := s.app.RunInTransaction(func(tx core.App) error {
		r, err := findReview(tx, "company_reviews", d.ID())
		if err != nil {
			return err
		}
		if r == nil {
			if r, err = newRecord(tx, "company_reviews"); err != nil {
				return err
			}
			r.Set("placement", d.ID())
			r.Set("meeting_date", d.Period.ReviewDate())
			r.Set("certificative", sc.Certificative)
		}
		res.Changed, res.Conflicts = applyChoices(r, sc, actorID, choices)
		stamp := markSaved && len(res.Conflicts) == 0
		if stamp {
			r.Set("saved_at", s.now().UTC())
			r.Set("saved_by", actorID)
		}
		if len(res.Changed) > 0 || stamp {
			if err := saveAs(tx, actorID, r); err != nil {
				return err
			}
		}
		res.State = companyState(r, sc)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// applyChoices sets on r the choices that differ from its values and whose key is still at the
// version the form showed; it returns the keys changed and the choices refused.
func applyChoices(r *core.Record, sc *CompanyScope, actorID string, choices []Choice) ([]string, []Conflict) {
	values := companyValues(r, sc.taskCodes())
	versions := proxy[CompanyReview](r).Versions()
	next := r.GetInt("version") + 1
	var changed []string
	var conflicts []Conflict
	for _, c := range choices {
		stored := values[c.Key]
		if stored == c.Value {
			continue
		}
		if fv := versions[c.Key]; fv.V != c.Seen {
			conflicts = append(conflicts, Conflict{Key: c.Key, Mine: c.Value, Theirs: stored, By: fv.By, Version: fv.V})
			continue
		}
		setChoice(r, sc, c.Key, c.Value)
		values[c.Key] = c.Value
		versions[c.Key] = FieldVersion{V: next, By: actorID}
		changed = append(changed, c.Key)
	}
	if len(changed) > 0 {
		r.Set("version", next)
		r.Set("versions", versions)
		r.Set("author", actorID)
	}
	return changed, conflicts
}

// setChoice writes one checked choice to its column.
func setChoice(r *core.Record, sc *CompanyScope, key, v string) {
	prefix, code := KeyCode(key)
	switch prefix {
	case "tache:":
		id := sc.task(code).ID
		done := slices.DeleteFunc(r.GetStringSlice("tasks_done"), func(x string) bool { return x == id })
		if v == "1" {
			done = append(done, id)
		}
		r.Set("tasks_done", done)
	case "mode:":
		setJSONKey(r, "modes", code, v)
	case "niveau:":
		setJSONKey(r, "ratings", code, v)
	case KeyEngagement:
		n, _ := strconv.Atoi(v)
		r.Set("engagement", n)
	case KeyDate:
		t, _ := pfmp.ParseDate(v)
		r.Set("meeting_date", t)
	case KeyComment:
		r.Set("comment", v)
	case KeyEvaluators:
		r.Set("evaluators", v)
	}
}

// setJSONKey sets (or, for "", removes) one key of a JSON object column.
func setJSONKey(r *core.Record, field, key, v string) {
	m := map[string]string{}
	_ = r.UnmarshalJSONField(field, &m)
	if v == "" {
		delete(m, key)
	} else {
		m[key] = v
	}
	r.Set(field, m)
}
