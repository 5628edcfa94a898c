package print

import (
	"strings"
	"time"
)

// The data of the print templates. Every text prints as is; an empty one prints as a
// dotted line to fill in with a pen (the student prints a pré-convention before he has
// found a company). The same structs can feed the DOCX/ODT exports.

// School is the school that prints the document.
type School struct {
	Name    string
	Address string // one line: street, postal code, city
}

// Student is the student a document is about.
type Student struct {
	FirstName, LastName string
	Class               string
}

// FullName is « Prénom Nom », or "" when both are empty.
func (s Student) FullName() string { return joinNonEmpty(" ", s.FirstName, s.LastName) }

// Period is a période de formation en milieu professionnel. Dates are calendar days,
// printed in Paris time.
type Period struct {
	Name       string
	Start, End time.Time
}

// Company is the host company of the fiche de liaison.
type Company struct {
	Name, Address, PostalCode, City string
	Phone, SIRET                    string
}

// Town is « 75011 Paris », or "" when both are unknown.
func (c Company) Town() string { return joinNonEmpty(" ", c.PostalCode, c.City) }

// NameAndTown is « Raison sociale, 75011 Paris », as far as it is known.
func (c Company) NameAndTown() string { return joinNonEmpty(", ", c.Name, c.Town()) }

// Tutor is the company's tutor of the fiche de liaison.
type Tutor struct {
	FirstName, LastName string
	Phone, Email        string
}

// FullName is « Prénom Nom », or "" when both are empty.
func (t Tutor) FullName() string { return joinNonEmpty(" ", t.FirstName, t.LastName) }

// Item is a task or a competence of the référentiel.
type Item struct {
	Code, Label string
}

// Preconvention is one student's pré-convention (annexe pédagogique) for one period.
type Preconvention struct {
	School    School
	Student   Student
	Period    Period
	Company   Company // zero while the student looks for a placement
	Tutor     Tutor
	Referents []string // the referent teachers' names

	// The six sections of the manual, in order.
	Hours        string // 1. horaires journaliers
	Concertation string // 2. modalités de concertation enseignant(s) référent(s) – tuteur
	Objectives   string // 3. objectifs assignés…
	Competences  []Item // 3. …et compétences à acquérir ou à développer
	Tasks        []Item // 4. activités prévues: the dossier's tasks
	Derogation   string // 5. travaux soumis à la procédure de dérogation (mineurs)
	Evaluation   string // 6. modalités d'évaluation
}

// Attestation is one student's attestation de présence for one period; the six fields of
// the manual come after Company.
type Attestation struct {
	School  School
	Student Student
	Period  Period
	Company Company

	Representative string // 1. nom du représentant de l'entreprise
	HeadOffice     string // 2. adresse du siège, si différente de celle de l'entreprise
	StudentAddress string // 3. adresse personnelle de l'élève
	TotalHours     string // 4. durée totale en heures, as typed (« 140 », « 138 h 30 »)
	Gratification  string // 5. gratification perçue par le stagiaire
	Place          string // 6. lieu (« Fait à »)
}

// Slip is one student's login slip.
type Slip struct {
	Student  Student
	Username string
	Password string // the initial password, printed once for the student to keep
}

func joinNonEmpty(sep string, parts ...string) string {
	kept := parts[:0:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}
