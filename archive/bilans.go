package archive

import (
	"strconv"

	"livret/dossier"
	"livret/pfmp"
	"livret/print"
)

// renderBilans lays a dossier's evaluations out as one printable document.
func renderBilans(pf *dossier.Portfolio, b *dossier.Bilans) (print.Document, error) {
	st := pf.Student
	out := print.Bilans{
		School:  print.School{Name: pf.School},
		Student: print.Student{FirstName: st.GetString("first_name"), LastName: pfmp.FamilyName(st.GetString("last_name")), Class: pf.Class},
		Period:  print.Period{Name: pf.Period.GetString("name"), Start: pf.Period.Start(), End: pf.Period.End()},
	}
	if b.Self != nil {
		for _, q := range dossier.SelfReviewQuestions {
			out.Self = append(out.Self, print.Answer{Question: q.Question, Text: b.Self.GetString(q.Field)})
		}
	}
	if r := b.AttitudeReview; r != nil {
		for _, a := range b.Attitudes {
			level := r.Rating(a.Code)
			l, _ := pfmp.AttitudeLevelOf(level)
			out.Attitudes = append(out.Attitudes, print.Rated{Item: print.Item{Code: a.Code, Label: a.Label}, Level: level, LevelLabel: l.Label})
		}
		out.AttitudesComment = r.GetString("comment")
	}
	if b.Company != nil {
		out.Company = companyBilan(pf.Period.Kind(), b.Scope, b.Company)
	}
	return print.RenderBilans(out)
}

// companyBilan is a saved bilan entreprise (or grid) with its levels, tasks and stars.
func companyBilan(kind pfmp.Kind, sc *dossier.CompanyScope, st *dossier.CompanyState) *print.CompanyBilan {
	c := &print.CompanyBilan{Title: "Bilan entreprise", MeetingDate: st.Review.MeetingDate(),
		Comment: st.Values[dossier.KeyComment], Evaluators: st.Values[dossier.KeyEvaluators]}
	if sc.Certificative {
		c.Title = "Grille d'évaluation " + string(kind)
	}
	for _, t := range sc.Tasks {
		if st.Values[dossier.TaskKey(t.Code)] != "" {
			c.TasksDone = append(c.TasksDone, print.Item{Code: t.Code, Label: t.Label})
		}
	}
	for _, comp := range sc.Competences {
		level, computed := st.Level(comp)
		r := rated(comp, level)
		r.Computed = computed
		if st.Detailed(comp.Code) {
			for _, sub := range comp.Subs {
				r.Subs = append(r.Subs, rated(sub, st.Values[dossier.LevelKey(sub.Code)]))
			}
		}
		c.Competences = append(c.Competences, r)
	}
	if n, err := strconv.Atoi(st.Values[dossier.KeyEngagement]); err == nil {
		c.Stars, c.StarsLabel = n, pfmp.EngagementLabel(n)
	}
	return c
}

// rated is a competence with a level of the competences' scale.
func rated(c *dossier.Competence, level string) print.Rated {
	r, _ := pfmp.RatingOf(level)
	return print.Rated{Item: print.Item{Code: c.Code, Label: c.Label}, Level: level, LevelLabel: r.Label}
}
