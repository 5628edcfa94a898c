// Package web is the Fiber app that renders every page; PocketBase keeps /api/ and /_/.
package web

import (
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/gofiber/template/html/v2"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"livret/archive"
	"livret/dossier"
	"livret/mail"
	"livret/print"
)

// Config is what the pages need to know about their deployment.
type Config struct {
	// SecureCookies sets the cookie Secure flag: the adaptor never sees TLS, so it comes from flags.
	SecureCookies bool
	// Now is the clock (tests inject one).
	Now func() time.Time
	// MaxUpload bounds the body of the upload route (bytes); every other form gets far less
	// (see body_limit.go).
	MaxUpload int
	// TileURL is the map tiles' URL template ({z}/{x}/{y}); empty means OpenStreetMap's.
	TileURL string
	// NoViewCache renders every page afresh (measurements of the cold path, LIVRET_VIEW_CACHE=off).
	NoViewCache bool
	// Printer prints every PDF of the pages: one Chromium for the process, closed by its
	// creator. Nil: PDFs are unavailable and the pages offer their print view instead.
	Printer *print.Service
	// Mailer sends the tutors' links (the tutor window, the lost-link request on the login
	// page); its Config.Relink should be Server.Relink. Nil: no link can be sent.
	Mailer *mail.Mailer
}

// Server holds the Fiber app and what its handlers share.
type Server struct {
	app      core.App
	store    *dossier.Store
	cfg      Config
	fiber    *fiber.App
	views    *html.Engine
	cache    *viewCache
	logins   *loginThrottle
	sessions *sessionCache
	prints   *print.Batches   // the period's pré-conventions, printed in the background
	imports  *importJobs      // students' files between their preview and their end
	archives *archive.Builder // students' archives: their own download, the year-end's
	closings *closeJobs       // the year's closing, in the background

	linkGuesses *loginThrottle // links that opened nothing, by address
	lostLinks   *lostLinkQueue // the login page's requests for a new link
	lastBase    atomic.Value   // the site's address as the last request named it (see linkBase)

	dummyOnce sync.Once
	dummyRec  *core.Record
}

// newServer builds the Fiber app for a PocketBase app; Register mounts it.
func newServer(app core.App, cfg Config) *Server {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.TileURL == "" {
		cfg.TileURL = DefaultTileURL
	}
	if cfg.MaxUpload == 0 {
		cfg.MaxUpload = 25 << 20
	}
	views, err := loadedViews()
	if err != nil {
		panic("web: the embedded templates do not parse: " + err.Error())
	}
	s := &Server{app: app, store: dossier.New(app, cfg.Now), cfg: cfg, logins: newLoginThrottle(cfg.Now),
		views: views, cache: newViewCache(app, !cfg.NoViewCache), prints: newBatches(cfg),
		sessions: newSessionCache(time.Now), // tokens expire in real time
		imports:  newImportJobs(cfg.Now), closings: newCloseJobs(), linkGuesses: newLoginThrottle(cfg.Now)}
	s.lostLinks = newLostLinkQueue(s)
	s.archives = &archive.Builder{Store: s.store, Printer: cfg.Printer, Dashboard: s.dashboardDocument}
	s.fiber = fiber.New(fiber.Config{
		Views:                 s.views,
		ErrorHandler:          s.errorHandler,
		DisableStartupMessage: true,
		ReadBufferSize:        16 << 10,
	})
	s.fiber.Use(s.securityHeaders()) // first: every answer carries them, static files and errors too
	s.routes()
	return s
}

// Register mounts the pages on PocketBase's router for every path it does not own itself.
func Register(app core.App, cfg Config) *Server {
	s := newServer(app, cfg)
	s.bindSessionHooks(app)
	s.bindGrantHooks(app)
	lockUsersAPI(app)
	app.OnServe().Bind(&hook.Handler[*core.ServeEvent]{
		Priority: 999, // late: PocketBase's own routes are bound first and stay more specific
		Func: func(se *core.ServeEvent) error {
			// PocketBase's body limit and CORS are not the pages': limitBody bounds bodies
			// per route with a French 413, and pages are never for other origins.
			se.Router.Any("/{path...}", s.pbHandler()).Bind(apis.SkipSuccessActivityLog()).
				Unbind(apis.DefaultBodyLimitMiddlewareId, apis.DefaultCorsMiddlewareId)
			return se.Next()
		},
	})
	return s
}

// clientIPHeader carries the client's real address from PocketBase to the pages.
const clientIPHeader = "X-Livret-Client-Ip"

// clientIP is the client's address (behind a reverse proxy too, once configured in PocketBase).
func clientIP(c *fiber.Ctx) string {
	if ip := c.Get(clientIPHeader); ip != "" {
		return ip
	}
	return c.IP()
}

// pbHandler answers PocketBase's own 404 for unknown /api/ paths and hands the rest to Fiber.
func (s *Server) pbHandler() func(*core.RequestEvent) error {
	mount := s.mount()
	return func(e *core.RequestEvent) error {
		if p := e.Request.URL.Path; p == "/api" || strings.HasPrefix(p, "/api/") {
			return apis.NewNotFoundError("", nil)
		}
		// The client's address as PocketBase resolves it (its trusted-proxy settings apply);
		// set here, so a client cannot supply it.
		e.Request.Header.Set(clientIPHeader, e.RealIP())
		body := s.limitBody(e.Response, e.Request) // before the adaptor buffers the body
		// The pages set their own framing and sniffing headers (see securityHeaders).
		e.Response.Header().Del("X-Frame-Options")
		e.Response.Header().Del("X-Content-Type-Options")
		mount(e.Response, e.Request)
		if body != nil {
			body.drain(e.Response)
		}
		return nil
	}
}

// mount adapts Fiber to net/http, with the seam's fixes (see DESIGN.md "The seam").
func (s *Server) mount() http.HandlerFunc {
	h := adaptor.FiberApp(s.fiber)
	return func(w http.ResponseWriter, r *http.Request) {
		if r.ContentLength == 0 {
			r.Body = http.NoBody // else the adaptor allocates 32 KiB per GET
		}
		h(w, r)
	}
}
