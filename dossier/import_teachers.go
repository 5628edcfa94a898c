package dossier

import (
	"github.com/pocketbase/pocketbase/core"

	"livret/accounts"
)

// The teachers' import: their accounts are made like the students' (no password opens them
// until their owner chooses one), matched by email then username among every account.

var teachersImport = importKind{action: "import_enseignants",
	plan: func(app core.App, sh *accounts.Sheet) (*accounts.Plan, error) {
		var accts []accounts.Account
		err := app.DB().NewQuery(`SELECT id, role, first_name, last_name, username, email FROM users`).All(&accts)
		return accounts.NewTeacherPlan(sh, accts), err
	},
	create: func(users *core.Collection, e *accounts.Entry, _ string) *core.Record {
		return newAccount(users, accounts.RoleTeacher, e)
	}}

// ApplyTeacherImport imports a teachers' sheet in ONE transaction, as ApplyImport does:
// ImportOutcome.Created lists the teachers to invite.
func (s *Store) ApplyTeacherImport(sh *accounts.Sheet, actorID string, progress func(done, total int)) (*ImportOutcome, error) {
	return s.applyImport(teachersImport, sh, actorID, progress)
}

// PreviewTeacherImport is the plan of a teachers' sheet on the accounts as they are now.
func (s *Store) PreviewTeacherImport(sh *accounts.Sheet) (*accounts.Plan, error) {
	return teachersImport.plan(s.app, sh)
}
