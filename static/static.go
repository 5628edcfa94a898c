// Package static embeds the CSS, scripts and vendored libraries served under /static/.
package static

import "embed"

// FS holds css/, js/, img/ and vendor/ (htmx, Leaflet), committed and embedded: no CDN at run
// time.
//
//go:embed css js img vendor
var FS embed.FS
