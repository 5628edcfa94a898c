package web

// « Fin d'année scolaire » (issue 14), the school administrator's page: how long a leaver's
// data is kept (each change recorded and listed), the closings of past years, and the ways to
// close the year under way (year_close.go) and to purge the data whose retention has run out
// (year_purge.go).

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	yearURL       = "/annee"
	retentionURL  = "/annee/conservation"
	yearTitle     = "Fin d'année scolaire"
	msgRetainedOK = "Durée de conservation enregistrée."
)

// yearView is the hub page.
type yearView struct {
	YearLabel       string // the school year a closing now closes (pfmp.ClosingYear)
	Closed          bool   // it is closed already
	Months          string // the retention, as typed on a re-rendered form
	DefaultMonths   int
	IsDefault       bool
	MinMonths       int
	MaxMonths       int
	RetentionAction string
	Changes         []retentionChangeView
	Closings        []closingView
	CloseURL        string
	PurgeURL        string
	Archives        []archiveView
	PurgeDue        int    // leavers whose retention has run out
	NextPurge       string // the next day a leaver's retention runs out, "" when none waits
}

type retentionChangeView struct{ At, Actor, Old, New string }

type closingView struct {
	Year, At, Actor string
	dossier.ClosingCounts
}

// closingViewOf is a recorded closing as the year's pages state it.
func closingViewOf(cl dossier.YearClosing) closingView {
	return closingView{Year: cl.Year.Label(), At: pfmp.FormatDateTime(cl.At), Actor: cl.Actor, ClosingCounts: cl.Counts}
}

// yearPage shows the hub.
func (s *Server) yearPage(c *fiber.Ctx) error {
	v, err := s.yearView("")
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "year/index", yearTitle, withPage(v))
}

func (s *Server) yearView(typed string) (*yearView, error) {
	ret, err := s.store.Retention()
	if err != nil {
		return nil, err
	}
	changes, err := s.store.RetentionHistory()
	if err != nil {
		return nil, err
	}
	closings, err := s.store.Closings()
	if err != nil {
		return nil, err
	}
	archives, err := s.archiveViews()
	if err != nil {
		return nil, err
	}
	due, next, err := s.store.PurgeSchedule() // the counts only: the purge's page collects the records
	if err != nil {
		return nil, err
	}
	year := pfmp.ClosingYear(s.cfg.Now())
	v := &yearView{YearLabel: year.Label(), Months: strconv.Itoa(ret.Months), DefaultMonths: pfmp.DefaultRetentionMonths,
		IsDefault: ret.Default, MinMonths: pfmp.MinRetentionMonths, MaxMonths: pfmp.MaxRetentionMonths,
		RetentionAction: retentionURL, CloseURL: yearCloseURL, PurgeURL: purgeURL, Archives: archives,
		PurgeDue: due, NextPurge: pfmp.FormatLong(next)}
	if typed != "" {
		v.Months = typed
	}
	for _, ch := range changes {
		v.Changes = append(v.Changes, retentionChangeView{At: pfmp.FormatDateTime(ch.At), Actor: ch.Actor,
			Old: monthsLabel(ch.Old), New: monthsLabel(ch.New)})
	}
	for _, cl := range closings {
		v.Closed = v.Closed || cl.Year == year
		v.Closings = append(v.Closings, closingViewOf(cl))
	}
	return v, nil
}

func monthsLabel(n int) string { return strconv.Itoa(n) + " mois" }

// retentionSave changes the retention (POST /annee/conservation, field mois).
func (s *Server) retentionSave(c *fiber.Ctx) error {
	typed := strings.TrimSpace(c.FormValue("mois"))
	months, err := strconv.Atoi(typed)
	if err != nil {
		months = 0 // refused below, with the form's message
	}
	if err := s.store.SetRetention(actorOf(c).ID, months); err != nil {
		if pfmp.KindOf(err) != pfmp.ErrInvalid {
			return err
		}
		v, verr := s.yearView(typed)
		if verr != nil {
			return verr
		}
		return s.invalid(c, "year/index", yearTitle, withPage(v), err)
	}
	s.flash(c, msgRetainedOK)
	return c.Redirect(yearURL, fiber.StatusSeeOther)
}
