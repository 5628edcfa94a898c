package dossier

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// Typed proxies over the records (in the manner of PocketBase's record proxies): the record's
// own methods stay available (Id, GetString…), the domain's names are added.

// Placement is a student's dossier for one period (collection placements).
type Placement struct{ core.BaseRecordProxy }

// StudentID is the dossier's student.
func (p *Placement) StudentID() string { return p.GetString("student") }

// PeriodID is the dossier's period.
func (p *Placement) PeriodID() string { return p.GetString("period") }

// PortfolioEdited is when the student first saved the portfolio (zero: never).
func (p *Placement) PortfolioEdited() time.Time { return p.GetDateTime("portfolio_edited").Time() }

// Period is a PFMP period (collection periods).
type Period struct{ core.BaseRecordProxy }

// Kind is the period's kind (P1, P2, autre, E31, E33).
func (p *Period) Kind() pfmp.Kind { return pfmp.Kind(p.GetString("kind")) }

// Start is the period's first day.
func (p *Period) Start() time.Time { return p.GetDateTime("start").Time() }

// End is the period's last day.
func (p *Period) End() time.Time { return p.GetDateTime("end").Time() }

// ReviewDate is the date of the bilans entreprise, the last day when none was set.
func (p *Period) ReviewDate() time.Time {
	return pfmp.EffectiveReviewDate(p.GetDateTime("review_date").Time(), p.End())
}

// Weeks are the period's weeks, as the journal shows them.
func (p *Period) Weeks() []pfmp.Week { return pfmp.Weeks(p.Start(), p.End()) }

// User is an account (collection users).
type User struct{ core.BaseRecordProxy }

// MasterID is the apprenticeship master linked to this student, "" when none.
func (u *User) MasterID() string { return u.GetString("master") }

// FullName is "Prénom NOM".
func (u *User) FullName() string {
	return pfmp.FullName(u.GetString("first_name"), u.GetString("last_name"))
}

// Grant is a tutor's access to one dossier (collection tutor_access).
type Grant struct{ core.BaseRecordProxy }

// Valid applies the grant validity rule at now.
func (g *Grant) Valid(now time.Time) bool { return g.Policy().Valid(now) }

// PlacementID is the dossier the grant opens.
func (g *Grant) PlacementID() string { return g.GetString("placement") }

// TutorID is the tutor's account.
func (g *Grant) TutorID() string { return g.GetString("tutor") }

// Expires is the end of the grant's validity.
func (g *Grant) Expires() time.Time { return g.GetDateTime("expires").Time() }

// Revoked reports whether a teacher invalidated it.
func (g *Grant) Revoked() bool { return g.GetBool("revoked") }

// Fingerprint names the grant's current token (see GrantFingerprint).
func (g *Grant) Fingerprint() string { return GrantFingerprint(g.GetString("token_hash")) }

// Policy is the grant as the policy reads it.
func (g *Grant) Policy() pfmp.Grant {
	return pfmp.Grant{ID: g.Id, Placement: g.PlacementID(), Expires: g.Expires(), Revoked: g.Revoked()}
}

func proxy[T any, P interface {
	*T
	SetProxyRecord(*core.Record)
}](r *core.Record) *T {
	var v T
	P(&v).SetProxyRecord(r)
	return &v
}

// Position is where the student placed the company on the map; ok is false while it is not
// placed (pfmp.Placed).
func (p *Placement) Position() (lat, lng float64, ok bool) {
	lat, lng = p.GetFloat("lat"), p.GetFloat("lng")
	return lat, lng, pfmp.Placed(lat, lng)
}

// Headcounts are the company's employees and maintenance staff, nil when unknown: no company
// has 0 employees, and a maintenance staff of 0 is only an answer once the employees are known.
func (p *Placement) Headcounts() (employees, maintenance *int) {
	e, m := p.GetInt("employees"), p.GetInt("maintenance_staff")
	if e > 0 {
		return &e, &m
	}
	if m > 0 {
		return nil, &m
	}
	return nil, nil
}
