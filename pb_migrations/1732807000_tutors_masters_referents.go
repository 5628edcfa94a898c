package migrations

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Company tutors and apprenticeship masters (issue 9):
//   - users.master links an apprentice to his maître d'apprentissage (set by administrators on
//     the student's record): a master sees his apprentices' dossiers with no expiry, so the
//     hand-made tutor_access rows that gave masters access become that link, then go;
//   - placements.referents are the dossier's professeurs référents (empty: the period's author);
//   - tutor_access.revoked_at says when a link was invalidated.
func init() {
	m.Register(func(app core.App) error {
		users, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		users.Fields.Add(one("master", users.Id, false, false))
		idx(users, "master", false, "`master`", "`master` != ''")
		if err := app.Save(users); err != nil {
			return err
		}
		placements, err := app.FindCollectionByNameOrId("placements")
		if err != nil {
			return err
		}
		placements.Fields.Add(many("referents", users.Id))
		if err := app.Save(placements); err != nil {
			return err
		}
		access, err := app.FindCollectionByNameOrId("tutor_access")
		if err != nil {
			return err
		}
		access.Fields.Add(&core.DateField{Name: "revoked_at"})
		if err := app.Save(access); err != nil {
			return err
		}
		return mastersFromGrants(app)
	}, func(app core.App) error {
		if err := grantsFromMasters(app); err != nil {
			return err
		}
		for col, field := range map[string]string{"tutor_access": "revoked_at", "placements": "referents", "users": "master"} {
			c, err := app.FindCollectionByNameOrId(col)
			if err != nil {
				return err
			}
			c.Fields.RemoveByName(field)
			c.RemoveIndex("idx_" + col + "_" + field)
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	})
}

// mastersFromGrants turns each master's grant into the link on the apprentice's record (the
// first master found when an apprentice had several), then deletes the masters' grants.
func mastersFromGrants(app core.App) error {
	_, err := app.DB().NewQuery(`UPDATE users SET master = (
			SELECT ta.tutor FROM tutor_access ta
			JOIN placements pl ON pl.id = ta.placement JOIN users m ON m.id = ta.tutor
			WHERE pl.student = users.id AND m.role = 'master' ORDER BY ta.created LIMIT 1)
		WHERE master = '' AND id IN (SELECT pl.student FROM tutor_access ta
			JOIN placements pl ON pl.id = ta.placement JOIN users m ON m.id = ta.tutor
			WHERE m.role = 'master')`).Execute()
	if err != nil {
		return err
	}
	_, err = app.DB().Delete("tutor_access",
		dbx.NewExp("tutor IN (SELECT id FROM users WHERE role = 'master')")).Execute()
	return err
}

// grantsFromMasters gives back, on the way down, a grant per apprentice's dossier to his master.
func grantsFromMasters(app core.App) error {
	_, err := app.DB().NewQuery(`INSERT INTO tutor_access (id, placement, tutor, token_hash, expires,
			revoked, sent_at, last_used, uses, revoked_at, created, updated)
		SELECT substr(lower(hex(randomblob(8))), 1, 15), pl.id, u.master, '', strftime('%Y-%m-%d %H:%M:%fZ', 'now', '+180 days'),
			FALSE, '', '', 0, '', strftime('%Y-%m-%d %H:%M:%fZ', 'now'), strftime('%Y-%m-%d %H:%M:%fZ', 'now')
		FROM placements pl JOIN users u ON u.id = pl.student WHERE u.master != ''`).Execute()
	return err
}
