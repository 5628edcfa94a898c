package web

// The tutor window of a period (« Gestion des tuteurs »): the period's students on the left —
// students sous statut scolaire, then the apprentices apart, greyed, with their master — and,
// for the chosen student, the tutor's identity (pre-filled from the fiche de liaison, which a
// change here updates) with « Envoyer un lien d'accès au tuteur », « Invalider l'accès » and
// « Terminer ».

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const tutorsTitle = "Gestion des tuteurs"

// tutorWindow is the whole window.
type tutorWindow struct {
	Period      *dossier.PeriodRow
	PeriodHref  string // « Terminer »
	Students    []tutorStudent
	Apprentices []tutorStudent
	Chosen      *tutorStudent
	Outbox      bool   // no SMTP server configured: emails go to the outbox folder
	Link        string // the link just sent, shown once when it went to the outbox
}

// tutorsView is the tutors' window of a period.
type tutorsView struct {
	Page
	Window *tutorWindow
}

// tutorStudent is one student of the window.
type tutorStudent struct {
	PlacementID, Name, ClassName, Href, Action, RevokeAction string
	Current                                                  bool
	Status                                                   linkStatus
	Master                                                   string // an apprentice's master, "" when none
	Tutor                                                    map[string]string
	Seen                                                     string // the fiche's tutor fields as shown
	CanRevoke                                                bool
}

// tutorsPage shows the window, with ?apprenant=<placement> chosen.
func (s *Server) tutorsPage(c *fiber.Ctx) error {
	w, err := s.tutorWindowOf(c.Params("id"), c.Query("apprenant"))
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "tutors/window", tutorsTitle+" — "+w.Period.Name, &tutorsView{Window: w})
}

// tutorWindowOf reads and shapes the window of a period, one student chosen (or none).
func (s *Server) tutorWindowOf(periodID, chosen string) (*tutorWindow, error) {
	period, err := s.store.PeriodRowByID(periodID)
	if err != nil {
		return nil, err
	}
	lines, err := s.store.TutorLines(period.ID)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(lines))
	for i, l := range lines {
		ids[i] = l.PlacementID
	}
	grants, err := s.store.LatestGrantsOfPeriod(period.ID)
	if err != nil {
		return nil, err
	}
	mails, err := s.latestTutorMails(ids)
	if err != nil {
		return nil, err
	}
	w := &tutorWindow{Period: period, PeriodHref: periodHref(period), Outbox: !s.app.Settings().SMTP.Enabled}
	base := "/periodes/" + url.PathEscape(period.ID) + "/tuteurs"
	for _, l := range lines {
		m, hasMail := mails[l.PlacementID]
		st := tutorStudent{PlacementID: l.PlacementID, Name: l.FirstName + " " + pfmp.FamilyName(l.LastName),
			ClassName: l.ClassName, Href: windowHref(period.ID, l.PlacementID) + "#tutor-panel",
			Action:       base + "/" + url.PathEscape(l.PlacementID) + "/envoyer",
			RevokeAction: base + "/" + url.PathEscape(l.PlacementID) + "/invalider",
			Current:      l.PlacementID == chosen,
			Status:       linkStatusOf(grants[l.PlacementID], m, hasMail, s.cfg.Now())}
		if l.Apprentice() {
			if l.MasterLastName != "" {
				st.Master = l.MasterFirstName + " " + pfmp.FamilyName(l.MasterLastName)
			}
			w.Apprentices = append(w.Apprentices, st)
			continue
		}
		st.Tutor = map[string]string{"tutor_last_name": l.TutorLastName, "tutor_first_name": l.TutorFirstName,
			"tutor_email": l.TutorEmail}
		st.Seen = tutorFingerprint(st.Tutor)
		g := grants[l.PlacementID]
		st.CanRevoke = g.ID != "" && pfmp.GrantValid(g.Expires.Time(), g.Revoked, s.cfg.Now())
		w.Students = append(w.Students, st)
	}
	for i := range w.Students {
		if w.Students[i].Current {
			w.Chosen = &w.Students[i]
		}
	}
	return w, nil
}

// tutorFingerprint is the version of the fiche's tutor fields a form shows (see
// dossier.Fingerprint), from the values read.
func tutorFingerprint(values map[string]string) string {
	return dossier.FingerprintOf(values, dossier.TutorFields)
}

// windowPlacement loads the chosen dossier of a window's POST: a teacher's, on this period.
func (s *Server) windowPlacement(c *fiber.Ctx, act pfmp.Action) (*openDossier, error) {
	d, err := s.loadPlacementID(c, c.Params("pid"), act)
	if err != nil {
		return nil, err
	}
	if d.Placement.PeriodID() != c.Params("id") {
		return nil, pfmp.NotFound(pfmp.MsgNoDossier)
	}
	return d, nil
}
