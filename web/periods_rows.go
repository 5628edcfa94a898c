package web

import (
	"html"
	"html/template"
	"net/url"
	"strings"
)

// periodLines writes the left-hand list's periods (a big school shows a few dozen a year), for
// the same reason as studentRows.
func periodLines(lines []periodLine) template.HTML {
	var b strings.Builder
	b.Grow(len(lines) * 400)
	for _, p := range lines {
		href := html.EscapeString(p.Href)
		b.WriteString("<li")
		if p.Current {
			b.WriteString(` aria-current="true"`)
		}
		b.WriteString(">\n        <a href=\"" + href + "\" hx-get=\"/periodes/" + html.EscapeString(url.PathEscape(p.ID)) +
			"/apprenants\" hx-target=\"#period-panel\" hx-swap=\"innerHTML show:#period-panel:top\" hx-push-url=\"" + href + "\">\n" +
			"          <strong>" + html.EscapeString(p.Name) + "</strong><br>\n          <span class=\"small muted\">" +
			html.EscapeString(p.Info) + "</span>\n        </a>\n      </li>\n      ")
	}
	return template.HTML(b.String())
}

// studentRows writes the period panel's student rows (views/periods/index.html holds the
// rest of the panel). They are written here rather than by the template: thirty rows of a
// dozen interpolations each were, through html/template's escapers, half of the CPU of a
// period page rendered afresh. Every value is escaped here; the links are paths we built.
func studentRows(lines []studentLine) template.HTML {
	var b strings.Builder
	b.Grow(len(lines) * 900)
	for _, l := range lines {
		name := html.EscapeString(l.Name)
		b.WriteString("<li class=\"student-row\">\n    ")
		b.WriteString(string(l.Folder))
		b.WriteString("\n    <a " + string(l.Dossier) + ">" + name + "</a>\n    <span class=\"small muted\">")
		b.WriteString(html.EscapeString(l.Class))
		if l.Apprentice {
			b.WriteString(" · apprenti")
		}
		b.WriteString("</span>\n")
		if l.Link.Mark() != "" {
			b.WriteString("    <span class=\"badge link-mark " + html.EscapeString(l.Link.Class()) +
				"\"><span class=\"mark-prefix\">Lien tuteur </span>" + html.EscapeString(l.Link.Short()) + "</span>\n")
		}
		// The menu is fetched when first opened; it lends no htmx attribute to its links.
		b.WriteString("    <details class=\"menu\" hx-get=\"" + html.EscapeString(l.MenuURL) +
			"\" hx-trigger=\"toggle once\" hx-target=\"find .menu-items\" hx-swap=\"outerHTML\" hx-disinherit=\"*\">\n" +
			"      <summary aria-label=\"Dossier de " + name + "\">⋮</summary>\n" +
			"      <div class=\"menu-items\"><a " + string(l.Dossier) + ">Tout le dossier</a></div>\n    </details>\n  </li>\n  ")
	}
	return template.HTML(b.String())
}
