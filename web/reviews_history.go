package web

import (
	"strconv"
	"strings"

	"livret/dossier"
	"livret/pfmp"
)

// The history of an evaluation, as teachers read it on the bilan: who changed which choice,
// when, from what to what — in words, not keys.

type historyLine struct {
	At, Actor string
	Changes   []shownChange
}

type shownChange struct{ Field, Old, New string }

// reviewHistory reads and words the saves of one evaluation, the latest first.
func (s *Server) reviewHistory(collection, recordID string) ([]historyLine, error) {
	entries, err := s.store.History(collection, recordID)
	if err != nil || len(entries) == 0 {
		return nil, err
	}
	names, err := s.referentielNames()
	if err != nil {
		return nil, err
	}
	out := make([]historyLine, len(entries))
	for i, e := range entries {
		l := historyLine{At: pfmp.FormatDateTime(e.At), Actor: e.Actor}
		for _, ch := range e.Changes {
			l.Changes = append(l.Changes, names.describe(ch))
		}
		out[i] = l
	}
	return out, nil
}

// refNames are the référentiel's items by code: "C1.1 — Analyser…", "Assiduité"…
type refNames map[string]string

func (s *Server) referentielNames() (refNames, error) {
	names := refNames{}
	comps, err := s.store.Competences()
	if err != nil {
		return nil, err
	}
	for _, c := range comps {
		names[c.Code] = c.Code + " — " + c.Label
		for _, sub := range c.Subs {
			names[sub.Code] = sub.Code + " — " + sub.Label
		}
	}
	attitudes, err := s.store.Attitudes()
	if err != nil {
		return nil, err
	}
	for _, a := range attitudes {
		names[a.Code] = a.Label
	}
	groups, err := s.store.TaskCatalogue()
	for _, g := range groups {
		for _, t := range g.Tasks {
			names[t.Code] = t.Code + " — " + t.Label
		}
	}
	return names, err
}

func (n refNames) name(code string) string {
	if v, ok := n[code]; ok {
		return v
	}
	return code
}

var fixedFieldNames = map[string]string{
	dossier.KeyComment:    "Commentaire",
	dossier.KeyDate:       "Date de la rencontre",
	dossier.KeyEngagement: "Engagement",
	dossier.KeyEvaluators: "Évaluateurs",
	dossier.KeySaved:      "Enregistré (visible de l'apprenant)",
	"strengths":           "Points forts",
	"improvements":        "Axes de progrès",
	"next_goals":          "Objectifs pour la prochaine période",
}

// describe words one change.
func (n refNames) describe(ch dossier.Change) shownChange {
	prefix, code := dossier.KeyCode(ch.Field)
	field, value := fixedFieldNames[ch.Field], func(v string) string { return v }
	switch prefix {
	case "attitude:":
		field, value = n.name(code), attitudeWords
	case "niveau:":
		field, value = "Niveau — "+n.name(code), ratingWords
	case "mode:":
		field, value = "Mode d'évaluation — "+n.name(code), modeWords
	case "tache:":
		field, value = "Tâche "+n.name(code), taskWords
	case dossier.KeyEngagement:
		value = engagementWords
	case dossier.KeyDate:
		value = dateWords
	}
	if field == "" {
		field = ch.Field
	}
	return shownChange{Field: field, Old: orDash(value(ch.Old)), New: orDash(value(ch.New))}
}

func orDash(s string) string {
	if strings.TrimSpace(s) == "" {
		return "—"
	}
	return s
}

func attitudeWords(v string) string {
	if l, ok := pfmp.AttitudeLevelOf(v); ok {
		return l.Label
	}
	return v
}

func ratingWords(v string) string {
	if r, ok := pfmp.RatingOf(v); ok {
		return r.Code + " — " + r.Label
	}
	return v
}

func modeWords(v string) string {
	if v == pfmp.ModeDetailed {
		return "détaillé"
	}
	return "global"
}

func taskWords(v string) string {
	if v == "1" {
		return "réalisée"
	}
	return "non réalisée"
}

func engagementWords(v string) string {
	n, _ := strconv.Atoi(v)
	if l := pfmp.EngagementLabel(n); l != "" {
		return v + " étoile(s) — " + l
	}
	return v
}

func dateWords(v string) string {
	if t, err := pfmp.ParseDate(v); err == nil {
		return pfmp.FormatLong(t)
	}
	return v
}
