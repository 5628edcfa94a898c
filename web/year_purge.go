package web

// « Supprimer les données »: the students whose retention has run out, and everything the
// purge deletes with them; confirmed (a checkbox), it runs in one transaction (dossier.Purge)
// and is recorded, then listed here.

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

const (
	purgeURL        = "/annee/purge"
	purgeTitle      = "Supprimer les données des élèves partis"
	msgPurgeConfirm = "Cochez la case de confirmation pour supprimer ces données."
)

// purgeView is the preview and the past purges.
type purgeView struct {
	Action, Retention string
	RetentionDefault  bool // nobody chose it yet
	Students          []purgeStudentView
	Tutors            []string
	Counts            []purgeCountView
	Files, Mails      int
	Audit, Logs       int
	Next              string // the next day a leaver's retention runs out, "" when none waits
	Past              []pastPurgeView
}

type purgeStudentView struct{ ID, Name, LeftAt, PurgeDate string }

type purgeCountView struct {
	Label string
	N     int
}

type pastPurgeView struct {
	At, Actor, Period                string
	Students, Tutors, Records, Files int
}

// purgePage shows what a purge would delete now.
func (s *Server) purgePage(c *fiber.Ctx) error {
	v, err := s.purgeView()
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "year/purge", purgeTitle, withPage(v))
}

func (s *Server) purgeView() (*purgeView, error) {
	plan, err := s.store.PurgePreview()
	if err != nil {
		return nil, err
	}
	ret, err := s.store.Retention()
	if err != nil {
		return nil, err
	}
	past, err := s.store.Purges()
	if err != nil {
		return nil, err
	}
	v := &purgeView{Action: purgeURL, Retention: monthsLabel(ret.Months), RetentionDefault: ret.Default, Tutors: plan.Tutors,
		Files: plan.Files, Mails: plan.Mails, Audit: plan.Audit, Logs: plan.Logs, Next: pfmp.FormatLong(plan.Next)}
	for _, st := range plan.Students {
		v.Students = append(v.Students, purgeStudentView{ID: st.ID, Name: st.Name(),
			LeftAt: pfmp.FormatShort(st.LeftAt.Time()), PurgeDate: pfmp.FormatShort(st.PurgeDate)})
	}
	for _, n := range plan.Counts {
		v.Counts = append(v.Counts, purgeCountView{Label: n.Label, N: n.N})
	}
	for _, p := range past {
		period := monthLabel(p.From)
		if p.To != p.From {
			period += " à " + monthLabel(p.To)
		}
		v.Past = append(v.Past, pastPurgeView{At: pfmp.FormatDateTime(p.At), Actor: p.Actor, Period: period,
			Students: p.Students, Tutors: p.Tutors, Records: p.Records, Files: p.Files})
	}
	return v, nil
}

// purgeConfirm purges the students of the preview (their ids come with the form: a student
// not shown is never purged), once confirmed.
func (s *Server) purgeConfirm(c *fiber.Ctx) error {
	if c.FormValue("confirmer") != "oui" {
		v, err := s.purgeView()
		if err != nil {
			return err
		}
		return s.invalid(c, "year/purge", purgeTitle, withPage(v),
			pfmp.Invalid(msgPurgeConfirm, map[string]string{"confirmer": msgPurgeConfirm}))
	}
	out, err := s.store.Purge(actorOf(c).ID, formList(c, "eleve"))
	if err != nil {
		return err
	}
	s.flash(c, "Données supprimées : "+strconv.Itoa(out.Students)+" élève(s), "+strconv.Itoa(out.Tutors)+
		" tuteur(s), "+strconv.Itoa(out.Records)+" enregistrement(s), "+strconv.Itoa(out.Files)+" fichier(s).")
	return c.Redirect(purgeURL, fiber.StatusSeeOther)
}

// monthLabel is "2026-07" as « juillet 2026 ».
func monthLabel(ym string) string {
	t, err := time.Parse("2006-01", ym)
	if err != nil {
		return ym
	}
	return pfmp.MonthName(t.Month()) + " " + strconv.Itoa(t.Year())
}
