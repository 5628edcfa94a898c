package web

import (
	"livret/dossier"
	"livret/pfmp"
	"livret/print"
)

// The print templates' data, made from what dossier/ reads: the web layer is the one that
// knows both.

func (s *Server) printSchool() print.School { return print.School{Name: s.store.SchoolName()} }

func printStudent(sh *dossier.PrintSheet) print.Student {
	st := sh.Student
	return print.Student{FirstName: st.GetString("first_name"), LastName: pfmp.FamilyName(st.GetString("last_name")),
		Class: sh.ClassName}
}

func printPeriod(sh *dossier.PrintSheet) print.Period {
	return print.Period{Name: sh.Period.GetString("name"), Start: sh.Period.Start(), End: sh.Period.End()}
}

func printCompany(p *dossier.Placement) print.Company {
	return print.Company{Name: p.GetString("company_name"), Address: p.GetString("company_address"),
		PostalCode: p.GetString("company_postal_code"), City: p.GetString("company_city"),
		Phone: p.GetString("company_phone"), SIRET: p.GetString("company_siret")}
}

func printTutor(p *dossier.Placement) print.Tutor {
	return print.Tutor{FirstName: p.GetString("tutor_first_name"), LastName: pfmp.FamilyName(p.GetString("tutor_last_name")),
		Phone: p.GetString("tutor_phone"), Email: p.GetString("tutor_email")}
}

func printItems(items []dossier.RefItem) []print.Item {
	out := make([]print.Item, len(items))
	for i, it := range items {
		out[i] = print.Item{Code: it.Code, Label: it.Label}
	}
	return out
}

// preconventionOf is one student's pré-convention.
func preconventionOf(school print.School, sh *dossier.PrintSheet) print.Preconvention {
	p := sh.Placement
	texts := map[string]string{}
	for _, sec := range sh.PreconventionSections() {
		texts[sec.Key] = sec.Text
	}
	return print.Preconvention{
		School: school, Student: printStudent(sh), Period: printPeriod(sh), Company: printCompany(p),
		Tutor: printTutor(p), Referents: sh.Referents,
		Hours: texts["hours"], Concertation: texts["concertation"],
		Objectives: sh.Objectives, Competences: printItems(sh.Competences), Tasks: printItems(sh.Tasks),
		Derogation: texts["derogation"], Evaluation: texts["evaluation"],
	}
}

// preconventionsDoc is the pré-conventions of sheets as ONE document, one section each.
func (s *Server) preconventionsDoc(sheets ...*dossier.PrintSheet) (print.Document, error) {
	school := s.printSchool()
	ps := make([]print.Preconvention, len(sheets))
	for i, sh := range sheets {
		ps[i] = preconventionOf(school, sh)
	}
	return print.RenderPreconventions(ps...)
}

// preconventionDoc is one student's pré-convention.
func (s *Server) preconventionDoc(sh *dossier.PrintSheet) (print.Document, error) {
	return s.preconventionsDoc(sh)
}

// attestationDoc is one student's attestation de présence.
func (s *Server) attestationDoc(sh *dossier.PrintSheet) (print.Document, error) {
	f := sh.Placement.Attestation()
	return print.RenderAttestations(print.Attestation{
		School: s.printSchool(), Student: printStudent(sh), Period: printPeriod(sh), Company: printCompany(sh.Placement),
		Representative: f["representative"], HeadOffice: f["head_office"], StudentAddress: f["student_address"],
		TotalHours: f["hours"], Gratification: f["gratification"], Place: f["place"],
	})
}

// The reference system's file names.
func preconventionFileName(sh *dossier.PrintSheet) string {
	st := sh.Student
	return pfmp.DossierFileName("Annexe", sh.Period.GetString("name"), st.GetString("first_name"), st.GetString("last_name"), ".pdf")
}

func attestationFileName(sh *dossier.PrintSheet) string {
	return pfmp.FileName("Attestation- "+sh.Period.GetString("name"), ".pdf")
}

func periodPreconventionsFileName(period string) string {
	return pfmp.FileName("Annexes "+period, ".pdf")
}
