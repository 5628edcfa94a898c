package export

import "livret/pfmp"

// The student's own tabs: the weekly journal, the maintenance activities, the annexes, and
// the bilan personnel. Labels are the app's.

func (o *outline) weeks(p *Portfolio) {
	o.heading(1, "Présenter les activités hebdomadaires")
	if len(p.Weeks) == 0 {
		o.note("La période ne compte aucune semaine.")
	}
	for i, w := range p.Weeks {
		o.heading(2, pfmp.Week{Index: i + 1, Start: w.Start, End: w.End}.Label())
		o.textSection(3, "Mes activités de la semaine", w.Activities)
		o.textSection(3, "Ce que j'ai aimé", w.Liked)
		o.textSection(3, "Ce que j'ai réussi", w.Succeeded)
	}
}

func (o *outline) interventions(p *Portfolio) {
	o.heading(1, "Présenter une activité")
	if len(p.Interventions) == 0 {
		o.note("Aucune activité n'a été présentée.")
	}
	for _, iv := range p.Interventions {
		o.heading(2, orDefault(iv.Title, "Activité sans titre"))
		o.textSection(3, "Conditions de réalisation", iv.Conditions)
		o.heading(3, "Bon de travail")
		o.table(
			tableRow{"Date", pfmp.FormatLong(iv.Date)},
			tableRow{"Secteur", iv.Sector},
			tableRow{"Demandeur", iv.Requester},
			tableRow{"Machine", iv.Machine},
			tableRow{"Nature du travail à réaliser", iv.Nature},
			tableRow{"Fournitures", iv.Supplies},
			tableRow{"Documentation", iv.Documentation},
		)
		o.heading(3, "Rapport d'intervention")
		o.table(
			tableRow{"Défauts constatés", iv.Defects},
			tableRow{"Cause(s)", iv.Causes},
			tableRow{"Réparations effectuées", iv.Repairs},
			tableRow{"Durée de l'intervention", iv.Duration},
		)
	}
}

// attachments lists the annexes, each title a link to the file or the page.
func (o *outline) attachments(p *Portfolio) {
	o.heading(1, "Annexes")
	if len(p.Attachments) == 0 {
		o.note("Aucune annexe n'a été jointe.")
		return
	}
	items := make([]listItem, 0, len(p.Attachments))
	for _, a := range p.Attachments {
		url := linkURL(a.URL)
		spans := []span{{text: orDefault(a.Title, orDefault(url, "Annexe")), url: url}}
		if d := cleanText(a.Detail); d != "" {
			spans = append(spans, span{text: " — " + d})
		}
		items = append(items, listItem{spans: spans})
	}
	o.add(block{kind: blockList, items: items})
}

func (o *outline) selfReview(p *Portfolio) {
	r := p.SelfReview
	if r == nil {
		return
	}
	o.heading(1, "Bilan personnel")
	o.textSection(2, "Points forts", r.Strengths)
	o.textSection(2, "Axes de progrès", r.Improvements)
	o.textSection(2, "Objectifs pour la prochaine période", r.NextGoals)
}
