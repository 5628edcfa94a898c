package migrations

import (
	"database/sql"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// BacProMSPC is the référentiel of the Bac Pro MSPC (see referentiel/README
// in the shared folder for its structure).
//
//go:embed referentiel/bacpro-mspc.json
var BacProMSPC []byte

func init() {
	m.Register(func(app core.App) error {
		return SeedReferentiel(app, BacProMSPC)
	}, func(app core.App) error {
		ref, err := parseReferentiel(BacProMSPC)
		if err != nil {
			return err
		}
		diploma, err := app.FindFirstRecordByData("diplomas", "code", ref.Diplome.Id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		return app.Delete(diploma) // cascades to blocs, activities, tasks, competences, attitudes
	})
}

// referentiel is the part of a référentiel JSON file that is seeded.
type referentiel struct {
	Diplome struct {
		Id             string `json:"id"`
		Intitule       string `json:"intitule"`
		Sigle          string `json:"sigle"`
		SecondeCommune struct {
			Sigle string `json:"sigle"`
		} `json:"seconde_commune"`
		Niveaux json.RawMessage `json:"niveaux"`
	} `json:"diplome"`
	Blocs []struct {
		Code         string `json:"code"`
		Libelle      string `json:"libelle"`
		Pole         string `json:"pole"`
		Unite        string `json:"unite"`
		Verification string `json:"statut_verification"`
	} `json:"blocs_de_competences"`
	Activites []struct {
		Code         string `json:"code"`
		Libelle      string `json:"libelle_application"`
		Pole         string `json:"pole"`
		Bloc         string `json:"bloc"`
		Verification string `json:"statut_verification"`
		Taches       []struct {
			Code         string   `json:"code"`
			Libelle      string   `json:"libelle"`
			Competences  []string `json:"competences_mobilisees"`
			Verification string   `json:"statut_verification"`
		} `json:"taches"`
	} `json:"activites"`
	Competences []struct {
		refCompetence
		LibelleCourt    string          `json:"libelle_court"`
		Bloc            string          `json:"bloc"`
		Note            string          `json:"note"`
		SousCompetences []refCompetence `json:"sous_competences"`
	} `json:"competences"`
	Attitudes struct {
		Criteres []struct {
			Code         string            `json:"code"`
			Libelle      string            `json:"libelle"`
			Description  string            `json:"description"`
			Descripteurs map[string]string `json:"descripteurs"`
		} `json:"criteres"`
	} `json:"attitudes_professionnelles"`
	Unites   json.RawMessage `json:"unites_professionnelles"`
	Echelles json.RawMessage `json:"echelles"`
	PFMP     json.RawMessage `json:"pfmp"`
}

type refCompetence struct {
	Code         string `json:"code"`
	Libelle      string `json:"libelle"`
	Verification string `json:"statut_verification"`
}

func parseReferentiel(jsonBytes []byte) (*referentiel, error) {
	var ref referentiel
	if err := json.Unmarshal(jsonBytes, &ref); err != nil {
		return nil, fmt.Errorf("référentiel: %w", err)
	}
	if ref.Diplome.Id == "" {
		return nil, errors.New("référentiel: diplome.id is empty")
	}
	return &ref, nil
}

// SeedReferentiel imports a référentiel JSON file (same structure as
// referentiel/bacpro-mspc.json): the diploma, its blocs, activities and
// tasks, competences and sub-competences, and attitudes. Records are upserted
// by code, so running it again updates labels and creates no duplicates;
// records missing from the file are kept (codes are never reused).
func SeedReferentiel(app core.App, jsonBytes []byte) error {
	ref, err := parseReferentiel(jsonBytes)
	if err != nil {
		return err
	}
	return app.RunInTransaction(func(tx core.App) error {
		s := seeder{app: tx}

		d := ref.Diplome
		diploma := s.upsert("diplomas", dbx.HashExp{"code": d.Id}, map[string]any{
			"title":  d.Intitule,
			"short":  d.Sigle,
			"family": d.SecondeCommune.Sigle,
			"data": map[string]json.RawMessage{
				"niveaux":                 d.Niveaux,
				"echelles":                ref.Echelles,
				"pfmp":                    ref.PFMP,
				"unites_professionnelles": ref.Unites,
			},
		})
		if s.err != nil {
			return s.err
		}
		inDiploma := func(code string) dbx.HashExp {
			return dbx.HashExp{"diploma": diploma.Id, "code": code}
		}

		for i, b := range ref.Blocs {
			s.upsert("blocs", inDiploma(b.Code), map[string]any{
				"label":        b.Libelle,
				"unit":         b.Unite,
				"pole":         b.Pole,
				"verification": b.Verification,
				"position":     i + 1,
			})
		}

		for i, a := range ref.Activites {
			activity := s.upsert("activities", inDiploma(a.Code), map[string]any{
				"label":        a.Libelle,
				"pole":         a.Pole,
				"bloc":         a.Bloc,
				"verification": a.Verification,
				"position":     i + 1,
			})
			if s.err != nil {
				return s.err
			}
			for j, t := range a.Taches {
				competences := t.Competences
				if competences == nil {
					competences = []string{}
				}
				s.upsert("tasks", dbx.HashExp{"code": t.Code}, map[string]any{
					"activity":     activity.Id,
					"label":        t.Libelle,
					"competences":  competences,
					"verification": t.Verification,
					"position":     j + 1,
				})
			}
		}

		for i, c := range ref.Competences {
			parent := s.upsert("competences", inDiploma(c.Code), map[string]any{
				"label":        c.Libelle,
				"short_label":  c.LibelleCourt,
				"bloc":         c.Bloc,
				"parent":       "",
				"verification": c.Verification,
				"note":         c.Note,
				"position":     i + 1,
			})
			if s.err != nil {
				return s.err
			}
			for j, sc := range c.SousCompetences {
				s.upsert("competences", inDiploma(sc.Code), map[string]any{
					"label":        sc.Libelle,
					"bloc":         c.Bloc,
					"parent":       parent.Id,
					"verification": sc.Verification,
					"position":     j + 1,
				})
			}
		}

		for i, a := range ref.Attitudes.Criteres {
			s.upsert("attitudes", inDiploma(a.Code), map[string]any{
				"label":       a.Libelle,
				"description": a.Description,
				"descriptors": a.Descripteurs,
				"position":    i + 1,
			})
		}

		return s.err
	})
}

// seeder upserts records and keeps the first error (later calls are no-ops).
type seeder struct {
	app core.App
	err error
}

// upsert finds the record of collection matching key (or creates it), sets
// key and values on it and saves it.
func (s *seeder) upsert(collection string, key dbx.HashExp, values map[string]any) *core.Record {
	if s.err != nil {
		return nil
	}
	col, err := s.app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		s.err = err
		return nil
	}
	rec := &core.Record{}
	err = s.app.RecordQuery(col).AndWhere(key).Limit(1).One(rec)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		rec = core.NewRecord(col)
	case err != nil:
		s.err = fmt.Errorf("%s %v: %w", collection, key, err)
		return nil
	}
	for k, v := range key {
		rec.Set(k, v)
	}
	for k, v := range values {
		rec.Set(k, v)
	}
	if err := s.app.Save(rec); err != nil {
		s.err = fmt.Errorf("%s %v: %w", collection, key, err)
		return nil
	}
	return rec
}
