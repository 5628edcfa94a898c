package export

import "livret/pfmp"

// The title page and the company's tabs: « Présenter l'entreprise », « Géolocaliser
// l'entreprise », « Construire l'organigramme ». Labels are the app's.

func (o *outline) titlePage(p *Portfolio) {
	o.add(block{kind: blockTitle, spans: []span{{text: "Portfolio de " + orDefault(fullName(p.Student), "l'apprenant")}}})
	o.add(block{kind: blockSubtitle, spans: []span{{text: orDefault(p.Period.Name, "Période en entreprise")}}})
	o.table(
		tableRow{"Apprenant", fullName(p.Student)},
		tableRow{"Classe", p.Class},
		tableRow{"Période", p.Period.Name},
		tableRow{"Dates", periodDates(p.Period)},
		tableRow{"Entreprise", p.Company.Name},
		tableRow{"Tuteur", fullName(p.Tutor)},
		tableRow{"Établissement", p.School},
	)
}

func (o *outline) company(p *Portfolio) {
	c, t := p.Company, p.Tutor
	o.heading(1, "Présenter l'entreprise")
	o.heading(2, "L'entreprise")
	o.table(
		tableRow{"Raison sociale / Nom de l'entreprise", c.Name},
		tableRow{"Adresse", c.Address},
		tableRow{"Code postal", c.PostalCode},
		tableRow{"Ville", c.City},
		tableRow{"Secteur d'activité de l'entreprise", c.Sector},
		tableRow{"Tél. de l'entreprise", c.Phone},
	)
	o.heading(2, "Le tuteur")
	o.table(
		tableRow{"Nom du tuteur", t.LastName},
		tableRow{"Prénom du tuteur", t.FirstName},
		tableRow{"Tél. du tuteur", t.Phone},
		tableRow{"Courriel du tuteur", t.Email},
	)
	o.heading(2, "Présentation")
	o.table(
		tableRow{"Nombre d'employé(s)", count(c.Employees)},
		tableRow{"Nombre de personne(s) dans le service maintenance", count(c.MaintenanceStaff)},
	)
	o.textSection(3, "Activité de l'entreprise", c.Activity)
	o.textSection(3, "Historique de l'entreprise", c.History)
}

func (o *outline) location(p *Portfolio) {
	o.heading(1, "Géolocaliser l'entreprise")
	if p.Position == nil {
		o.table(tableRow{"Adresse", companyAddress(p.Company)})
		o.note("L'entreprise n'a pas été placée sur la carte.")
		return
	}
	o.table(
		tableRow{"Adresse", companyAddress(p.Company)},
		tableRow{"Coordonnées", coordinates(*p.Position)},
	)
	o.add(block{kind: blockPara, spans: []span{{text: "Voir l'emplacement sur OpenStreetMap", url: mapURL(*p.Position)}}})
}

// orgChart writes the chart as a nested bullet list: one level of indent per level of the
// hierarchy, in the chart's reading order.
func (o *outline) orgChart(p *Portfolio) {
	o.heading(1, "Construire l'organigramme")
	var items []listItem
	var walk func(nodes []*pfmp.OrgNode, level int)
	walk = func(nodes []*pfmp.OrgNode, level int) {
		for _, n := range nodes {
			if n == nil {
				continue
			}
			spans := []span{{text: orDefault(n.Name, dash), strong: true}}
			if role := cleanText(n.Role); role != "" {
				spans = append(spans, span{text: " — " + role})
			}
			items = append(items, listItem{level: level, spans: spans})
			walk(n.Children, level+1)
		}
	}
	walk(p.OrgChart, 0)
	if len(items) == 0 {
		o.note("L'organigramme n'a pas été construit.")
		return
	}
	o.add(block{kind: blockList, items: items})
}
