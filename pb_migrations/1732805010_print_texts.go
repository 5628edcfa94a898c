package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// What is typed before printing (pfmp.PreconventionSections, pfmp.AttestationFields): the
// pré-convention's sections common to a period, a dossier's own versions of them (used only for
// the sections listed in preconv_own: an own text may be empty, to leave lines for the pen),
// and the attestation de présence's six fields of a dossier.

var preconvSections = []string{"hours", "concertation", "derogation", "evaluation"}

var attestationFields = []string{"representative", "head_office", "student_address", "hours", "gratification", "place"}

func prefixed(prefix string, names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = prefix + n
	}
	return out
}

func init() {
	m.Register(func(app core.App) error {
		periods, err := app.FindCollectionByNameOrId("periods")
		if err != nil {
			return err
		}
		periods.Fields.Add(texts(maxLong, prefixed("preconv_", preconvSections)...)...)

		placements, err := app.FindCollectionByNameOrId("placements")
		if err != nil {
			return err
		}
		placements.Fields.Add(texts(maxLong, prefixed("preconv_", preconvSections)...)...)
		placements.Fields.Add(&core.SelectField{Name: "preconv_own", Values: preconvSections, MaxSelect: len(preconvSections)})
		placements.Fields.Add(texts(maxShort, prefixed("attestation_", attestationFields)...)...)
		return saveAll(app, periods, placements)
	}, func(app core.App) error {
		for col, names := range map[string][]string{
			"periods": prefixed("preconv_", preconvSections),
			"placements": append(append(prefixed("preconv_", preconvSections), "preconv_own"),
				prefixed("attestation_", attestationFields)...),
		} {
			c, err := app.FindCollectionByNameOrId(col)
			if err != nil {
				return err
			}
			for _, n := range names {
				c.Fields.RemoveByName(n)
			}
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	})
}
