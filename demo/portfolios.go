package demo

import (
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

type company struct {
	student, name, address, postal, city, sector, phone, tutorFirst, tutorLast, tutorEmail string
	lat, lng                                                                               float64
}

var companies = []company{
	{"manon.girard", "Fragrance Plus", "45, rue du Bois noir", "76000", "Rouen",
		"Création et conditionnement de parfums", "02 32 10 20 30", "Julien", "Boisseau",
		"julien.boisseau@fragrance.example", 49.4431, 1.0993},
	{"lucas.lambert", "Papeteries de la Seine", "12, quai de Seine", "76100", "Rouen",
		"Fabrication de papier et carton", "02 35 40 50 60", "Julien", "Boisseau",
		"julien.boisseau@demo.livret.fr", 49.4300, 1.0800},
	{"sarah.bonnet", "Normandie Emballages", "3, avenue des Canadiens", "76800", "Saint-Étienne-du-Rouvray",
		"Emballages plastiques thermoformés", "02 35 64 00 11", "Sophie", "Lemaire",
		"s.lemaire@normandie-emballages.example", 49.3790, 1.1050},
}

// portfolios fills the fiche and a first week for a few 1re students, once.
func (s *seeder) portfolios() error {
	period, err := s.app.FindRecordById("periods", s.ids[periods[2].name])
	if err != nil {
		return err
	}
	weeks := pfmp.Weeks(period.GetDateTime("start").Time(), period.GetDateTime("end").Time())
	for _, c := range companies {
		p, err := s.app.FindRecordById("placements", s.ids[period.Id+":"+c.student])
		if err != nil {
			return err
		}
		if p.GetString("company_name") != "" {
			continue
		}
		fillCompany(p, c)
		p.Set("portfolio_edited", weeks[0].End)
		if err := s.app.Save(p); err != nil {
			return err
		}
		if err := s.firstWeek(p, weeks[0]); err != nil {
			return err
		}
	}
	return s.intervention(s.ids[period.Id+":"+companies[0].student])
}

func fillCompany(p *core.Record, c company) {
	p.Set("company_name", c.name)
	p.Set("company_address", c.address)
	p.Set("company_postal_code", c.postal)
	p.Set("company_city", c.city)
	p.Set("company_sector", c.sector)
	p.Set("company_phone", c.phone)
	p.Set("tutor_first_name", c.tutorFirst)
	p.Set("tutor_last_name", c.tutorLast)
	p.Set("tutor_email", c.tutorEmail)
	p.Set("lat", c.lat)
	p.Set("lng", c.lng)
	p.Set("employees", 30)
	p.Set("maintenance_staff", 6)
	p.Set("company_activity", "Production en série sur lignes automatisées ; le service maintenance assure le préventif et le dépannage.")
}

func (s *seeder) firstWeek(p *core.Record, w pfmp.Week) error {
	col, err := s.app.FindCollectionByNameOrId("journal_weeks")
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	r.Set("placement", p.Id)
	r.Set("week_start", w.Start)
	r.Set("activities", "Accueil sécurité, visite des lignes de production, participation aux rondes de surveillance avec mon tuteur.")
	r.Set("liked", "Découvrir les machines de conditionnement.")
	r.Set("succeeded", "Relever les indicateurs de la ronde sans erreur.")
	return s.app.Save(r)
}

func (s *seeder) intervention(placement string) error {
	if _, err := s.app.FindFirstRecordByData("interventions", "placement", placement); err == nil {
		return nil
	}
	col, err := s.app.FindCollectionByNameOrId("interventions")
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	r.Set("placement", placement)
	r.Set("title", "Remplacement des ressorts de tension de la thermoformeuse")
	r.Set("conditions", "Machine consignée, en binôme avec le technicien de maintenance.")
	r.Set("wo_machine", "Thermoformeuse TF-2")
	r.Set("wo_nature", "Film plastique déformé provoquant des plis au thermoformage")
	r.Set("defects", "Film plastique déformé qui provoque des plis lors du thermoformage")
	r.Set("causes", "Usure des ressorts de tension")
	r.Set("repairs", "Changement des ressorts")
	r.Set("duration", "30 min")
	r.Set("selected", true)
	return s.app.Save(r)
}
