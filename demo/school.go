package demo

import (
	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

type annexe struct {
	name, level, objectives string
	tasks                   []string
}

var annexes = []annexe{
	{"Découverte de l'entreprise — 2de PMIA", "2de",
		"Découvrir l'organisation d'un service maintenance, observer les règles de sécurité et participer aux opérations de surveillance.",
		[]string{"A1T1", "A1T2", "A1T4", "A1T6", "A2T1", "A2T2"}},
	{"Maintenance préventive et corrective — 1re MSPC", "1re",
		"Préparer et réaliser des interventions de maintenance préventive, participer au diagnostic et au dépannage, rendre compte.",
		[]string{"A1T1", "A1T3", "A1T4", "A2T2", "A2T3", "A2T4", "A3T1", "A3T2", "A3T4"}},
}

type period struct {
	name, annexe, class, kind string
	startWeeks, weeks         int // start, in weeks from this Monday; length in weeks
}

// Three periods of different kinds: one over (locked by a checkpoint), two under way.
var periods = []period{
	{"PFMP 1 — 2de PMIA", annexes[0].name, "2de PMIA", "P1", -10, 3},
	{"PFMP 2 — 2de PMIA", annexes[0].name, "2de PMIA", "P2", -1, 4},
	{"PFMP 1re MSPC — E31", annexes[1].name, "1re MSPC", "E31", -2, 6},
}

func (s *seeder) annexes() error {
	for _, a := range annexes {
		tasks, err := s.taskIDs(a.tasks...)
		if err != nil {
			return err
		}
		r, err := s.upsert("annexes", "name", a.name, func(r *core.Record) {
			r.Set("level", a.level)
			r.Set("objectives", a.objectives)
			r.Set("tasks", tasks)
			r.Set("author", s.ids[teachers[0].username])
		})
		if err != nil {
			return err
		}
		s.ids[a.name] = r.Id
	}
	return nil
}

func (s *seeder) periods() error {
	monday := s.today.AddDate(0, 0, -int((s.today.Weekday()+6)%7))
	for _, p := range periods {
		an, err := s.app.FindRecordById("annexes", s.ids[p.annexe])
		if err != nil {
			return err
		}
		start := monday.AddDate(0, 0, 7*p.startWeeks)
		end := start.AddDate(0, 0, 7*p.weeks-3) // a Friday
		r, err := s.upsert("periods", "name", p.name, func(r *core.Record) {
			r.Set("level", an.GetString("level"))
			r.Set("kind", p.kind)
			r.Set("annexe", an.Id)
			r.Set("start", start)
			r.Set("end", end) // no review_date: the bilans follow the last day
			r.Set("objectives", an.GetString("objectives"))
			r.Set("tasks", an.GetStringSlice("tasks"))
			r.Set("author", s.ids[teachers[0].username])
		})
		if err != nil {
			return err
		}
		s.ids[p.name] = r.Id
		if err := s.assign(r, p.class); err != nil {
			return err
		}
	}
	return nil
}

// assign places every student of the class on the period.
func (s *seeder) assign(period *core.Record, class string) error {
	for _, st := range students {
		if st.class != class {
			continue
		}
		key := period.Id + ":" + st.username
		if r, err := s.app.FindFirstRecordByFilter("placements", "period = {:p} && student = {:s}",
			map[string]any{"p": period.Id, "s": s.ids[st.username]}); err == nil {
			s.ids[key] = r.Id
			continue
		}
		col, err := s.app.FindCollectionByNameOrId("placements")
		if err != nil {
			return err
		}
		r := core.NewRecord(col)
		r.Set("period", period.Id)
		r.Set("student", s.ids[st.username])
		if err := s.app.Save(r); err != nil {
			return err
		}
		s.ids[key] = r.Id
	}
	return nil
}

// checkpoint records a bilan intermédiaire after the first period, which locks it.
func (s *seeder) checkpoint() error {
	p, err := s.app.FindRecordById("periods", s.ids[periods[0].name])
	if err != nil {
		return err
	}
	day := p.GetDateTime("end").Time().AddDate(0, 0, 14)
	for _, st := range students[:6] {
		if _, err := s.app.FindFirstRecordByData("checkpoints", "student", s.ids[st.username]); err == nil {
			continue
		}
		col, _ := s.app.FindCollectionByNameOrId("checkpoints")
		r := core.NewRecord(col)
		r.Set("student", s.ids[st.username])
		r.Set("date", day)
		r.Set("label", "Bilan intermédiaire du premier trimestre")
		r.Set("author", s.ids[teachers[0].username])
		if err := s.app.Save(r); err != nil {
			return err
		}
	}
	return nil
}

// masterLink links the apprentice to his apprenticeship master, as an administrator does on
// the student's record: the master then sees every dossier of his apprentice.
func (s *seeder) masterLink() error {
	r, err := s.app.FindRecordById("users", s.ids["lucas.lambert"])
	if err != nil || r.GetString("master") != "" {
		return err
	}
	r.Set("master", s.ids[master.username])
	return s.app.Save(r)
}

// demoAdmin is the demo's dashboard administrator.
const demoAdmin = "admin@demo.livret.fr"

func (s *seeder) superuser() error {
	_, err := s.app.FindAuthRecordByEmail(core.CollectionNameSuperusers, demoAdmin)
	if err == nil {
		return nil
	}
	col, err := s.app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	r.SetEmail(demoAdmin)
	r.SetPassword(Password + "-admin")
	return s.app.Save(r)
}

func (s *seeder) logins() []Login {
	out := []Login{{"Administrateur (tableau de bord /_/)", "admin", demoAdmin + " (mot de passe " + Password + "-admin)"}}
	for _, p := range teachers {
		out = append(out, Login{pfmp.RoleTeacher.Label(), p.first + " " + p.last, p.username})
	}
	for _, p := range students {
		out = append(out, Login{pfmp.RoleStudent.Label() + " " + p.class, p.first + " " + p.last, p.username})
	}
	return append(out, Login{pfmp.RoleMaster.Label(), master.first + " " + master.last, master.username})
}
