package export

import (
	"time"

	"livret/pfmp"
)

// Portfolio is everything one student's exported portfolio shows, in plain Go values
// (FromDossier fills it from the dossier layer; the writers read nothing else). Empty strings are
// written as « Non renseigné » (or « — » in tables), so the document keeps its shape.
type Portfolio struct {
	Student Person
	Class   string // « 1re MSPC »
	School  string // the établissement's name
	Period  Period
	Company Company
	Tutor   Person
	// Position is where the student placed the company on the map; nil when not placed.
	Position *Position
	// OrgChart is the roots of the company's organisation chart (placements.org_chart).
	OrgChart []*pfmp.OrgNode
	// Weeks are the period's working weeks in order (pfmp.Weeks), written or not: the
	// first is « Semaine 1 ».
	Weeks []Week
	// Interventions are the reports to export and only them: the caller applies the
	// selection rule (the selected ones, or all of them when none is selected).
	Interventions []Intervention
	Attachments   []Attachment
	// SelfReview is the bilan personnel; nil until the student has written it.
	SelfReview *SelfReview
}

// Person is a student or a tutor.
type Person struct {
	FirstName, LastName string
	Phone, Email        string // the tutor's; unused for the student
}

// Period is the PFMP: its name and its first and last days.
type Period struct {
	Name       string
	Start, End time.Time
}

// Company is the host company as « Présenter l'entreprise » shows it.
type Company struct {
	Name, Address, PostalCode, City string
	Sector, Phone                   string
	Activity, History               string // multi-line texts
	// Employees and MaintenanceStaff are nil when not given.
	Employees, MaintenanceStaff *int
}

// Position is a point on the map, in decimal degrees.
type Position struct {
	Lat, Lng float64
}

// Week is one working week of the period (Start and End: its first and last working days)
// and what the student wrote for it.
type Week struct {
	Start, End                   time.Time
	Activities, Liked, Succeeded string
}

// Intervention is a maintenance activity report: its work order (« bon de travail ») and its
// intervention report (« rapport d'intervention »).
type Intervention struct {
	Title, Conditions string
	// Work order.
	Date                            time.Time
	Sector, Requester, Machine      string
	Nature, Supplies, Documentation string
	// Intervention report.
	Defects, Causes, Repairs, Duration string
}

// Attachment is an annexe: a file (URL: the app's absolute download link) or a web link.
// A URL that is not absolute http(s) is left out: the title is written without a link.
// Detail is an optional note shown after the title (« PDF · 1,2 Mo »).
type Attachment struct {
	Title, URL, Detail string
}

// SelfReview is the bilan personnel.
type SelfReview struct {
	Strengths, Improvements, NextGoals string
}
