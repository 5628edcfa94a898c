package dossier

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// The pré-convention's typed sections (pfmp.PreconventionSections): a period holds the text
// common to its students (preconv_<key>), a dossier its own text for the sections listed in
// preconv_own, and prints the period's for the others, so a later change of the period reaches
// every dossier that did not diverge.

const preconvOwn = "preconv_own"

func preconvColumn(key string) string { return "preconv_" + key }

// PreconventionSection is one typed section of a dossier's pré-convention, as its form shows it.
type PreconventionSection struct {
	pfmp.Section
	Text   string // what prints: the student's own text, else the period's
	Own    bool   // typed for this student
	Common string // the period's text
}

// PreconventionSections are the dossier's typed sections, in the document's order.
func (d *Dossier) PreconventionSections() []PreconventionSection {
	own := d.Placement.GetStringSlice(preconvOwn)
	out := make([]PreconventionSection, len(pfmp.PreconventionSections))
	for i, sec := range pfmp.PreconventionSections {
		col := preconvColumn(sec.Key)
		isOwn := slices.Contains(own, sec.Key)
		common := d.Period.GetString(col)
		out[i] = PreconventionSection{Section: sec, Own: isOwn, Common: common,
			Text: pfmp.SectionText(isOwn, d.Placement.GetString(col), common)}
	}
	return out
}

// PreconventionVersion is the version of a dossier's pré-convention form: its own texts and,
// since the form shows them pre-filled, the period's common ones.
func PreconventionVersion(placement, period *core.Record) string {
	h := sha256.New()
	h.Write([]byte(strings.Join(placement.GetStringSlice(preconvOwn), ",")))
	for _, sec := range pfmp.PreconventionSections {
		col := preconvColumn(sec.Key)
		for _, r := range []*core.Record{placement, period} {
			h.Write([]byte{0})
			h.Write([]byte(r.GetString(col)))
		}
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// SavePreconvention stores the sections typed on a dossier's form, keyed by section: a text
// other than the period's becomes the student's own (an emptied one too: blank lines), the
// period's text as it stands keeps following the period. The version seen by the form is
// checked in the same transaction (pfmp.MsgFormStale, 409; "" skips the check).
func (s *Store) SavePreconvention(placementID, seen string, typed map[string]string) error {
	return s.app.RunInTransaction(func(tx core.App) error {
		p, period, err := placementAndPeriod(tx, placementID)
		if err != nil {
			return err
		}
		if seen != "" && seen != PreconventionVersion(p, period) {
			return pfmp.Conflict(pfmp.MsgFormStale)
		}
		own := []string{}
		for _, sec := range pfmp.PreconventionSections {
			col, text := preconvColumn(sec.Key), pfmp.NormalizeText(typed[sec.Key])
			if !pfmp.OverridesPeriod(text, period.GetString(col)) {
				text = ""
			} else {
				own = append(own, sec.Key)
			}
			p.Set(col, text)
		}
		p.Set(preconvOwn, own)
		return tx.Save(p)
	})
}

// ResetPreconvention drops a dossier's own sections: it prints the period's again.
func (s *Store) ResetPreconvention(placementID string) error {
	f := Fields{preconvOwn: []string{}}
	for _, sec := range pfmp.PreconventionSections {
		f[preconvColumn(sec.Key)] = ""
	}
	_, err := s.Update("placements", placementID, Set(f))
	return err
}

// PeriodPreconvention is the period's common text of each section, keyed by section.
func PeriodPreconvention(period *core.Record) map[string]string {
	out := map[string]string{}
	for _, sec := range pfmp.PreconventionSections {
		out[sec.Key] = period.GetString(preconvColumn(sec.Key))
	}
	return out
}

// PeriodPreconventionVersion is the version of the period's common sections form.
func PeriodPreconventionVersion(period *core.Record) string {
	return Fingerprint(period, periodPreconvColumns())
}

func periodPreconvColumns() []string {
	cols := make([]string, len(pfmp.PreconventionSections))
	for i, sec := range pfmp.PreconventionSections {
		cols[i] = preconvColumn(sec.Key)
	}
	return cols
}

// SavePeriodPreconvention stores the sections common to a period's students, checking the
// form's version in the same transaction. A locked period refuses it (the model hook's 409).
func (s *Store) SavePeriodPreconvention(periodID, seen string, typed map[string]string) error {
	_, err := s.Update("periods", periodID, func(stored *core.Record) (Fields, error) {
		if seen != "" && seen != PeriodPreconventionVersion(stored) {
			return nil, pfmp.Conflict(pfmp.MsgFormStale)
		}
		f := Fields{}
		for _, sec := range pfmp.PreconventionSections {
			f[preconvColumn(sec.Key)] = pfmp.NormalizeText(typed[sec.Key])
		}
		return f, nil
	})
	return err
}

// placementAndPeriod reads a dossier's placement and period in tx.
func placementAndPeriod(tx core.App, placementID string) (*core.Record, *core.Record, error) {
	p, err := tx.FindRecordById("placements", placementID)
	if err != nil {
		return nil, nil, pfmp.NotFound(pfmp.MsgNoDossier)
	}
	period, err := tx.FindRecordById("periods", p.GetString("period"))
	if err != nil {
		return nil, nil, pfmp.NotFound(pfmp.MsgNoDossier)
	}
	return p, period, nil
}
