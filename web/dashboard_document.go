package web

import (
	"html/template"
	"io/fs"

	"livret/pfmp"
	"livret/print"
	"livret/static"
)

// The tableau de bord as a document of its own, for a student's archive (package archive): the
// page's own template, with the app's stylesheets inlined so it reads offline, and printable.

// dashboardCSS is the stylesheets the page links, inlined.
var dashboardCSS = template.CSS(mustStatic("css/app.css") + "\n" + mustStatic("css/evaluations.css"))

func mustStatic(name string) string {
	b, err := fs.ReadFile(static.FS, name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// dashboardDocument is a student's tableau de bord as a standalone HTML document; its links
// into the site are dropped (the archive is read away from it).
func (s *Server) dashboardDocument(studentID string) (print.Document, error) {
	name := s.store.UserName(studentID)
	data, err := s.dashboardData(studentID, name, "")
	if err != nil {
		return print.Document{}, err
	}
	for _, tracks := range [][]trackView{data.Tracks, data.Unrated} {
		for i := range tracks {
			for j := range tracks[i].Items {
				tracks[i].Items[j].Href = ""
			}
		}
	}
	content, err := s.renderHTML("dashboard/index", data)
	if err != nil {
		return print.Document{}, err
	}
	title := dashboardTitle + " — " + name
	return print.RenderPage(title, s.store.SchoolName(), "Tableau de bord au "+pfmp.FormatDateTime(s.cfg.Now())+".",
		dashboardCSS, content)
}
