package web

// « Supprimer les données »: the students whose retention has run out, and everything the
// purge deletes with them; confirmed (a checkbox), it runs in one transaction (dossier.Purge)
// and is recorded, then listed here.

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const (
	purgeURL        = "/annee/purge"
	purgeTitle      = "Supprimer les données des élèves partis"
	msgPurgeConfirm = "Cochez la case de confirmation pour supprimer ces données."
)

// purgeView is the preview and the past purges. Counts are written out with their noun in
// the singular or the plural ("1 fichier stocké", "3 fichiers stockés").
type purgeView struct {
	Action, Retention string
	RetentionDefault  bool // nobody chose it yet
	Students          []purgeStudentView
	Accounts          string   // "1 compte d'élève"
	Tutors            []string // the tutors' accounts deleted with them
	TutorsIntro       string   // the sentence before their names, in the singular or the plural
	Counts            []string // "12 semaines du journal", the kinds with records only
	Files             string
	Mails, Audit      string // "" when there is none
	Logs              string
	Confirm           string // the confirmation's sentence, naming how many students
	Next              string // the next day a leaver's retention runs out, "" when none waits
	Past              []pastPurgeView
}

// purgeStudentView is a student due; dates are written out like the other dates of the year's
// pages (pfmp.FormatLong).
type purgeStudentView struct{ ID, Name, LeftAt, PurgeDate string }

type pastPurgeView struct{ At, Actor, Period, Summary string }

// counted is n with its noun: one below 2 (French singular for 0 and 1), many from 2.
func counted(n int, one, many string) string {
	if n < 2 {
		return strconv.Itoa(n) + " " + one
	}
	return strconv.Itoa(n) + " " + many
}

// purgeSummary is what a purge deleted, in one line.
func purgeSummary(students, tutors, records, files int) string {
	return counted(students, "élève", "élèves") + ", " + counted(tutors, "tuteur", "tuteurs") + ", " +
		counted(records, "enregistrement", "enregistrements") + ", " + counted(files, "fichier", "fichiers")
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
		Next: pfmp.FormatLong(plan.Next)}
	v.describe(plan)
	for _, p := range past {
		period := monthLabel(p.From)
		if p.To != p.From {
			period += " à " + monthLabel(p.To)
		}
		v.Past = append(v.Past, pastPurgeView{At: pfmp.FormatDateTime(p.At), Actor: p.Actor, Period: period,
			Summary: purgeSummary(p.Students, p.Tutors, p.Records, p.Files)})
	}
	return v, nil
}

// describe writes out the plan: its students and what goes with them.
func (v *purgeView) describe(plan *dossier.PurgePlan) {
	n := len(plan.Students)
	for _, st := range plan.Students {
		v.Students = append(v.Students, purgeStudentView{ID: st.ID, Name: st.Name(),
			LeftAt: pfmp.FormatLong(st.LeftAt.Time()), PurgeDate: pfmp.FormatLong(st.PurgeDate)})
	}
	v.Accounts = counted(n, "compte d'élève", "comptes d'élève")
	v.Confirm = "Je confirme la suppression définitive des données de cet élève."
	if n > 1 {
		v.Confirm = "Je confirme la suppression définitive des données de ces " + strconv.Itoa(n) + " élèves."
	}
	v.TutorsIntro = "Le compte de tuteur suivant ne sert qu'à ces dossiers et sera supprimé aussi :"
	if len(plan.Tutors) > 1 {
		v.TutorsIntro = "Les comptes de tuteur suivants ne servent qu'à ces dossiers et seront supprimés aussi :"
	}
	for _, c := range plan.Counts {
		if c.N > 0 {
			v.Counts = append(v.Counts, strconv.Itoa(c.N)+" "+c.Label)
		}
	}
	v.Files = counted(plan.Files, "fichier stocké", "fichiers stockés") + " sur le serveur (annexes, archives)"
	if plan.Mails > 0 {
		v.Mails = counted(plan.Mails, "courriel envoyé", "courriels envoyés") + " au sujet de ces dossiers"
	}
	if plan.Audit > 0 {
		v.Audit = counted(plan.Audit, "ligne", "lignes") + " de l'historique"
	}
	if plan.Logs > 0 {
		v.Logs = counted(plan.Logs, "ligne", "lignes") + " des journaux techniques du serveur"
	}
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
	s.flash(c, "Données supprimées : "+purgeSummary(out.Students, out.Tutors, out.Records, out.Files)+".")
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
