// Package migrations holds the PocketBase schema of the app and the seed of
// the référentiel. Import it for its side effects:
//
//	import _ "livret/pb_migrations"
//
// Every collection is locked (all API rules nil, superusers only): pages read
// and write through Go, so the policy in package pfmp is the only
// authorisation path.
package migrations

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Text lengths.
const (
	maxCode  = 40
	maxName  = 120
	maxShort = 255
	maxLabel = 1000
	maxLong  = 10000
)

// Levels of a class, an annexe or a period.
var levels = []string{"2de", "1re", "Tle"}

// addTimestamps adds `created` and `updated` if they are missing.
func addTimestamps(c *core.Collection) {
	if c.Fields.GetByName("created") == nil {
		c.Fields.Add(&core.AutodateField{Name: "created", OnCreate: true})
	}
	if c.Fields.GetByName("updated") == nil {
		c.Fields.Add(&core.AutodateField{Name: "updated", OnCreate: true, OnUpdate: true})
	}
}

// lock sets every API rule to nil (superusers only).
func lock(c *core.Collection) {
	c.ListRule = nil
	c.ViewRule = nil
	c.CreateRule = nil
	c.UpdateRule = nil
	c.DeleteRule = nil
	if c.IsAuth() {
		c.ManageRule = nil
		c.AuthRule = nil
	}
}

// texts returns optional text fields sharing the same max length.
func texts(max int, names ...string) []core.Field {
	fields := make([]core.Field, len(names))
	for i, n := range names {
		fields[i] = &core.TextField{Name: n, Max: max}
	}
	return fields
}

// one is a single relation; many a multiple one.
func one(name, collectionId string, cascade, required bool) *core.RelationField {
	return &core.RelationField{Name: name, CollectionId: collectionId, MaxSelect: 1, CascadeDelete: cascade, Required: required}
}

func many(name, collectionId string) *core.RelationField {
	return &core.RelationField{Name: name, CollectionId: collectionId, MaxSelect: 999}
}

// placementRel is the required, cascading `placement` relation of the
// children of a placement.
func placementRel(placementsId string) *core.RelationField {
	return one("placement", placementsId, true, true)
}

func intField(name string, min, max *float64) *core.NumberField {
	return &core.NumberField{Name: name, OnlyInt: true, Min: min, Max: max}
}

func position() *core.NumberField { return intField("position", types.Pointer(0.0), nil) }

func version() *core.NumberField { return intField("version", types.Pointer(0.0), nil) }

// idx adds a (unique) index named idx_<collection>_<suffix>.
func idx(c *core.Collection, suffix string, unique bool, columns, where string) {
	c.AddIndex("idx_"+c.Name+"_"+suffix, unique, columns, where)
}

// collectionId returns the id of an existing collection.
func collectionId(app core.App, name string) (string, error) {
	c, err := app.FindCollectionByNameOrId(name)
	if err != nil {
		return "", fmt.Errorf("collection %q: %w", name, err)
	}
	return c.Id, nil
}

// saveAll locks the collections, adds their timestamps and saves them in
// order (a relation's target must be saved before the collection using it).
func saveAll(app core.App, cs ...*core.Collection) error {
	for _, c := range cs {
		addTimestamps(c)
		lock(c)
		if err := app.Save(c); err != nil {
			return fmt.Errorf("collection %q: %w", c.Name, err)
		}
	}
	return nil
}

// deleteCollections deletes the named collections in order, skipping the
// missing ones.
func deleteCollections(app core.App, names ...string) error {
	for _, n := range names {
		c, err := app.FindCollectionByNameOrId(n)
		if err != nil {
			continue
		}
		if err := app.Delete(c); err != nil {
			return fmt.Errorf("delete collection %q: %w", n, err)
		}
	}
	return nil
}
