package pfmp

import "errors"

// The limits of the columns a period and an annexe pédagogique share.
const (
	MaxNameLength       = 120   // the name of a period or of an annexe
	MaxObjectivesLength = 10000 // their objectives, and a fiche's personalised ones
)

// CheckLevel refuses a level that is not one of the three.
func CheckLevel(l Level) error {
	if l.Valid() {
		return nil
	}
	return errors.New("Choisissez un niveau de classe.")
}

// CheckAnnexe validates an annexe pédagogique as typed in its form.
func CheckAnnexe(name, level, objectives string) error {
	fe := FieldErrors{}
	fe.Add("name", Required(name, "Nom de l'annexe"))
	fe.Add("name", MaxLen(name, MaxNameLength, "Nom de l'annexe"))
	fe.Add("level", CheckLevel(Level(level)))
	fe.Add("objectives", MaxLen(objectives, MaxObjectivesLength, "Objectifs"))
	return fe.Err()
}
