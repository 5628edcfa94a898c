package pfmp

import "strings"

// What a teacher (or the student) types before printing a pré-convention or an attestation de
// présence: the sections and fields of the manual, their limits, and which text a dossier
// prints when its period holds a common one.

// Section is a pré-convention section typed by a teacher. Sections 3 and 4 (objectives,
// competences, activities) come from the fiche de liaison and are not typed here.
type Section struct {
	Key    string // the form field, and the column suffix (preconv_<key>) on periods and placements
	Number int    // its number in the printed document
	Label  string
	Hint   string
}

// PreconventionSections are the typed sections, in the document's order.
var PreconventionSections = []Section{
	{"hours", 1, "Horaires journaliers de l'élève", "Par exemple : 8 h – 12 h et 13 h 30 – 17 h, du lundi au vendredi."},
	{"concertation", 2, "Modalités de concertation entre le(s) enseignant(s) référent(s) et le tuteur",
		"Comment contrôler ensemble le déroulement de la période : visites, appels, courriels…"},
	{"derogation", 5, "Travaux, équipements ou produits soumis à la procédure de dérogation (élèves mineurs)",
		"Laissez vide si rien n'est soumis à dérogation, ou pour compléter à la main."},
	{"evaluation", 6, "Modalités d'évaluation",
		"En référence au règlement d'examen du diplôme préparé."},
}

// MaxSectionText keeps a section on its page: longer texts belong in an attached document.
const MaxSectionText = 2000

// SectionText is what a dossier prints for a section: the text typed for this student when
// there is one (even empty: lines left for the pen), else the period's common text.
func SectionText(own bool, ownText, periodText string) string {
	if own {
		return ownText
	}
	return periodText
}

// OverridesPeriod tells whether a text typed on a student's form is the student's own: any
// text but the period's as it stands, so the dossier keeps following later changes of the
// period until a teacher writes something else for this student.
func OverridesPeriod(typed, periodText string) bool {
	return NormalizeText(typed) != NormalizeText(periodText)
}

// NormalizeText is a typed text as stored: browsers send line breaks as CRLF.
func NormalizeText(s string) string {
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// CheckSections checks the typed sections, keyed by Section.Key.
func CheckSections(texts map[string]string) error {
	errs := FieldErrors{}
	for _, s := range PreconventionSections {
		errs.Add(s.Key, MaxLen(texts[s.Key], MaxSectionText, s.Label))
	}
	return errs.Err()
}

// AttestationField is one of the six fields of the attestation de présence the manual lists.
type AttestationField struct {
	Key   string // the form field, and the column suffix (attestation_<key>) on placements
	Label string
	Hint  string
	Max   int
}

// AttestationFields are the six fields, in the manual's order.
var AttestationFields = []AttestationField{
	{"representative", "Nom du représentant de l'entreprise", "Qui signe l'attestation pour l'entreprise.", 120},
	{"head_office", "Adresse du siège de l'entreprise", "Seulement si elle diffère de l'adresse de l'entreprise d'accueil.", 255},
	{"student_address", "Adresse personnelle de l'élève", "", 255},
	{"hours", "Durée totale (en heures)", "Par exemple : 140, ou 138 h 30.", 40},
	{"gratification", "Gratification perçue par le stagiaire", "Le montant, ou « aucune ».", 120},
	{"place", "Lieu (« Fait à »)", "La ville où l'attestation est signée.", 120},
}

// CheckAttestation checks the six fields, keyed by AttestationField.Key; all are optional: an
// empty one prints as a line to fill in by hand.
func CheckAttestation(values map[string]string) error {
	errs := FieldErrors{}
	for _, f := range AttestationFields {
		errs.Add(f.Key, MaxLen(values[f.Key], f.Max, f.Label))
	}
	return errs.Err()
}
