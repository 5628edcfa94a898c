package web

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestTheCSPAllowsTheConfiguredTileServer(t *testing.T) {
	t.Parallel()
	for tiles, want := range map[string]string{
		DefaultTileURL: "img-src 'self' data: https://tile.openstreetmap.org;",
		"https://{s}.tuiles.exemple.fr/{z}/{x}/{y}.png": "img-src 'self' data: https://*.tuiles.exemple.fr;",
		"http://127.0.0.1:9000/tuiles/{z}/{x}/{y}.png":  "img-src 'self' data: http://127.0.0.1:9000;",
		"pas une adresse": "img-src 'self' data: ;",
	} {
		require.Contains(t, contentSecurityPolicy(tiles, geocoderURL), want, tiles)
	}
}
