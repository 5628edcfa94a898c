package web

import (
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

// Saves of the bilan entreprise. With JavaScript each choice goes alone as it is made
// (companyReviewChoice, answered out of band); « Enregistrer » and browsers without it post
// the whole form (companyReviewSave), which also makes the bilan visible to the student.
// Either way a choice someone else changed since the form showed it is refused, with both
// values shown, and nothing else is lost.

// companyReviewChoice saves the choices one htmx request carries (usually one).
func (s *Server) companyReviewChoice(rv *ratedReview) fiber.Handler {
	return func(c *fiber.Ctx) error { return s.companyChoice(c, rv) }
}

func (s *Server) companyChoice(c *fiber.Ctx, rv *ratedReview) error {
	d, cl, err := s.editedCompany(c, rv)
	if err != nil {
		return err
	}
	choices := postedChoices(c, postedKeys(c))
	if cl.lock.Locked && isFragment(c) { // locked since the page was shown: reload it read-only
		c.Set("HX-Refresh", "true")
		return s.choiceFailed(c, choices, pfmp.Conflict(cl.lock.Message))
	}
	res, err := s.store.SaveCompanyChoices(d.Dossier, cl.scope, actorOf(c).ID, choices, false)
	if !isFragment(c) { // a browser without htmx only posts the whole form; be kind anyway
		if err != nil && !isFormError(err) && !isLock(err) {
			return err
		}
		return c.Redirect(reviewURL(d, rv.slug), fiber.StatusSeeOther)
	}
	if err != nil {
		return s.choiceFailed(c, choices, err)
	}
	cl.state = res.State
	refused, err := s.refusalOf(res.Conflicts, nil, nil)
	if err != nil {
		return err
	}
	out := s.companyAnswer(d, cl, refused, conflictKeys(res.Conflicts))
	for _, k := range res.Changed {
		if comp := companyFormOf(cl.scope, cl.state, nil).competenceOfKey(k); comp != nil {
			out.Levels = append(out.Levels, resultView{Level: comp.Result, ID: comp.ID, OOB: true})
		}
	}
	for _, k := range res.Changed {
		out.Saved = append(out.Saved, savedChoice{ID: keyID(k), Key: k, Seen: cl.state.Seen(k)})
	}
	out.At = pfmp.FormatClock(s.cfg.Now())
	state := s.reviewStateOf(cl.state, true)
	out.State = &state
	status := fiber.StatusOK
	if len(res.Conflicts) > 0 {
		status = fiber.StatusConflict
	}
	return s.fragment(c, status, "company/saved", out)
}

// choiceFailed answers a refused htmx save with its message under the control: an invalid
// value (422), or the dated lock (409: a meeting date that the lock would refuse).
func (s *Server) choiceFailed(c *fiber.Ctx, choices []dossier.Choice, err error) error {
	msg, locked := lockRefusal(err)
	status := statusOf(err)
	switch {
	case locked:
		status = fiber.StatusConflict
	case pfmp.KindOf(err) == pfmp.ErrConflict:
		msg = pfmp.Message(err)
	case pfmp.KindOf(err) == pfmp.ErrInvalid:
		msg = pfmp.Message(err)
		for _, m := range pfmp.FieldsOf(err) {
			msg = m
		}
	default:
		return err
	}
	id := ""
	if len(choices) > 0 {
		id = keyID(choices[0].Key)
	}
	return s.fragment(c, status, "company/saved", &companySavedView{Failed: &failedChoice{ID: id, Msg: msg}})
}

// companyReviewSave saves the whole form and makes the bilan visible to the student; refused
// choices come back on the page (409) with both values, invalid ones (422) with their message.
func (s *Server) companyReviewSave(rv *ratedReview) fiber.Handler {
	return func(c *fiber.Ctx) error { return s.companySave(c, rv) }
}

func (s *Server) companySave(c *fiber.Ctx, rv *ratedReview) error {
	d, cl, err := s.editedCompany(c, rv)
	if err != nil {
		return err
	}
	if cl.lock.Locked {
		return pfmp.Conflict(cl.lock.Message)
	}
	choices := postedChoices(c, scopeKeys(cl.scope))
	res, err := s.store.SaveCompanyChoices(d.Dossier, cl.scope, actorOf(c).ID, choices, true)
	if err == nil && len(res.Conflicts) == 0 {
		s.flash(c, rv.saved)
		return c.Redirect(reviewURL(d, rv.slug), fiber.StatusSeeOther)
	}
	if err != nil && !isFormError(err) && !isLock(err) {
		return err
	}
	var refused *refusal
	if err == nil {
		refused, err = s.refusalOf(res.Conflicts, nil, nil)
		if err != nil {
			return err
		}
		err = pfmp.Conflict(refusedMessage(len(res.Conflicts)))
	} else {
		refused = &refusal{errors: pfmp.FieldsOf(err), typed: choiceValues(choices)}
	}
	data, derr := s.companyReviewData(c, rv, d, refused)
	if derr != nil {
		return derr
	}
	if msg, locked := lockRefusal(err); locked {
		err = pfmp.Conflict(msg)
	}
	return s.invalid(c, "reviews/entreprise", rv.title, data, err)
}

// refusedMessage heads a page whose save refused n choices.
func refusedMessage(n int) string {
	if n == 1 {
		return "Un choix n'a pas été enregistré : quelqu'un l'a modifié entre-temps. Les deux valeurs sont " +
			"indiquées ci-dessous ; les autres choix sont enregistrés."
	}
	return strconv.Itoa(n) + " choix n'ont pas été enregistrés : quelqu'un les a modifiés entre-temps. Les deux " +
		"valeurs sont indiquées ci-dessous ; les autres choix sont enregistrés."
}

// refusalOf words the refused choices for the form: who changed them, to what, and what was sent.
func (s *Server) refusalOf(conflicts []dossier.Conflict, errors, typed map[string]string) (*refusal, error) {
	if len(conflicts) == 0 {
		return nil, nil
	}
	names, err := s.referentielNames()
	if err != nil {
		return nil, err
	}
	r := &refusal{conflicts: map[string]*conflictView{}, errors: errors, typed: typed}
	authors := make([]string, len(conflicts))
	for i, cf := range conflicts {
		authors[i] = cf.By
	}
	people := s.store.UserNames(authors...) // one query, not one per refused choice
	for _, cf := range conflicts {
		w := names.describe(dossier.Change{Field: cf.Key, Old: cf.Theirs, New: cf.Mine})
		by := people[cf.By]
		if by == "" {
			by = "un administrateur"
		}
		r.conflicts[cf.Key] = &conflictView{By: by, Theirs: w.Old, Mine: w.New}
	}
	return r, nil
}

func conflictKeys(cs []dossier.Conflict) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Key
	}
	return out
}

func choiceValues(cs []dossier.Choice) map[string]string {
	out := map[string]string{}
	for _, c := range cs {
		out[c.Key] = c.Value
	}
	return out
}

// isLock tells the dated lock's refusal (the hook's 409) from other errors.
func isLock(err error) bool { _, ok := lockRefusal(err); return ok }

// scopeKeys are every choice of a bilan's form, in its order.
func scopeKeys(sc *dossier.CompanyScope) []string {
	var keys []string
	for _, t := range sc.Tasks {
		keys = append(keys, dossier.TaskKey(t.Code))
	}
	for _, comp := range sc.Competences {
		if len(comp.Subs) > 0 {
			keys = append(keys, dossier.ModeKey(comp.Code))
		}
		keys = append(keys, dossier.LevelKey(comp.Code))
		for _, sub := range comp.Subs {
			keys = append(keys, dossier.LevelKey(sub.Code))
		}
	}
	if sc.Certificative {
		return append(keys, dossier.KeyEvaluators, dossier.KeyDate, dossier.KeyComment)
	}
	return append(keys, dossier.KeyEngagement, dossier.KeyDate, dossier.KeyComment)
}

// postedKeys are the choice keys a request carries: every field but the token and versions.
func postedKeys(c *fiber.Ctx) []string {
	var keys []string
	seen := map[string]bool{}
	c.Context().PostArgs().VisitAll(func(k, _ []byte) {
		key := string(k)
		if key != "_csrf" && !strings.HasPrefix(key, "v:") && !seen[key] {
			seen[key] = true
			keys = append(keys, key)
		}
	})
	return keys
}

// postedChoices reads the keys present in the request with the version each was shown at. A
// checkbox comes with a hidden companion (sent unchecked too): a task is ticked when any of its
// values says so, a competence detailed likewise.
func postedChoices(c *fiber.Ctx, keys []string) []dossier.Choice {
	var out []dossier.Choice
	for _, k := range keys {
		values := formList(c, k)
		if len(values) == 0 {
			continue
		}
		v := values[len(values)-1]
		for _, x := range values {
			if x == "1" || x == pfmp.ModeDetailed {
				v = x
			}
		}
		seen, _ := strconv.Atoi(c.FormValue("v:" + k))
		out = append(out, dossier.Choice{Key: k, Value: v, Seen: seen})
	}
	return out
}
