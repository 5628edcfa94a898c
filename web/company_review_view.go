package web

import (
	"strings"

	"livret/dossier"
	"livret/pfmp"
)

// The bilan entreprise as its template shows it: one view per choice (its key, value, version
// and, after a refused save, the conflict), computed here once so that the page and the
// fragments htmx swaps render each block from the same data.

// companyReviewView is the page of a dossier's bilan entreprise (or certification grid).
type companyReviewView struct {
	Page
	Dossier  *openDossier
	Form     companyForm
	Base     string // the page's address: the saves and the poll go under it
	Grid     bool   // the certification grid (E31, E33), not the bilan
	Editable bool   // the actor may edit and the bilan is not locked
	Lock     dossier.ReviewLock
	State    reviewState
	History  []historyLine
}

// blockView is one block of the form, alone or in the page: a choice's control (a
// competence, for "company/competence") and how to save it.
type blockView struct {
	Name     string // its template, when htmx swaps it back
	Control  any    // a choiceView, or a competenceView
	Base     string
	Editable bool
	OOB      bool
}

// resultView is the level a competence gets, under its title.
type resultView struct {
	Level levelView
	ID    string
	OOB   bool
}

// pollView is the form's poll for the others' changes, from the version shown.
type pollView struct {
	Base    string
	Version int
	OOB     bool
}

// companySavedView answers a save or a poll (htmx, out of band): the choices saved with their
// new version, the levels they move, the blocks to redraw, a refusal, the state line, the poll.
type companySavedView struct {
	Saved  []savedChoice
	At     string // the time of the save
	Levels []resultView
	Blocks []blockView
	Failed *failedChoice
	State  *reviewState
	Poll   *pollView
}

// savedChoice is a choice saved, with its new version.
type savedChoice struct {
	ID, Key string
	Seen    int
}

// failedChoice is a refused choice's message, under its control.
type failedChoice struct{ ID, Msg string }

// choiceView is one choice of the form.
type choiceView struct {
	Key, ID, Value string
	Label          string // the legend or label of its control
	Seen           int
	Conflict       *conflictView
	Err            string
}

// conflictView is a refused choice: the stored value (someone else's) and the one sent.
type conflictView struct{ By, Theirs, Mine string }

// taskView is one task to tick, in its activity.
type taskView struct {
	Code, Label string
	Choice      choiceView
}

type activityView struct {
	Code, Label string
	Tasks       []taskView
}

// competenceView is one competence: its mode switch (when it has sub-competences), its own
// fan, its sub-competences' fans and the level the bilan gives it.
type competenceView struct {
	Code, Label, ID string
	Official        bool
	Mode            choiceView
	Level           choiceView
	Subs            []subView
	Result          levelView
}

type subView struct {
	Code, Label string
	Choice      choiceView
}

// levelView is a level as shown: its code, label, colour class and whether it was computed.
type levelView struct {
	Code, Label string
	Computed    bool
}

// companyForm is every choice of a dossier's bilan entreprise.
type companyForm struct {
	Activities  []activityView
	Competences []competenceView
	Engagement  choiceView
	Evaluators  choiceView
	Date        choiceView
	Comment     choiceView
	Version     int
}

// keyID turns a key into an HTML id: "niveau:C1.1.a" → "niveau-C1-1-a".
func keyID(key string) string { return strings.NewReplacer(":", "-", ".", "-").Replace(key) }

// choiceOf is one choice's view from the stored state; the conflicts and errors of a refused
// save, when given, are attached.
func choiceOf(st *dossier.CompanyState, key string, refused *refusal) choiceView {
	v := choiceView{Key: key, ID: keyID(key), Value: st.Values[key], Seen: st.Seen(key)}
	if refused != nil {
		v.Conflict = refused.conflicts[key]
		v.Err = refused.errors[key]
		if typed, ok := refused.typed[key]; ok {
			v.Value = typed // a refused form keeps what was sent, an invalid value next to its message
		}
	}
	return v
}

func labelled(v choiceView, label string) choiceView { v.Label = label; return v }

// refusal is what a refused save leaves on the form: conflicts, errors, and what was sent.
type refusal struct {
	conflicts map[string]*conflictView
	errors    map[string]string
	typed     map[string]string
}

// companyFormOf builds the form from the scope and the stored state.
func companyFormOf(sc *dossier.CompanyScope, st *dossier.CompanyState, refused *refusal) companyForm {
	date := "Date de la rencontre"
	if sc.Certificative {
		date = "Date de l'évaluation"
	}
	f := companyForm{Version: st.Version,
		Engagement: labelled(choiceOf(st, dossier.KeyEngagement, refused), "Engagement de l'apprenant"),
		Evaluators: labelled(choiceOf(st, dossier.KeyEvaluators, refused), "Évaluateurs"),
		Date:       labelled(choiceOf(st, dossier.KeyDate, refused), date),
		Comment:    labelled(choiceOf(st, dossier.KeyComment, refused), "Commentaire pour l'apprenant")}
	for _, g := range sc.Activities() {
		a := activityView{Code: g.Code, Label: g.Label}
		for _, t := range g.Tasks {
			a.Tasks = append(a.Tasks, taskView{Code: t.Code, Label: t.Label,
				Choice: labelled(choiceOf(st, dossier.TaskKey(t.Code), refused), t.Code+" — "+t.Label)})
		}
		f.Activities = append(f.Activities, a)
	}
	for _, c := range sc.Competences {
		f.Competences = append(f.Competences, competenceOf(c, st, refused))
	}
	return f
}

func competenceOf(c *dossier.Competence, st *dossier.CompanyState, refused *refusal) competenceView {
	v := competenceView{Code: c.Code, Label: c.Label, ID: keyID(c.Code), Official: c.Official(),
		Mode:  labelled(choiceOf(st, dossier.ModeKey(c.Code), refused), "Évaluation détaillée"),
		Level: labelled(choiceOf(st, dossier.LevelKey(c.Code), refused), c.Code+" — "+c.Label)}
	for _, s := range c.Subs {
		v.Subs = append(v.Subs, subView{Code: s.Code, Label: s.Label,
			Choice: labelled(choiceOf(st, dossier.LevelKey(s.Code), refused), s.Code+" — "+s.Label)})
	}
	level, computed := st.Level(c)
	v.Result = levelOf(level, computed)
	return v
}

func levelOf(code string, computed bool) levelView {
	l := levelView{Code: code, Computed: computed}
	if r, ok := pfmp.RatingOf(code); ok {
		l.Label = r.Label
	}
	return l
}

// Detailed reports whether the competence is rated through its sub-competences.
func (c competenceView) Detailed() bool { return c.Mode.Value == pfmp.ModeDetailed }

// block finds the block of the form that shows a key, and the template that renders it: a
// mode change redraws its whole competence, any other key its own control.
func (f companyForm) block(key string) (name string, view any, ok bool) {
	prefix, code := dossier.KeyCode(key)
	switch prefix {
	case dossier.KeyEngagement:
		return "company/engagement", f.Engagement, true
	case dossier.KeyEvaluators:
		return "company/evaluators", f.Evaluators, true
	case dossier.KeyDate:
		return "company/date", f.Date, true
	case dossier.KeyComment:
		return "company/comment", f.Comment, true
	}
	for _, a := range f.Activities {
		for _, t := range a.Tasks {
			if t.Choice.Key == key {
				return "company/task", t.Choice, true
			}
		}
	}
	for _, c := range f.Competences {
		switch {
		case prefix == "mode:" && c.Code == code:
			return "company/competence", c, true
		case c.Level.Key == key:
			return "company/fan", c.Level, true
		}
		for _, s := range c.Subs {
			if s.Choice.Key == key {
				return "company/fan", s.Choice, true
			}
		}
	}
	return "", nil, false
}

// competenceOfKey is the competence whose level a key's change may move (itself, or the
// parent of a sub-competence), nil for the other keys.
func (f companyForm) competenceOfKey(key string) *competenceView {
	for i, c := range f.Competences {
		if c.Mode.Key == key || c.Level.Key == key {
			return &f.Competences[i]
		}
		for _, s := range c.Subs {
			if s.Choice.Key == key {
				return &f.Competences[i]
			}
		}
	}
	return nil
}
