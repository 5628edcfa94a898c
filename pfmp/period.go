package pfmp

import (
	"errors"
	"slices"
	"strconv"
	"time"
)

// PeriodForm is a period as typed in the form (dates as from <input type=date>), with the
// kinds the form offered (Diploma.KindsFor): a kind it did not offer is refused.
type PeriodForm struct {
	Name, Level, Kind, Start, End, ReviewDate string
	Kinds                                     []Kind
}

// Period is a checked period, dates at UTC midnight of their calendar day. ReviewDate is the
// date of the bilans entreprise set on purpose; zero when they follow the last day, so that
// moving the period moves them too (see EffectiveReviewDate).
type Period struct {
	Name       string
	Level      Level
	Kind       Kind
	Start, End time.Time
	ReviewDate time.Time
}

// Review is the date of the period's bilans entreprise, set or by default.
func (p Period) Review() time.Time { return EffectiveReviewDate(p.ReviewDate, p.End) }

// maxPeriodDays bounds a period: the longest PFMP sequence is a few weeks, a year is a typo.
const maxPeriodDays = 120

// CheckPeriod validates a period form. The date of the bilans entreprise defaults to the
// period's last day, as in the reference system, and follows it while it is not set on
// purpose: empty, or the last day itself, is stored as "not set".
func CheckPeriod(f PeriodForm) (Period, error) {
	fe := FieldErrors{}
	p := Period{Name: f.Name, Level: Level(f.Level), Kind: Kind(f.Kind)}
	fe.Add("name", Required(f.Name, "Nom de la période"))
	fe.Add("name", MaxLen(f.Name, MaxNameLength, "Nom de la période"))
	fe.Add("level", CheckLevel(p.Level))
	fe.Add("kind", kindOffered(p.Kind, p.Level, f.Kinds))
	p.Start = requiredDate(fe, "start", f.Start, "Date de début")
	p.End = requiredDate(fe, "end", f.End, "Date de fin")
	if !p.Start.IsZero() && !p.End.IsZero() {
		if p.End.Before(p.Start) {
			fe.Add("end", errors.New("La date de fin doit suivre la date de début."))
		} else if p.End.Sub(p.Start) > maxPeriodDays*24*time.Hour {
			fe.Add("end", errors.New("Une période ne peut pas dépasser 120 jours."))
		}
	}
	if f.ReviewDate != "" {
		p.ReviewDate = requiredDate(fe, "review_date", f.ReviewDate, "Date des bilans entreprise")
		if !p.ReviewDate.IsZero() && !p.Start.IsZero() && p.ReviewDate.Before(p.Start) {
			fe.Add("review_date", errors.New("Les bilans entreprise ne peuvent pas précéder le début de la période."))
		}
		if p.ReviewDate.Equal(p.End) {
			p.ReviewDate = time.Time{} // the last day: follows the end date
		}
	}
	return p, fe.Err()
}

// kindOffered: the kind must be one the form offered for the level (the référentiel's).
func kindOffered(k Kind, l Level, offered []Kind) error {
	switch {
	case !k.Valid():
		return errors.New("Choisissez le type de période.")
	case !slices.Contains(offered, k):
		return errors.New("Le type « " + k.Label() + " » n'est pas proposé en " + l.Label() + ".")
	}
	return nil
}

func requiredDate(fe FieldErrors, field, v, label string) time.Time {
	if err := Required(v, label); err != nil {
		fe.Add(field, err)
		return time.Time{}
	}
	t, err := ParseDate(v)
	fe.Add(field, err)
	return t
}

// UnderWay tells whether a period is under way at now (Paris days, its first and last days
// included) and how many of its days are left, today counted: 1 on its last day.
func UnderWay(start, end, now time.Time) (daysLeft int, ok bool) {
	today, first, last := DateOnly(now), DateOnly(start), DateOnly(end)
	if first.IsZero() || last.IsZero() || today.Before(first) || today.After(last) {
		return 0, false
	}
	return int(last.Sub(today).Hours()/24) + 1, true
}

// DaysLeftLabel says how long a period under way still runs: « dernier jour », « encore 3 jours ».
func DaysLeftLabel(daysLeft int) string {
	if daysLeft <= 1 {
		return "dernier jour"
	}
	return "encore " + strconv.Itoa(daysLeft) + " jours"
}
