package web

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"livret/dossier"
)

func TestMapTilesComeFromTheConfig(t *testing.T) {
	t.Parallel()
	p := &dossier.Placement{}
	p.SetProxyRecord(core.NewRecord(core.NewBaseCollection("placements")))
	d := &openDossier{Dossier: &dossier.Dossier{Placement: p}}
	if got := (&Server{}).mapData(d, mapPosition{}).Tiles; got != DefaultTileURL {
		t.Fatalf("default tiles %v", got)
	}
	own := "https://tuiles.lycee.example/{z}/{x}/{y}.png"
	if got := (&Server{cfg: Config{TileURL: own}}).mapData(d, mapPosition{}).Tiles; got != own {
		t.Fatalf("configured tiles %v", got)
	}
}
