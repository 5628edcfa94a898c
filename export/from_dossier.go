package export

import (
	"livret/dossier"
)

// FromDossier is the portfolio of a dossier as the exports write it. fileURL is an
// attachment file's absolute download address: the web layer knows its routes and the
// site's address, this package neither.
func FromDossier(d *dossier.Portfolio, fileURL func(attachmentID string) string) *Portfolio {
	pl, st := d.Placement, d.Student
	p := &Portfolio{
		Student: Person{FirstName: st.GetString("first_name"), LastName: st.GetString("last_name")},
		Class:   d.Class,
		School:  d.School,
		Period:  Period{Name: d.Period.GetString("name"), Start: d.Period.Start(), End: d.Period.End()},
		Company: Company{
			Name: pl.GetString("company_name"), Address: pl.GetString("company_address"),
			PostalCode: pl.GetString("company_postal_code"), City: pl.GetString("company_city"),
			Sector: pl.GetString("company_sector"), Phone: pl.GetString("company_phone"),
			Activity: pl.GetString("company_activity"), History: pl.GetString("company_history"),
		},
		Tutor: Person{FirstName: pl.GetString("tutor_first_name"), LastName: pl.GetString("tutor_last_name"),
			Phone: pl.GetString("tutor_phone"), Email: pl.GetString("tutor_email")},
		OrgChart: d.OrgChart.Roots,
		// SelfReview stays nil: the bilan personnel (collection self_reviews) is not written
		// by any page yet; it is read here once it is.
	}
	p.Company.Employees, p.Company.MaintenanceStaff = pl.Headcounts()
	if lat, lng, ok := pl.Position(); ok {
		p.Position = &Position{Lat: lat, Lng: lng}
	}
	p.Weeks = weeksOf(d)
	p.Interventions = make([]Intervention, len(d.Reports))
	for i, r := range d.Reports {
		p.Interventions[i] = Intervention{
			Title: r.Title, Conditions: r.Conditions, Date: r.Date.Time(),
			Sector: r.Sector, Requester: r.Requester, Machine: r.Machine,
			Nature: r.Nature, Supplies: r.Supplies, Documentation: r.Documentation,
			Defects: r.Defects, Causes: r.Causes, Repairs: r.Repairs, Duration: r.Duration,
		}
	}
	p.Attachments = make([]Attachment, len(d.Attachments))
	for i, a := range d.Attachments {
		p.Attachments[i] = Attachment{Title: a.Title, URL: a.URL, Detail: a.TypeLabel()}
		if a.Kind != "link" {
			p.Attachments[i].URL = fileURL(a.ID)
			p.Attachments[i].Detail += " · " + a.SizeLabel()
		}
	}
	return p
}

// weeksOf is every working week of the period, with what the student wrote for it.
func weeksOf(d *dossier.Portfolio) []Week {
	periodWeeks := d.Period.Weeks()
	weeks := make([]Week, len(periodWeeks))
	for i, w := range periodWeeks {
		weeks[i] = Week{Start: w.Start, End: w.End}
		if jw := d.Weeks[dossier.MondayOf(w.Start)]; jw != nil {
			weeks[i].Activities, weeks[i].Liked, weeks[i].Succeeded =
				jw.GetString("activities"), jw.GetString("liked"), jw.GetString("succeeded")
		}
	}
	return weeks
}
