package export_test

import (
	"fmt"
	"strings"
	"time"

	"livret/export"
	"livret/pfmp"
)

// The rich portfolio every test exports: all sections filled, French accents and typographic
// apostrophes everywhere, a 10,000-character report, 50 reports passed out of 52 written, a
// 3-level org chart.

const (
	accents      = "é à ç œ ’"
	longMarker   = "FIN-DU-RAPPORT-LONG"
	reportsTotal = 52
	reportsKept  = 50
)

// unbroken is one 288-character word: it must wrap inside its table cell.
var unbroken = strings.Repeat("AZERTYUIOPQSDFGHJKLMWXCVBN0123456789", 8)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func intPtr(n int) *int { return &n }

// orgNames are the chart's names in reading order (depth first).
var orgNames = []string{"Direction générale", "Service maintenance", "Équipe électricité", "Équipe mécanique",
	"Service production", "Atelier conditionnement"}

func orgChart() []*pfmp.OrgNode {
	node := func(id, name, role string, children ...*pfmp.OrgNode) *pfmp.OrgNode {
		return &pfmp.OrgNode{ID: id, Name: name, Role: role, Children: children}
	}
	return []*pfmp.OrgNode{
		node("n1", orgNames[0], "Mme Béatrice Lœuvre, directrice",
			node("n2", orgNames[1], "M. Jérôme Lefèvre, responsable",
				node("n3", orgNames[2], "2 techniciens"),
				node("n4", orgNames[3], "")),
			node("n5", orgNames[4], "M. François Da Costa",
				node("n6", orgNames[5], "Équipe de l’après-midi"))),
	}
}

// longText is about 10,000 characters of French prose, in paragraphs, ending with a marker.
func longText() string {
	var b strings.Builder
	for i := 1; b.Len() < 9900; i++ {
		fmt.Fprintf(&b, "Étape %d : j’ai démonté le carter, vérifié l’état des courroies et du roulement côté moteur, "+
			"nettoyé la zone puis contrôlé l’alignement des poulies à la règle. ", i)
		if i%4 == 0 {
			b.WriteString("\n")
		}
	}
	b.WriteString(longMarker)
	return b.String()
}

func reportTitle(n int) string {
	return fmt.Sprintf("Activité n° %02d — remplacement d’un vérin", n)
}

// reports are the 52 written; the first reportsKept are the ones passed to the export.
func reports() []export.Intervention {
	out := make([]export.Intervention, reportsTotal)
	for i := range out {
		n := i + 1
		out[i] = export.Intervention{
			Title:         reportTitle(n),
			Conditions:    "Seul, sous la surveillance du tuteur.\nConsignation électrique faite par l’électricien.",
			Date:          day(2025, 3, 3+i%20),
			Sector:        "Atelier de conditionnement",
			Requester:     "M. Lefèvre",
			Machine:       fmt.Sprintf("Presse à injecter n° %02d", n),
			Nature:        "Remplacer le vérin de fermeture qui fuit.",
			Supplies:      "Vérin ISO 15552, joints, clé dynamométrique",
			Documentation: "Dossier machine, schéma pneumatique",
			Defects:       fmt.Sprintf("Fuite d’huile au niveau du vérin (défaut %02d)", n),
			Causes:        "Usure des joints à lèvre",
			Repairs:       "Changement du vérin et des joints",
			Duration:      "2 h 30",
		}
	}
	out[0].Repairs = longText()
	out[1].Documentation = unbroken
	out[reportsTotal-2].Title = "Rapport écarté : graissage du convoyeur"
	out[reportsTotal-1].Title = "Rapport écarté : changement de filtre"
	return out
}

func weeks(start, end time.Time) []export.Week {
	var out []export.Week
	for _, w := range pfmp.Weeks(start, end) {
		out = append(out, export.Week{
			Start: w.Start, End: w.End,
			Activities: fmt.Sprintf("Semaine %d : accueil, visite de l’atelier.\nPremières interventions de maintenance préventive.", w.Index),
			Liked:      "J’ai aimé travailler en équipe avec les électriciens ; " + accents,
			Succeeded:  "J’ai réussi à remplacer un capteur inductif seul.",
		})
	}
	return out
}

func richPortfolio() *export.Portfolio {
	start, end := day(2025, 3, 3), day(2025, 3, 28)
	return &export.Portfolio{
		Student: export.Person{FirstName: "Léa", LastName: "Dupré-Cœurdacier"},
		Class:   "1re MSPC",
		School:  "Lycée professionnel Gustave-Eiffel",
		Period:  export.Period{Name: "PFMP 1 — Première", Start: start, End: end},
		Company: export.Company{
			Name: "Société d’Usinage Normand", Address: "12 rue de l’Église", PostalCode: "76000", City: "Rouen",
			Sector: "Agroalimentaire", Phone: "02 35 00 00 00",
			Activity:  "Fabrication de barquettes en plastique.\nConditionnement pour la grande distribution.",
			History:   "Créée en 1978 par M. Lœuvre.\nRachetée en 2003 ; nouvelle usine en 2015 « à Rouen ».",
			Employees: intPtr(120), MaintenanceStaff: intPtr(8),
		},
		Tutor:         export.Person{FirstName: "Jérôme", LastName: "Lefèvre", Phone: "06 12 34 56 78", Email: "j.lefevre@sun.example.fr"},
		Position:      &export.Position{Lat: 49.4431, Lng: 1.0993},
		OrgChart:      orgChart(),
		Weeks:         weeks(start, end),
		Interventions: reports()[:reportsKept],
		Attachments: []export.Attachment{
			{Title: "Photo de la presse à injecter", URL: "https://livret.example.fr/dossiers/p1/portfolio/annexes/a1/fichier", Detail: "Image JPEG · 1,2 Mo"},
			{Title: "Notice du constructeur (lien)", URL: "https://www.example.com/notices/presse injecteur.pdf"},
		},
		SelfReview: &export.SelfReview{
			Strengths:    "Rigueur, ponctualité ; j’écoute les consignes.",
			Improvements: "Lire un schéma électrique plus vite.",
			NextGoals:    "Réaliser un dépannage complet en autonomie.\nPasser l’habilitation électrique.",
		},
	}
}

// heading is a heading as the documents must carry it: its level (1 to 3) and its text.
type heading struct {
	Level int
	Text  string
}

// expectedOutline is every heading of richPortfolio, in order: what a table of contents
// (and LibreOffice's PDF bookmarks) must list.
func expectedOutline() []heading {
	h := []heading{
		{1, "Présenter l'entreprise"}, {2, "L'entreprise"}, {2, "Le tuteur"}, {2, "Présentation"},
		{3, "Activité de l'entreprise"}, {3, "Historique de l'entreprise"},
		{1, "Géolocaliser l'entreprise"},
		{1, "Construire l'organigramme"},
		{1, "Présenter les activités hebdomadaires"},
	}
	for _, w := range []string{"Semaine 1 — du 3 au 7 mars", "Semaine 2 — du 10 au 14 mars",
		"Semaine 3 — du 17 au 21 mars", "Semaine 4 — du 24 au 28 mars"} {
		h = append(h, heading{2, w}, heading{3, "Mes activités de la semaine"}, heading{3, "Ce que j'ai aimé"},
			heading{3, "Ce que j'ai réussi"})
	}
	h = append(h, heading{1, "Présenter une activité"})
	for n := 1; n <= reportsKept; n++ {
		h = append(h, heading{2, reportTitle(n)}, heading{3, "Conditions de réalisation"}, heading{3, "Bon de travail"},
			heading{3, "Rapport d'intervention"})
	}
	return append(h, heading{1, "Annexes"}, heading{1, "Bilan personnel"}, heading{2, "Points forts"},
		heading{2, "Axes de progrès"}, heading{2, "Objectifs pour la prochaine période"})
}
