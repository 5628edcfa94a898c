// Package views embeds the HTML templates so the binary needs nothing beside pb_data/.
package views

import "embed"

// FS holds every template; names are paths without ".html" (e.g. "periods/index").
//
//go:embed */*.html
var FS embed.FS
