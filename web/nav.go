package web

import (
	"strings"

	"livret/pfmp"
)

type navItem struct {
	Href, Label string
	Current     bool
}

// navFor is the role-aware main navigation.
func navFor(a *pfmp.Actor, path string) []navItem {
	var items []navItem
	switch {
	case a == nil:
		return nil
	case a.IsTeacher():
		items = []navItem{{Href: "/periodes", Label: "Périodes en entreprise"},
			{Href: "/annexes", Label: "Annexes pédagogiques"},
			{Href: "/bilans-intermediaires", Label: "Bilans intermédiaires"}}
	case a.IsCompany():
		items = []navItem{{Href: "/mes-apprenants", Label: "Mes apprenants"}}
	default:
		items = []navItem{{Href: "/mes-periodes", Label: "Mes périodes"}}
	}
	for i := range items {
		items[i].Current = strings.HasPrefix(path, items[i].Href)
	}
	return items
}
