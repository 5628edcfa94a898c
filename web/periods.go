package web

import (
	"html/template"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// periodRow is one period of the "Vue par périodes", with what its menu needs.
type periodRow struct {
	ID             string         `db:"id"`
	Name           string         `db:"name"`
	Level          string         `db:"level"`
	Kind           string         `db:"kind"`
	Start          types.DateTime `db:"start"`
	End            types.DateTime `db:"end"`
	ReviewDate     types.DateTime `db:"review_date"`
	Students       int            `db:"students"`
	LastCheckpoint types.DateTime `db:"last_checkpoint"`
}

// Locked applies the dated lock rule to the latest checkpoint of the period's students.
func (p periodRow) Locked() bool {
	return pfmp.PeriodLocked(p.ReviewDate.Time(), []time.Time{p.LastCheckpoint.Time()})
}

// LockMessage says why a locked period cannot change.
func (p periodRow) LockMessage() string {
	return pfmp.PeriodLockMessage(p.ReviewDate.Time(), p.LastCheckpoint.Time())
}

// studentRow is one student of a period, with the folder icon's state.
type studentRow struct {
	PlacementID     string         `db:"placement"`
	StudentID       string         `db:"student"`
	FirstName       string         `db:"first_name"`
	LastName        string         `db:"last_name"`
	Status          string         `db:"status"`
	ClassName       string         `db:"class_name"`
	PortfolioEdited types.DateTime `db:"portfolio_edited"`
}

// Edited reports whether the student has saved the portfolio at least once.
func (r studentRow) Edited() bool { return !r.PortfolioEdited.IsZero() }

// periodSelect reads periods with their student count and the latest checkpoint of their
// students, so a list needs one query whatever its length.
const periodSelect = `
	SELECT p.id, p.name, p.level, p.kind, p.start, p.end, p.review_date,
		(SELECT COUNT(*) FROM placements pl WHERE pl.period = p.id) AS students,
		(SELECT MAX(k.date) FROM placements pl JOIN checkpoints k ON k.student = pl.student
			WHERE pl.period = p.id) AS last_checkpoint
	FROM periods p `

// periodsOfLevel lists a level's periods in creation order.
func (s *Server) periodsOfLevel(level pfmp.Level) ([]periodRow, error) {
	var rows []periodRow
	err := s.app.DB().NewQuery(periodSelect + `WHERE p.level = {:level} ORDER BY p.created, p.id`).
		Bind(dbx.Params{"level": string(level)}).All(&rows)
	return rows, err
}

// periodByID reads one period the same way.
func (s *Server) periodByID(id string) (*periodRow, error) {
	var row periodRow
	err := s.app.DB().NewQuery(periodSelect + `WHERE p.id = {:id}`).
		Bind(dbx.Params{"id": id}).One(&row)
	if err != nil {
		return nil, pfmp.NotFound("Cette période n'existe pas (ou plus).")
	}
	return &row, nil
}

// studentsOfPeriod lists a period's students by name, in one query.
func (s *Server) studentsOfPeriod(periodID string) ([]studentRow, error) {
	var rows []studentRow
	err := s.app.DB().NewQuery(`
		SELECT pl.id AS placement, u.id AS student, u.first_name, u.last_name, u.status,
			COALESCE(c.name, '') AS class_name, pl.portfolio_edited
		FROM placements pl JOIN users u ON u.id = pl.student
		LEFT JOIN classes c ON c.id = u.class
		WHERE pl.period = {:period} ORDER BY u.last_name, u.first_name`).
		Bind(dbx.Params{"period": periodID}).All(&rows)
	return rows, err
}

// periodsIndex is the "Vue par périodes": a tab per level, its periods, the chosen one's students.
// Its content holds nothing personal, so it is cached until the next write (see viewCache).
func (s *Server) periodsIndex(c *fiber.Ctx) error {
	level := pfmp.Level(c.Query("niveau", string(pfmp.Levels()[0])))
	if !level.Valid() {
		return pfmp.NotFound("Niveau de classe inconnu.")
	}
	data := s.common(c, "Vue par périodes", nil)
	html, err := s.cache.render("periods:"+string(level)+":"+c.Query("periode"), func() (template.HTML, error) {
		if err := s.periodsData(level, c.Query("periode"), data); err != nil {
			return "", err
		}
		return s.renderHTML("periods/index", data)
	})
	if err != nil {
		return err
	}
	return s.layout(c, fiber.StatusOK, html, data)
}

// periodsData reads the level's periods and, when one is chosen, its students.
func (s *Server) periodsData(level pfmp.Level, chosen string, data fiber.Map) error {
	periods, err := s.periodsOfLevel(level)
	if err != nil {
		return err
	}
	data["Level"], data["Levels"], data["Periods"] = string(level), pfmp.Levels(), periods
	if sel := selectedPeriod(periods, chosen); sel != nil {
		students, err := s.studentsOfPeriod(sel.ID)
		if err != nil {
			return err
		}
		data["Period"], data["Students"] = sel, students
	}
	return nil
}

// periodStudents is the right-hand panel alone, swapped in when a period is chosen.
func (s *Server) periodStudents(c *fiber.Ctx) error {
	if !isFragment(c) {
		sel, err := s.periodByID(c.Params("id"))
		if err != nil {
			return err
		}
		return c.Redirect("/periodes?niveau="+sel.Level+"&periode="+sel.ID, fiber.StatusSeeOther)
	}
	html, err := s.cache.render("panel:"+c.Params("id"), func() (template.HTML, error) {
		sel, err := s.periodByID(c.Params("id"))
		if err != nil {
			return "", err
		}
		students, err := s.studentsOfPeriod(sel.ID)
		if err != nil {
			return "", err
		}
		return s.renderHTML("periods/students", fiber.Map{"Period": sel, "Students": students})
	})
	if err != nil {
		return err
	}
	c.Vary("HX-Request")
	return c.Type("html", "utf-8").SendString(string(html))
}

func selectedPeriod(periods []periodRow, id string) *periodRow {
	for i := range periods {
		if periods[i].ID == id {
			return &periods[i]
		}
	}
	return nil
}
