package web

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// checkpointRow is one bilan intermédiaire de compétences, as listed.
type checkpointRow struct {
	ID        string         `db:"id"`
	Date      types.DateTime `db:"date"`
	Label     string         `db:"label"`
	FirstName string         `db:"first_name"`
	LastName  string         `db:"last_name"`
	ClassName string         `db:"class_name"`
	Locks     int            `db:"locks"` // periods and bilans it locks: then it cannot be deleted
}

var checkpointFields = []string{"target", "date", "label"}

// checkpointsIndex lists the latest checkpoints and the form to record new ones.
func (s *Server) checkpointsIndex(c *fiber.Ctx) error {
	return s.checkpointsPage(c, map[string]string{"date": pfmp.ISODate(s.cfg.Now())}, nil)
}

func (s *Server) checkpointsPage(c *fiber.Ctx, form map[string]string, err error) error {
	var rows []checkpointRow
	qerr := s.app.DB().NewQuery(`SELECT k.id, k.date, k.label, u.first_name, u.last_name,
		COALESCE(c.name, '') AS class_name,
		(SELECT COUNT(*) FROM placements pl JOIN periods p ON p.id = pl.period
			WHERE pl.student = k.student AND COALESCE(NULLIF(p.review_date, ''), p.end) < k.date) +
		(SELECT COUNT(*) FROM company_reviews r JOIN placements pl ON pl.id = r.placement
			WHERE pl.student = k.student AND r.meeting_date != '' AND r.meeting_date < k.date) AS locks
		FROM checkpoints k JOIN users u ON u.id = k.student
		LEFT JOIN classes c ON c.id = u.class ORDER BY k.date DESC, c.name, u.last_name LIMIT 200`).All(&rows)
	if qerr != nil {
		return qerr
	}
	classes, qerr := s.classesOfLevel("")
	if qerr != nil {
		return qerr
	}
	data := fiber.Map{"Checkpoints": rows, "Classes": classes, "Form": form}
	if err != nil {
		return s.invalid(c, "checkpoints/index", "Bilans intermédiaires de compétences", data, err)
	}
	return s.page(c, fiber.StatusOK, "checkpoints/index", "Bilans intermédiaires de compétences", data)
}

// checkpointCreate records a checkpoint for a whole class ("classe:<id>") or one student
// ("eleve:<id>"), all or nothing. Periods and bilans dated before it lock (see hooks).
func (s *Server) checkpointCreate(c *fiber.Ctx) error {
	form := formValues(c, checkpointFields...)
	fe := pfmp.FieldErrors{}
	var day time.Time
	if err := pfmp.Required(form["date"], "Date du bilan"); err != nil {
		fe.Add("date", err)
	} else if d, err := pfmp.ParseDate(form["date"]); err != nil {
		fe.Add("date", err)
	} else {
		day = d
	}
	fe.Add("label", pfmp.MaxLen(form["label"], 255, "Intitulé"))
	students, err := s.checkpointStudents(form["target"])
	fe.Add("target", err)
	if err := fe.Err(); err != nil {
		return s.checkpointsPage(c, form, err)
	}
	err = s.app.RunInTransaction(func(tx core.App) error {
		col, err := tx.FindCachedCollectionByNameOrId("checkpoints")
		if err != nil {
			return err
		}
		for _, id := range students {
			r := core.NewRecord(col)
			r.Set("student", id)
			r.Set("date", day)
			r.Set("label", form["label"])
			r.Set("author", actorOf(c).ID)
			if err := tx.Save(r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.flash(c, "Bilan intermédiaire enregistré pour "+plural(len(students), "apprenant")+".")
	return c.Redirect("/bilans-intermediaires", fiber.StatusSeeOther)
}

// checkpointStudents resolves the form's target to student ids.
func (s *Server) checkpointStudents(target string) ([]string, error) {
	kind, id, _ := strings.Cut(target, ":")
	var ids []string
	var err error
	switch kind {
	case "classe":
		err = s.app.DB().NewQuery(`SELECT id FROM users WHERE class = {:c} AND role = 'student'`).
			Bind(dbx.Params{"c": id}).Column(&ids)
	case "eleve":
		err = s.app.DB().NewQuery(`SELECT id FROM users WHERE id = {:s} AND role = 'student'`).
			Bind(dbx.Params{"s": id}).Column(&ids)
	}
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, errors.New("Choisissez une classe (qui compte des apprenants) ou un apprenant.")
	}
	return ids, nil
}

// checkpointDelete removes a checkpoint entered by mistake (what it locked unlocks).
func (s *Server) checkpointDelete(c *fiber.Ctx) error {
	r, err := s.app.FindRecordById("checkpoints", c.Params("id"))
	if err != nil {
		return pfmp.NotFound("Ce bilan intermédiaire n'existe pas (ou plus).")
	}
	if err := s.app.Delete(r); err != nil {
		return err
	}
	s.flash(c, "Bilan intermédiaire supprimé.")
	return c.Redirect("/bilans-intermediaires", fiber.StatusSeeOther)
}

// plural writes "1 apprenant", "3 apprenants".
func plural(n int, word string) string {
	if n > 1 {
		word += "s"
	}
	return fmt.Sprintf("%d %s", n, word)
}
