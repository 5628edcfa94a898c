package web

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

func TestMapTilesComeFromTheConfig(t *testing.T) {
	d := &dossier{Placement: core.NewRecord(core.NewBaseCollection("placements"))}
	if got := (&Server{}).mapData(d, mapPosition{})["Tiles"]; got != DefaultTileURL {
		t.Fatalf("default tiles %v", got)
	}
	own := "https://tuiles.lycee.example/{z}/{x}/{y}.png"
	if got := (&Server{cfg: Config{TileURL: own}}).mapData(d, mapPosition{})["Tiles"]; got != own {
		t.Fatalf("configured tiles %v", got)
	}
}
