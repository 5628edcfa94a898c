package web

import (
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"livret/pfmp"
	"livret/static"
)

// routes is the app's table of contents: every page and fragment, in one list.
func (s *Server) routes() {
	f := s.fiber
	f.Use("/static", filesystem.New(filesystem.Config{
		Root: http.FS(static.FS), MaxAge: int((24 * time.Hour).Seconds()),
	}))
	f.Use(s.session, s.csrf)

	f.Get("/", s.home)
	f.Get("/connexion", s.loginForm)
	f.Post("/connexion", s.login)
	f.Post("/deconnexion", s.logout)

	f.Get("/periodes", requireLogin, requireSchool, s.periodsIndex)
	f.Get("/periodes/:id/apprenants", requireLogin, requireSchool, s.periodStudents)
	f.Get("/mes-periodes", requireLogin, requireRole(pfmp.RoleStudent), s.studentHome)
	f.Get("/mes-apprenants", requireLogin, requireRole(pfmp.RoleTutor, pfmp.RoleMaster), s.companyHome)
	f.Get("/dossiers/:id", requireLogin, s.dossier)
	f.Get("/dossiers/:id/portfolio", requireLogin, s.portfolioHome)
	f.Get("/dossiers/:id/portfolio/:tab", requireLogin, s.portfolioTabPage)

	f.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
}

// RouteList lists "METHOD /path" of every page and fragment, for the access-matrix test.
func (s *Server) RouteList() []string {
	var out []string
	for _, r := range s.fiber.GetRoutes(true) {
		if r.Method != fiber.MethodHead && r.Method != "USE" && r.Path != "/static" {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}
