package dossier

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/mail"
	"livret/pfmp"
)

// What the tutor window and the period view's marks read of a period: its students with the
// tutor their fiche names (or the master of an apprentice), and each dossier's latest grant.

// TutorLine is one student of a period in the tutor window.
type TutorLine struct {
	PlacementID     string `db:"placement"`
	FirstName       string `db:"first_name"`
	LastName        string `db:"last_name"`
	Status          string `db:"status"`
	ClassName       string `db:"class_name"`
	TutorLastName   string `db:"tutor_last_name"`
	TutorFirstName  string `db:"tutor_first_name"`
	TutorEmail      string `db:"tutor_email"`
	MasterFirstName string `db:"master_first_name"`
	MasterLastName  string `db:"master_last_name"`
}

// Apprentice reports whether the student is an apprentice: followed by his master, not by a
// tutor's link.
func (l TutorLine) Apprentice() bool { return l.Status == "apprenti" }

// TutorFields are the fiche's tutor columns the window edits.
var TutorFields = []string{"tutor_last_name", "tutor_first_name", "tutor_email"}

// TutorLines lists a period's students by name, with their fiche's tutor and their master, in
// one query.
func (s *Store) TutorLines(periodID string) ([]TutorLine, error) {
	var rows []TutorLine
	err := s.app.DB().NewQuery(`
		SELECT pl.id AS placement, u.first_name, u.last_name, u.status, COALESCE(c.name, '') AS class_name,
			pl.tutor_last_name, pl.tutor_first_name, pl.tutor_email,
			COALESCE(m.first_name, '') AS master_first_name, COALESCE(m.last_name, '') AS master_last_name
		FROM placements pl JOIN users u ON u.id = pl.student
		LEFT JOIN classes c ON c.id = u.class
		LEFT JOIN users m ON m.id = u.master AND u.master != ''
		WHERE pl.period = {:p} ORDER BY u.last_name, u.first_name, pl.id`).
		Bind(dbx.Params{"p": periodID}).All(&rows)
	return rows, err
}

// LatestGrant is a dossier's newest grant, as the window states it.
type LatestGrant struct {
	Placement      string         `db:"placement"`
	ID             string         `db:"id"`
	TutorEmail     string         `db:"tutor_email"`
	TutorFirstName string         `db:"tutor_first_name"`
	TutorLastName  string         `db:"tutor_last_name"`
	SentAt         types.DateTime `db:"sent_at"`
	Expires        types.DateTime `db:"expires"`
	Revoked        bool           `db:"revoked"`
	RevokedAt      types.DateTime `db:"revoked_at"`
	LastUsed       types.DateTime `db:"last_used"`
	Uses           int            `db:"uses"`
	MailStatus     string         `db:"mail_status"`   // of the dossier's latest tutor-link email
	MailAttempts   int            `db:"mail_attempts"` // its tries so far
}

// LatestGrantsOfPeriod reads the newest grant of each dossier of a period, with the state of the
// email that carried the latest link, in one query.
func (s *Store) LatestGrantsOfPeriod(periodID string) (map[string]LatestGrant, error) {
	var rows []LatestGrant
	err := s.read(`
		SELECT ta.placement, ta.id, t.email AS tutor_email, t.first_name AS tutor_first_name,
			t.last_name AS tutor_last_name, ta.sent_at, ta.expires, ta.revoked, ta.revoked_at,
			ta.last_used, ta.uses, COALESCE(m.status, '') AS mail_status, COALESCE(m.attempts, 0) AS mail_attempts
		FROM tutor_access ta JOIN placements pl ON pl.id = ta.placement JOIN users t ON t.id = ta.tutor
		LEFT JOIN mail_log m ON m.id = (SELECT id FROM mail_log WHERE placement = ta.placement
			AND kind IN ('tutor_link', 'tutor_link_again') ORDER BY created DESC, rowid DESC LIMIT 1)
		WHERE pl.period = {:p} ORDER BY ta.sent_at, ta.created`,
		dbx.Params{"p": periodID}, func(q *dbx.Query) error { return q.All(&rows) })
	out := make(map[string]LatestGrant, len(rows))
	for _, r := range rows {
		out[r.Placement] = r // the newest comes last
	}
	return out, err
}

// Facts are what the link state rule needs of the grant and its email.
func (g LatestGrant) Facts() pfmp.LinkFacts {
	return pfmp.LinkFacts{HasGrant: g.ID != "", Expires: g.Expires.Time(), Revoked: g.Revoked,
		MailFailed: g.MailStatus == mail.StatusFailed, MailRetrying: g.MailStatus == mail.StatusPending && g.MailAttempts > 0}
}
