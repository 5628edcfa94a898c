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
	if a != nil && a.MustChangePassword { // every page leads to the password change until done
		return []navItem{{Href: passwordURL, Label: "Choisir mon mot de passe", Current: path == passwordURL}}
	}
	for _, e := range navEntries {
		if pfmp.CanSchool(a, e.act) {
			items = append(items, navItem{Href: e.href, Label: e.label, Current: strings.HasPrefix(path, e.href)})
		}
	}
	return items
}

// navEntries are the menu's entries, each shown to those the policy lets do its action.
var navEntries = []struct {
	act         pfmp.Action
	href, label string
}{
	{pfmp.ManageSchool, "/periodes", "Périodes en entreprise"},
	{pfmp.ManageSchool, "/annexes", "Annexes pédagogiques"},
	{pfmp.ManageSchool, "/bilans-intermediaires", "Bilans intermédiaires"},
	{pfmp.ManageSchool, "/evaluations-etablissement", "Évaluations en établissement"},
	{pfmp.ManageSchool, "/evaluations-certificatives", "Évaluations certificatives"},
	{pfmp.ManageLogins, "/comptes", "Comptes des élèves"},
	{pfmp.ManageYear, "/annee", "Fin d'année"},
	{pfmp.ListGrantedFiles, "/mes-apprenants", "Mes apprenants"},
	{pfmp.ListOwnDossiers, "/mes-periodes", "Mes périodes"},
	{pfmp.ListOwnEvaluations, "/mes-evaluations", "Mes évaluations"},
	{pfmp.ListOwnEvaluations, "/tableau-de-bord", "Tableau de bord"},
}
