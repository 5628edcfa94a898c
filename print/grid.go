package print

import (
	"errors"
	"html/template"
	"time"

	"livret/pfmp"
)

// Grid is the paper version of one dossier's bilan entreprise, or of its certification grid
// (Epreuve set), followed by its attitudes grid (« Préparer la rencontre »): printed before
// the visit, filled with a pen, typed once online afterwards through its QR code.
type Grid struct {
	School  School
	Student Student
	Period  Period
	Company Company
	Tutor   Tutor

	Epreuve     string         // "E31", "E33": a certification grid (no tasks nor engagement, evaluators); "" for a bilan entreprise
	Activities  []GridActivity // the dossier's tasks to tick, by activity
	Competences []GridCompetence
	MeetingDate time.Time // the planned meeting; zero prints a line for the pen
	Attitudes   []GridAttitude

	OnlineURL string // the absolute address of the online grid, drawn as a QR code
}

// GridActivity is an activity of the référentiel with the dossier's tasks in it.
type GridActivity struct {
	Item
	Tasks []Item
}

// GridCompetence is a competence to rate, globally or through its sub-competences.
type GridCompetence struct {
	Item
	Subs []Item
}

// GridAttitude is a criterion of the attitudes grid with what each level means for it
// (descriptors by level code, "1" to "4").
type GridAttitude struct {
	Item
	Description string
	Descriptors map[string]string
}

// Certificative reports whether the grid is an exam unit's certification grid.
func (g Grid) Certificative() bool { return g.Epreuve != "" }

// DateLabel names the date of the meeting, or of the exam unit's evaluation.
func (g Grid) DateLabel() string {
	if g.Certificative() {
		return "Date de l'évaluation"
	}
	return "Date de la rencontre"
}

// Title names the grid as its file: « Grille <période> <Prénom> <Nom> ».
func (g Grid) Title() string {
	return joinNonEmpty(" ", "Grille", g.Period.Name, g.Student.FullName())
}

// gridSheet is what grid.html renders: the grid, its QR code and the scales of the pfmp rules.
type gridSheet struct {
	Grid
	QR             template.HTML
	Ratings        []pfmp.Rating
	Engagement     []pfmp.Engagement
	AttitudeLevels []pfmp.AttitudeLevel
}

var gridTmpl = parse("grid.html")

// RenderGrid renders one dossier's paper evaluation grid.
func RenderGrid(g Grid) (Document, error) {
	if g.OnlineURL == "" {
		return Document{}, errors.New("La grille papier doit renvoyer à la grille en ligne.")
	}
	qr, err := qrSVG(g.OnlineURL, "Code QR de la grille en ligne")
	if err != nil {
		return Document{}, err
	}
	sheet := gridSheet{Grid: g, QR: qr, Ratings: pfmp.Ratings(), Engagement: pfmp.Engagements(),
		AttitudeLevels: pfmp.AttitudeLevels()}
	return render(gridTmpl, g.Title(), g.School.Name, []gridSheet{sheet})
}
