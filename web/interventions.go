package web

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// « Présenter une activité »: the student's maintenance intervention reports (comptes
// rendus), one card each, the ones selected for the export greyed. Only the student writes;
// everyone who may read the portfolio reads the same content as text.

var interventionFields = []textField{
	{"title", "Titre de l'activité", 255},
	{"conditions", "Conditions de réalisation", maxPortfolioText},
	{"wo_sector", "Secteur", 255},
	{"wo_requester", "Demandeur", 255},
	{"wo_machine", "Machine", 255},
	{"wo_nature", "Nature du travail à réaliser", maxPortfolioText},
	{"wo_supplies", "Fournitures", maxPortfolioText},
	{"wo_documentation", "Documentation", maxPortfolioText},
	{"defects", "Défauts constatés", maxPortfolioText},
	{"causes", "Cause(s)", maxPortfolioText},
	{"repairs", "Réparations effectuées", maxPortfolioText},
	{"duration", "Durée de l'intervention", 120},
}

const interventionConflictMsg = "Ce compte rendu a été modifié ailleurs (autre onglet ou appareil) : rechargez pour " +
	"voir la dernière version ; votre texte n'a pas été perdu, le voici :"

func init() { setTabLoader("activites", interventionsTab) }

// interventionCard is one report as its card shows it.
type interventionCard struct {
	ID       string         `db:"id"`
	Title    string         `db:"title"`
	Date     types.DateTime `db:"wo_date"`
	Machine  string         `db:"wo_machine"`
	Selected bool           `db:"selected"`
}

func interventionsTab(s *Server, c *fiber.Ctx, d *dossier) (fiber.Map, error) {
	var cards []interventionCard
	err := s.app.DB().NewQuery(`SELECT id, title, wo_date, wo_machine, selected FROM interventions
		WHERE placement = {:p} ORDER BY wo_date DESC, created DESC`).
		Bind(dbx.Params{"p": d.Placement.Id}).All(&cards)
	if err != nil {
		return nil, err
	}
	selected := 0
	for _, card := range cards {
		if card.Selected {
			selected++
		}
	}
	return fiber.Map{"Cards": cards, "SelectedCount": selected}, nil
}

// findIntervention loads a report of THIS placement: another placement's id is not found.
func (s *Server) findIntervention(d *dossier, id string) (*core.Record, error) {
	rec, err := s.app.FindRecordById("interventions", id)
	if err != nil || rec.GetString("placement") != d.Placement.Id {
		return nil, pfmp.NotFound("Ce compte rendu n'existe pas (ou plus).")
	}
	return rec, nil
}

func interventionsURL(d *dossier) string {
	return "/dossiers/" + d.Placement.Id + "/portfolio/activites"
}

// interventionNew is the empty form (GET …/activites/nouvelle).
func (s *Server) interventionNew(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	return s.interventionForm(c, fiber.StatusOK, d, nil, map[string]string{}, 0, nil)
}

// interventionShow is a report: its form for the student, its text for the readers.
func (s *Server) interventionShow(c *fiber.Ctx) error {
	d, rec, err := s.loadIntervention(c, pfmp.ReadPortfolio)
	if err != nil {
		return err
	}
	if !pfmp.Can(actorOf(c), pfmp.EditPortfolio, d.Access) {
		return s.portfolioPage(c, fiber.StatusOK, "activites", "portfolio/activites-show", "",
			fiber.Map{"D": d, "R": rec, "Fields": interventionFields})
	}
	return s.interventionForm(c, fiber.StatusOK, d, rec, interventionValues(rec), rec.GetInt("version"), nil)
}

func interventionValues(rec *core.Record) map[string]string {
	v := make(map[string]string, len(interventionFields)+1)
	for _, f := range interventionFields {
		v[f.Name] = rec.GetString(f.Name)
	}
	v["wo_date"] = pfmp.ISODate(rec.GetDateTime("wo_date").Time())
	return v
}

// interventionForm renders the form page; err (422, 409) adds the messages.
func (s *Server) interventionForm(c *fiber.Ctx, status int, d *dossier, rec *core.Record, values map[string]string, version int, err error) error {
	data := fiber.Map{"D": d, "R": rec, "V": values, "Version": version, "Errors": pfmp.FieldsOf(err)}
	if status == fiber.StatusConflict {
		data["Conflict"], data["Typed"] = pfmp.Message(err), typedTexts(interventionFields, values)
		data["V"], data["Version"] = interventionValues(rec), rec.GetInt("version")
	} else if err != nil {
		data["Error"] = pfmp.Message(err)
	}
	title := "Nouveau compte rendu d'activité"
	if rec != nil {
		title = "Compte rendu : " + rec.GetString("title")
	}
	return s.portfolioPage(c, status, "activites", "portfolio/intervention_form", title, data)
}

// interventionCreate saves a new report (POST …/activites).
func (s *Server) interventionCreate(c *fiber.Ctx) error {
	d, err := s.loadPlacement(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	in, err := interventionInput(c)
	if err != nil {
		return s.interventionForm(c, pfmp.Status(err), d, nil, in, 0, err)
	}
	col, err := s.app.FindCachedCollectionByNameOrId("interventions")
	if err != nil {
		return err
	}
	rec := core.NewRecord(col)
	rec.Set("placement", d.Placement.Id)
	setIntervention(rec, in)
	rec.Set("version", 1)
	if err := s.app.Save(rec); err != nil {
		return err
	}
	s.flash(c, "Compte rendu enregistré.")
	return c.Redirect(interventionsURL(d)+"/"+rec.Id, fiber.StatusSeeOther)
}

// interventionUpdate saves a report if nobody saved it since the form was loaded.
func (s *Server) interventionUpdate(c *fiber.Ctx) error {
	d, rec, err := s.loadIntervention(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	version, _ := strconv.Atoi(c.FormValue("version"))
	in, err := interventionInput(c)
	if err != nil {
		return s.interventionForm(c, pfmp.Status(err), d, rec, in, version, err)
	}
	err = s.app.RunInTransaction(func(tx core.App) error {
		fresh, err := tx.FindRecordById("interventions", rec.Id)
		if err != nil {
			return err
		}
		if fresh.GetInt("version") != version {
			rec = fresh
			return errStale
		}
		setIntervention(fresh, in)
		fresh.Set("version", version+1)
		return tx.Save(fresh)
	})
	if errors.Is(err, errStale) {
		return s.interventionForm(c, fiber.StatusConflict, d, rec, in, version, pfmp.Conflict(interventionConflictMsg))
	}
	if err != nil {
		return err
	}
	s.flash(c, "Compte rendu enregistré.")
	return c.Redirect(interventionsURL(d)+"/"+rec.Id, fiber.StatusSeeOther)
}

// interventionInput reads and checks the form: a title, lengths, a real date.
func interventionInput(c *fiber.Ctx) (map[string]string, error) {
	in := formValues(c, append(fieldNames(interventionFields), "wo_date")...)
	fe := pfmp.FieldErrors{}
	fe.Add("title", pfmp.Required(in["title"], "Titre de l'activité"))
	for _, f := range interventionFields {
		fe.Add(f.Name, pfmp.MaxLen(in[f.Name], f.Max, f.Label))
	}
	if in["wo_date"] != "" {
		if _, err := pfmp.ParseDate(in["wo_date"]); err != nil {
			fe.Add("wo_date", errors.New("Date invalide : saisissez-la au format JJ/MM/AAAA."))
		}
	}
	return in, fe.Err()
}

func setIntervention(rec *core.Record, in map[string]string) {
	for _, f := range interventionFields {
		rec.Set(f.Name, in[f.Name])
	}
	day, _ := pfmp.ParseDate(in["wo_date"]) // checked; zero (empty) clears it
	if day.IsZero() {
		rec.Set("wo_date", "")
	} else {
		rec.Set("wo_date", day)
	}
}

// interventionSelect ticks or unticks a report for the export (POST …/:rid/selection); htmx
// gets the card back. The version does not move: the report's text is untouched.
func (s *Server) interventionSelect(c *fiber.Ctx) error {
	d, rec, err := s.loadIntervention(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	selected := c.FormValue("selected") != ""
	// Re-read inside the transaction: the report may have been edited since it was loaded, and
	// saving the loaded copy would silently undo that edit.
	err = s.app.RunInTransaction(func(tx core.App) error {
		fresh, err := tx.FindRecordById("interventions", rec.Id)
		if err != nil {
			return err
		}
		fresh.Set("selected", selected)
		rec = fresh
		return tx.Save(fresh)
	})
	if err != nil {
		return err
	}
	if isFragment(c) {
		card := interventionCard{ID: rec.Id, Title: rec.GetString("title"), Date: rec.GetDateTime("wo_date"),
			Machine: rec.GetString("wo_machine"), Selected: selected}
		var count struct {
			Total    int `db:"total"`
			Selected int `db:"selected"`
		}
		err := s.app.DB().NewQuery(`SELECT COUNT(*) AS total, COALESCE(SUM(selected), 0) AS selected
			FROM interventions WHERE placement = {:p}`).Bind(dbx.Params{"p": d.Placement.Id}).One(&count)
		if err != nil {
			return err
		}
		return s.fragment(c, fiber.StatusOK, "portfolio/activites-card", fiber.Map{"C": card, "PID": d.Placement.Id,
			"CanEdit": true, "Count": map[string]any{"Total": count.Total, "Selected": count.Selected, "OOB": true}})
	}
	if selected {
		s.flash(c, "Activité sélectionnée pour l'export.")
	} else {
		s.flash(c, "Activité retirée de l'export.")
	}
	return c.Redirect(interventionsURL(d), fiber.StatusSeeOther)
}

// interventionDelete deletes a report after the page asked for confirmation.
func (s *Server) interventionDelete(c *fiber.Ctx) error {
	d, rec, err := s.loadIntervention(c, pfmp.EditPortfolio)
	if err != nil {
		return err
	}
	if err := s.app.Delete(rec); err != nil {
		return err
	}
	s.flash(c, "Compte rendu supprimé.")
	return c.Redirect(interventionsURL(d), fiber.StatusSeeOther)
}

// loadIntervention loads the :id placement through the policy, then its :rid report.
func (s *Server) loadIntervention(c *fiber.Ctx, act pfmp.Action) (*dossier, *core.Record, error) {
	d, err := s.loadPlacement(c, act)
	if err != nil {
		return nil, nil, err
	}
	rec, err := s.findIntervention(d, c.Params("rid"))
	return d, rec, err
}
