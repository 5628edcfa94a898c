package pfmp

import (
	"errors"
	"time"
)

// PeriodForm is a period as typed in the form (dates as from <input type=date>).
type PeriodForm struct {
	Name, Level, Kind, Start, End, ReviewDate string
}

// Period is a checked period, dates at UTC midnight of their calendar day.
type Period struct {
	Name       string
	Level      Level
	Kind       Kind
	Start, End time.Time
	ReviewDate time.Time
}

// maxPeriodDays bounds a period: the longest PFMP sequence is a few weeks, a year is a typo.
const maxPeriodDays = 120

// CheckPeriod validates a period form; the date of the bilans entreprise defaults to the
// period's last day, as in the reference system.
func CheckPeriod(f PeriodForm) (Period, error) {
	fe := FieldErrors{}
	p := Period{Name: f.Name, Level: Level(f.Level), Kind: Kind(f.Kind)}
	fe.Add("name", Required(f.Name, "Nom de la période"))
	fe.Add("name", MaxLen(f.Name, 120, "Nom de la période"))
	if !p.Level.Valid() {
		fe.Add("level", errors.New("Choisissez un niveau de classe."))
	}
	fe.Add("kind", kindForLevel(p.Kind, p.Level))
	p.Start = requiredDate(fe, "start", f.Start, "Date de début")
	p.End = requiredDate(fe, "end", f.End, "Date de fin")
	if !p.Start.IsZero() && !p.End.IsZero() {
		if p.End.Before(p.Start) {
			fe.Add("end", errors.New("La date de fin doit suivre la date de début."))
		} else if p.End.Sub(p.Start) > maxPeriodDays*24*time.Hour {
			fe.Add("end", errors.New("Une période ne peut pas dépasser 120 jours."))
		}
	}
	p.ReviewDate = p.End
	if f.ReviewDate != "" {
		p.ReviewDate = requiredDate(fe, "review_date", f.ReviewDate, "Date des bilans entreprise")
		if !p.ReviewDate.IsZero() && !p.Start.IsZero() && p.ReviewDate.Before(p.Start) {
			fe.Add("review_date", errors.New("Les bilans entreprise ne peuvent pas précéder le début de la période."))
		}
	}
	return p, fe.Err()
}

// kindForLevel: periods tied to an exam (E31, E33) belong to the certification years.
func kindForLevel(k Kind, l Level) error {
	switch {
	case !k.Valid():
		return errors.New("Choisissez le type de période.")
	case k.Certificative() && l == "2de":
		return errors.New("Une période rattachée à une épreuve (E31, E33) n'existe qu'en 1re ou en terminale.")
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
