package print

import (
	"time"
)

// Bilans is one dossier's evaluations as its student reads them, kept in his archive: the
// bilan personnel, the attitudes professionnelles, and the bilan entreprise or certification
// grid once saved. Levels are printed as their code and label (a black and white print reads
// the same), the engagement as stars.
type Bilans struct {
	School  School
	Student Student
	Period  Period

	Self             []Answer // the bilan personnel, question by question; nil: not written
	Attitudes        []Rated  // nil: nobody saved the attitudes
	AttitudesComment string
	Company          *CompanyBilan // nil: the period has none, or it was never saved
}

// Answer is a question of the bilan personnel and what the student wrote.
type Answer struct{ Question, Text string }

// Rated is an item given a level: an attitude, a competence (with its sub-competences in the
// detailed mode; Computed when its level is their mean).
type Rated struct {
	Item
	Level, LevelLabel string // "" when not rated
	Computed          bool
	Subs              []Rated
}

// CompanyBilan is a saved bilan entreprise, or an épreuve's certification grid.
type CompanyBilan struct {
	Title       string // « Bilan entreprise », « Grille d'évaluation E31 »
	MeetingDate time.Time
	TasksDone   []Item
	Competences []Rated
	Stars       int    // engagement, 0 when not given (a grid has none)
	StarsLabel  string // « Engagement régulier »
	Comment     string
	Evaluators  string // a grid's evaluators, as signed on paper
}

var bilansTmpl = parse("bilans.html")

// Title is « Bilans <période> <Prénom> <Nom> ».
func (b Bilans) Title() string {
	return joinNonEmpty(" ", "Bilans", b.Period.Name, b.Student.FullName())
}

// RenderBilans renders one dossier's evaluations as one document.
func RenderBilans(b Bilans) (Document, error) {
	return render(bilansTmpl, b.Title(), b.School.Name, []Bilans{b})
}
