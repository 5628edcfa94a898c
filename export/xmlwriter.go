package export

import (
	"bufio"
	"unicode/utf8"
)

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// xmlWriter writes one XML part. Write errors are sticky in bufio.Writer and surface at
// Flush (zip.go), so the part writers stay free of error plumbing.
type xmlWriter struct {
	w *bufio.Writer
}

// raw writes markup as is.
func (x xmlWriter) raw(s string) { _, _ = x.w.WriteString(s) }

// text writes character data or a double-quoted attribute value: & < > " are escaped,
// characters XML 1.0 forbids (control characters pasted from elsewhere, broken UTF-8) are
// dropped or replaced by U+FFFD, so a user's text can never make the file unreadable.
// Everything else, accents and ’ included, is written as the UTF-8 it is.
func (x xmlWriter) text(s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			var esc string
			switch {
			case c == '&':
				esc = "&amp;"
			case c == '<':
				esc = "&lt;"
			case c == '>':
				esc = "&gt;"
			case c == '"':
				esc = "&quot;"
			case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
				esc = ""
			default:
				i++
				continue
			}
			x.raw(s[last:i])
			x.raw(esc)
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || r == 0xFFFE || r == 0xFFFF {
			x.raw(s[last:i])
			x.raw("\uFFFD")
			last = i + size
		}
		i += size
	}
	x.raw(s[last:])
}

// attr writes ` name="value"` with the value escaped.
func (x xmlWriter) attr(name, value string) {
	x.raw(" ")
	x.raw(name)
	x.raw(`="`)
	x.text(value)
	x.raw(`"`)
}
