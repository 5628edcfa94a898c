package web

import (
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"

	"livret/dossier"
	"livret/pfmp"
)

// A tutor's session knows the links that opened it: its token carries, beside PocketBase's own
// claims, the grants of those links and the fingerprint of their tokens. It opens only those
// dossiers, while each grant stays valid and keeps that token: invalidating a link, or sending
// a new one, ends what it opened at once — and no more: a session opened with another tutor's
// link, or with this tutor's link to another student, goes on. (A tutor given a password by an
// administrator logs in without a link: his session holds all of his account's grants.)

// linksClaim is the session token's claim listing "grant:fingerprint" pairs.
const linksClaim = "livret_links"

// maxSessionLinks bounds the links one browser's session holds (the newest are kept).
const maxSessionLinks = 20

// linkRef is one link a session was opened with.
type linkRef struct{ grant, fingerprint string }

// linkRefsOf reads the links of a session token already verified; ok is false for a session
// opened without a link.
func linkRefsOf(tok string) (refs []linkRef, ok bool) {
	claims, err := security.ParseUnverifiedJWT(tok)
	if err != nil {
		return nil, false
	}
	list, ok := claims[linksClaim].([]any)
	if !ok {
		return nil, false
	}
	for _, v := range list {
		s, _ := v.(string)
		if grant, fp, found := strings.Cut(s, ":"); found {
			refs = append(refs, linkRef{grant, fp})
		}
	}
	return refs, true
}

// sessionGrants are the grants a tutor's session holds, as the policy reads them.
func (s *Server) sessionGrants(tutorID, tok string) ([]pfmp.Grant, error) {
	refs, linked := linkRefsOf(tok)
	var grants []*dossier.Grant
	var err error
	if !linked {
		grants, err = s.store.GrantsOfTutor(tutorID)
	} else {
		ids := make([]string, len(refs))
		for i, r := range refs {
			ids[i] = r.grant
		}
		grants, err = s.store.GrantsByIDs(ids)
	}
	if err != nil {
		return nil, err
	}
	var out []pfmp.Grant
	for _, g := range grants {
		if g.TutorID() == tutorID && (!linked || holds(refs, g)) {
			out = append(out, g.Policy())
		}
	}
	return out, nil
}

// holds reports whether the session's links name the grant with its current token.
func holds(refs []linkRef, g *dossier.Grant) bool {
	for _, r := range refs {
		if r.grant == g.Id && r.fingerprint == g.Fingerprint() {
			return true
		}
	}
	return false
}

// linkSessionOver reports whether a is a tutor whose session was opened by links that have all
// ended (expired, invalidated, replaced by a newer link).
func (s *Server) linkSessionOver(a *pfmp.Actor, tok string) bool {
	if a.Role != pfmp.RoleTutor || len(a.LiveGrants(s.cfg.Now())) > 0 {
		return false
	}
	_, linked := linkRefsOf(tok)
	return linked
}

// endLinkSession ends a session whose links have ended and says why on the access page;
// the link and login pages themselves go on, anonymous.
func (s *Server) endLinkSession(c *fiber.Ctx, a *pfmp.Actor, tok string) error {
	s.clearSession(c)
	refs, _ := linkRefsOf(tok)
	if len(refs) > 0 {
		s.noteAccessEnd(c, s.endReason(a, refs[len(refs)-1].grant), refs[len(refs)-1].grant)
	}
	if p := c.Path(); strings.HasPrefix(p, "/acces/") || strings.HasPrefix(p, "/connexion") {
		return c.Next()
	}
	if isFragment(c) {
		c.Set("HX-Redirect", accessEndedPath)
		return c.SendStatus(fiber.StatusUnauthorized)
	}
	return c.Redirect(accessEndedPath, fiber.StatusSeeOther)
}

// endReason says why a session's grant no longer opens anything.
func (s *Server) endReason(a *pfmp.Actor, grantID string) string {
	for _, g := range a.Grants {
		if g.ID != grantID {
			continue
		}
		if g.Revoked {
			return endRevoked
		}
		return endExpired
	}
	return endReplaced
}

// startLinkSession opens (or widens) a tutor's session with the link of grant g: the links
// of the tutor's current session in this browser, still valid, stay in it.
func (s *Server) startLinkSession(c *fiber.Ctx, rec *core.Record, g *dossier.Grant) error {
	refs := []linkRef{}
	if a := actorOf(c); a != nil && a.ID == rec.Id {
		if held, linked := linkRefsOf(c.Cookies(sessionCookie)); linked {
			for _, r := range held {
				if r.grant != g.Id && a.GrantOn(grantPlacement(a, r.grant), s.cfg.Now()) {
					refs = append(refs, r)
				}
			}
		}
	}
	refs = append(refs, linkRef{g.Id, g.Fingerprint()})
	if len(refs) > maxSessionLinks {
		refs = refs[len(refs)-maxSessionLinks:]
	}
	list := make([]any, len(refs))
	for i, r := range refs {
		list[i] = r.grant + ":" + r.fingerprint
	}
	duration := rec.Collection().AuthToken.DurationTime()
	tok, err := security.NewJWT(map[string]any{
		core.TokenClaimType: core.TokenTypeAuth, core.TokenClaimId: rec.Id,
		core.TokenClaimCollectionId: rec.Collection().Id, core.TokenClaimRefreshable: false,
		linksClaim: list,
	}, rec.TokenKey()+rec.Collection().AuthToken.Secret, duration)
	if err != nil {
		return err
	}
	s.setSessionCookie(c, tok, duration)
	return nil
}

// grantPlacement is the dossier a grant of the actor's session opens, "" when not held.
func grantPlacement(a *pfmp.Actor, grantID string) string {
	for _, g := range a.Grants {
		if g.ID == grantID {
			return g.Placement
		}
	}
	return ""
}

// bindGrantHooks drops the cached sessions of a tutor whenever one of his grants changes, by
// any path (the window, the dashboard, a renewal): the next request reads them again.
func (s *Server) bindGrantHooks(app core.App) {
	drop := func(e *core.RecordEvent) error {
		s.sessions.dropUser(e.Record.GetString("tutor"))
		return e.Next()
	}
	app.OnRecordAfterCreateSuccess("tutor_access").BindFunc(drop)
	app.OnRecordAfterUpdateSuccess("tutor_access").BindFunc(drop)
	app.OnRecordAfterDeleteSuccess("tutor_access").BindFunc(drop)
}
