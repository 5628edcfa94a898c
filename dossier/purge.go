package dossier

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"livret/pfmp"
)

// The purge (issue 14): once the school's retention has run out after a student left, his
// personal data is deleted — account, dossiers and everything in them, checkpoints, school
// evaluations, archives, the files of all these, the emails sent about his dossiers, the audit
// rows about them — and with it the company tutors only his dossiers reached. In one
// transaction, after a preview and a confirmation; the purge itself is recorded in audit_log
// without any personal data (when, who, how many, which leaving months).
//
// The dated locks and the checkpoints' rules (package hooks) refuse to delete evaluations; the
// purge passes them on purpose through one explicit path: every delete it makes carries
// PurgeContext, which only Go code can set (not the REST API nor the dashboard), and it deletes
// children before their parents so that no cascade runs without it.

type purgeKey struct{}

// PurgeContext marks the deletes of a purge.
func PurgeContext(ctx context.Context) context.Context {
	return context.WithValue(ctx, purgeKey{}, true)
}

// Purging reports whether ctx is a purge's: the hooks let its deletes through.
func Purging(ctx context.Context) bool {
	if ctx == nil {
		return false
	}
	v, _ := ctx.Value(purgeKey{}).(bool)
	return v
}

const auditPurge = "purge"

// purgeOrder is the collections a purge deletes from, children first, with the words that
// name one record and several in the preview.
var purgeOrder = []struct{ collection, one, many string }{
	{"company_reviews", "bilan entreprise ou grille", "bilans entreprise et grilles"},
	{"attitude_reviews", "bilan des attitudes", "bilans des attitudes"},
	{"self_reviews", "bilan personnel", "bilans personnels"},
	{"comments", "commentaire", "commentaires"},
	{"attachments", "annexe (fichier ou lien)", "annexes (fichiers et liens)"},
	{"interventions", "compte rendu d'activité", "comptes rendus d'activité"},
	{"journal_weeks", "semaine du journal", "semaines du journal"},
	{"tutor_access", "accès de tuteur", "accès de tuteurs"},
	{"placements", "dossier (fiche de liaison, portfolio)", "dossiers (fiches de liaison, portfolios)"},
	{"checkpoints", "bilan intermédiaire", "bilans intermédiaires"},
	{"school_evaluations", "évaluation en établissement", "évaluations en établissement"},
	{"archives", "archive de fin d'année", "archives de fin d'année"},
}

// PurgeStudent is a student whose data is due for the purge.
type PurgeStudent struct {
	ID        string         `db:"id"`
	FirstName string         `db:"first_name"`
	LastName  string         `db:"last_name"`
	LeftAt    types.DateTime `db:"left_at"`
	PurgeDate time.Time      `db:"-"`
}

// Name is "Prénom NOM".
func (p PurgeStudent) Name() string {
	return pfmp.FullName(p.FirstName, p.LastName)
}

// PurgeCount is how many records of one collection a purge deletes.
type PurgeCount struct {
	Collection, Label string // Label names N records: "1 commentaire", "2 commentaires"
	N                 int
}

// PurgePlan is what a purge deletes: the students, the tutors only they reached, the records
// by kind, the files, the emails and audit rows.
type PurgePlan struct {
	Students []PurgeStudent
	Tutors   []string // names of the tutors' and masters' accounts deleted with them
	Counts   []PurgeCount
	Files    int
	Mails    int
	Audit    int
	Logs     int       // rows of PocketBase's logs naming them (purge_logs.go)
	Next     time.Time // the earliest purge date of a leaver not due yet, zero when none

	tutorIDs []string
	records  map[string][]string // collection → ids
	mailIDs  []string            // the mail_log rows deleted (their outbox files go too)
}

// Empty reports whether there is nothing to purge.
func (p *PurgePlan) Empty() bool { return len(p.Students) == 0 }

// PurgePreview lists what a purge would delete now.
func (s *Store) PurgePreview() (*PurgePlan, error) { return purgePlan(s.app, s.now(), nil) }

// PurgeSchedule is what the year's page says of the purge: how many students are due, and the
// next purge date of the others (zero when none), without collecting their records.
func (s *Store) PurgeSchedule() (due int, next time.Time, err error) {
	p, err := dueStudents(s.app, s.now(), nil)
	if err != nil {
		return 0, time.Time{}, err
	}
	return len(p.Students), p.Next, nil
}

// purgePlan finds the students due (among only, when given) and everything of theirs.
func purgePlan(app core.App, now time.Time, only []string) (*PurgePlan, error) {
	p, err := dueStudents(app, now, only)
	if err != nil || p.Empty() {
		return p, err
	}
	return p, p.collect(app)
}

// dueStudents is a plan holding only the students due (among only, when given) and the next
// purge date of the others.
func dueStudents(app core.App, now time.Time, only []string) (*PurgePlan, error) {
	ret, err := retentionOf(app)
	if err != nil {
		return nil, err
	}
	var left []PurgeStudent
	err = app.DB().NewQuery(`SELECT id, first_name, last_name, left_at FROM users
		WHERE role = 'student' AND left_at != '' ORDER BY left_at, last_name, first_name`).All(&left)
	if err != nil {
		return nil, err
	}
	p := &PurgePlan{records: map[string][]string{}}
	for _, st := range left {
		at := st.LeftAt.Time()
		st.PurgeDate = pfmp.PurgeDate(at, ret.Months)
		if !pfmp.PurgeDue(at, ret.Months, now) {
			if p.Next.IsZero() || st.PurgeDate.Before(p.Next) {
				p.Next = st.PurgeDate
			}
			continue
		}
		if only == nil || slices.Contains(only, st.ID) {
			p.Students = append(p.Students, st)
		}
	}
	return p, nil
}

// ids are the purged students' ids.
func (p *PurgePlan) ids() []string {
	out := make([]string, len(p.Students))
	for i, st := range p.Students {
		out[i] = st.ID
	}
	return out
}

// collect finds every record of the students, and the tutors only they reach.
func (p *PurgePlan) collect(app core.App) error {
	students := p.ids()
	placements, err := idsWhere(app, "placements", "student", students)
	if err != nil {
		return err
	}
	for _, c := range purgeOrder {
		var ids []string
		switch c.collection {
		case "placements":
			ids = placements
		case "checkpoints", "school_evaluations", "archives":
			ids, err = idsWhere(app, c.collection, "student", students)
		default:
			ids, err = idsWhere(app, c.collection, "placement", placements)
		}
		if err != nil {
			return err
		}
		p.records[c.collection] = ids
		label := c.many
		if len(ids) < 2 {
			label = c.one
		}
		p.Counts = append(p.Counts, PurgeCount{Collection: c.collection, Label: label, N: len(ids)})
	}
	if err := p.findTutors(app, students, placements); err != nil {
		return err
	}
	if p.Files, err = countWhere(app, `SELECT COUNT(*) FROM attachments WHERE file != '' AND id IN (`+idList(p.records["attachments"])+`)
		`, nil); err != nil {
		return err
	}
	p.Files += len(p.records["archives"])
	if err := app.DB().NewQuery(`SELECT id FROM mail_log WHERE ` + p.mailWhere()).Column(&p.mailIDs); err != nil {
		return err
	}
	p.Mails = len(p.mailIDs)
	if p.Audit, err = countWhere(app, `SELECT COUNT(*) FROM audit_log WHERE `+p.auditWhere(), nil); err != nil {
		return err
	}
	p.Logs, err = countLogs(app, p.users())
	return err
}

// findTutors keeps the tutors whose every access is to a purged dossier, and the masters whose
// every apprentice is purged (and who have no access elsewhere).
func (p *PurgePlan) findTutors(app core.App, students, placements []string) error {
	var rows []struct {
		ID    string `db:"id"`
		First string `db:"first_name"`
		Last  string `db:"last_name"`
	}
	err := app.DB().NewQuery(`SELECT u.id, u.first_name, u.last_name FROM users u
		WHERE u.role IN ('tutor', 'master')
		AND (EXISTS (SELECT 1 FROM tutor_access t WHERE t.tutor = u.id AND t.placement IN (` + idList(placements) + `))
			OR EXISTS (SELECT 1 FROM users a WHERE a.master = u.id AND a.id IN (` + idList(students) + `)))
		AND NOT EXISTS (SELECT 1 FROM tutor_access t WHERE t.tutor = u.id AND t.placement NOT IN (` + idList(placements) + `))
		AND NOT EXISTS (SELECT 1 FROM users a WHERE a.master = u.id AND a.id NOT IN (` + idList(students) + `))
		ORDER BY u.last_name, u.first_name`).All(&rows)
	for _, r := range rows {
		p.tutorIDs = append(p.tutorIDs, r.ID)
		p.Tutors = append(p.Tutors, userName(r.First, r.Last))
	}
	return err
}

// users are every account the purge deletes.
func (p *PurgePlan) users() []string { return append(p.ids(), p.tutorIDs...) }

// mailWhere selects the emails about a purged dossier or sent to a purged account.
func (p *PurgePlan) mailWhere() string {
	return `placement IN (` + idList(p.records["placements"]) + `) OR (` + "`to`" + ` != '' AND ` + "`to`" +
		` IN (SELECT email FROM users WHERE email != '' AND id IN (` + idList(p.users()) + `)))`
}

// auditWhere selects the audit rows about a purged record or made by a purged account.
func (p *PurgePlan) auditWhere() string {
	all := p.users()
	for _, ids := range p.records {
		all = append(all, ids...)
	}
	return `record IN (` + idList(all) + `) OR actor IN (` + idList(p.users()) + `)`
}

// PurgeOutcome is what a purge did.
type PurgeOutcome struct {
	Students, Tutors, Records, Files, Logs int
}

// Purge deletes, in one transaction, the data of the students named (those of the preview
// the administrator confirmed) whose retention has run out now, overwriting it on disk
// (purge_disk.go), then their files, their emails' outbox files and the rows of PocketBase's
// logs naming them; it records the purge. Students named but not due (any more) are left alone.
func (s *Store) Purge(actorID string, ids []string) (*PurgeOutcome, error) {
	if len(ids) == 0 {
		return nil, pfmp.Invalid("Aucun élève à purger : rien n'a été supprimé.", nil)
	}
	var plan *PurgePlan
	var files []string
	out := &PurgeOutcome{}
	err := s.app.RunInTransaction(func(tx core.App) error {
		var err error
		if plan, err = purgePlan(tx, s.now(), ids); err != nil {
			return err
		}
		if plan.Empty() {
			return pfmp.Conflict("Aucun des élèves confirmés n'est à purger (ou plus) : rien n'a été supprimé.")
		}
		if files, err = plan.delete(tx, out); err != nil {
			return err
		}
		return plan.record(tx, actorID, out)
	})
	if err != nil {
		return nil, err
	}
	s.deleteFiles(files)
	if out.Logs, err = deleteLogs(s.app, plan.users()); err != nil {
		s.app.Logger().Error("purge: the logs could not be cleaned", "error", err)
	}
	s.wipeAfterPurge(plan.mailIDs)
	return out, nil
}

// delete deletes the plan's records, children first, then the accounts; it returns the storage
// folders of the records that held files.
func (p *PurgePlan) delete(tx core.App, out *PurgeOutcome) ([]string, error) {
	// The rows first: deleting a dossier would clear their link to it.
	if err := p.deleteRows(tx); err != nil {
		return nil, err
	}
	if err := scrubAudit(tx, p.users()); err != nil {
		return nil, err
	}
	ctx := PurgeContext(context.Background())
	var files []string
	for _, c := range purgeOrder {
		for _, id := range p.records[c.collection] {
			rec, err := tx.FindRecordById(c.collection, id)
			if err != nil {
				continue // gone with a cascade already
			}
			if c.collection == "archives" || rec.GetString("file") != "" && c.collection == "attachments" {
				files = append(files, rec.BaseFilesPath())
				out.Files++
			}
			if err := tx.DeleteWithContext(ctx, rec); err != nil {
				return nil, err
			}
			out.Records++
		}
	}
	for _, id := range p.users() {
		rec, err := tx.FindRecordById("users", id)
		if err != nil {
			continue
		}
		if err := tx.DeleteWithContext(ctx, rec); err != nil {
			return nil, err
		}
	}
	out.Students, out.Tutors = len(p.Students), len(p.tutorIDs)
	return files, nil
}

// deleteRows deletes the emails and the audit rows of the plan (no hooks, no files: rows only).
func (p *PurgePlan) deleteRows(tx core.App) error {
	if _, err := tx.DB().NewQuery(`DELETE FROM mail_log WHERE ` + p.mailWhere()).Execute(); err != nil {
		return err
	}
	_, err := tx.DB().NewQuery(`DELETE FROM audit_log WHERE ` + p.auditWhere()).Execute()
	return err
}

// scrubAudit takes the purged ids out of the audit rows that name them among others (a class's
// password resets list its students): the row stays, without them.
func scrubAudit(tx core.App, ids []string) error {
	for _, id := range ids {
		var rows []struct {
			ID     string `db:"id"`
			Detail string `db:"detail"`
		}
		err := tx.DB().NewQuery(`SELECT id, detail FROM audit_log WHERE detail LIKE {:like}`).
			Bind(dbx.Params{"like": "%" + id + "%"}).All(&rows)
		if err != nil {
			return err
		}
		for _, r := range rows {
			detail, err := json.Marshal(withoutID(jsonValue(r.Detail), id))
			if err != nil {
				return err
			}
			_, err = tx.DB().NewQuery(`UPDATE audit_log SET detail = {:d} WHERE id = {:id}`).
				Bind(dbx.Params{"d": string(detail), "id": r.ID}).Execute()
			if err != nil {
				return err
			}
		}
	}
	return nil
}

func jsonValue(s string) any {
	var v any
	_ = json.Unmarshal([]byte(s), &v)
	return v
}

// withoutID is a JSON value with every string equal to id (or holding it) removed.
func withoutID(v any, id string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if s, ok := e.(string); ok && strings.Contains(s, id) {
				delete(x, k)
			} else {
				x[k] = withoutID(e, id)
			}
		}
	case []any:
		out := x[:0]
		for _, e := range x {
			if s, ok := e.(string); !ok || !strings.Contains(s, id) {
				out = append(out, withoutID(e, id))
			}
		}
		return out
	}
	return v
}

// record writes the purge in audit_log: when (the row's date), who, how many, and the months
// the purged students left in — no name, no id of theirs.
func (p *PurgePlan) record(tx core.App, actorID string, out *PurgeOutcome) error {
	first, last := p.Students[0].LeftAt.Time(), p.Students[len(p.Students)-1].LeftAt.Time()
	return Audit(tx, actorID, auditPurge, "users", "", map[string]any{
		"eleves": out.Students, "tuteurs": out.Tutors, "enregistrements": out.Records, "fichiers": out.Files,
		"departs_du": first.Format("2006-01"), "departs_au": last.Format("2006-01")})
}

// deleteFiles removes the purged records' storage folders now: PocketBase also deletes them
// after the commit, but in the background.
func (s *Store) deleteFiles(dirs []string) {
	if len(dirs) == 0 {
		return
	}
	fsys, err := s.app.NewFilesystem()
	if err != nil {
		s.app.Logger().Error("purge: storage", "error", err)
		return
	}
	defer fsys.Close()
	for _, dir := range dirs {
		for _, err := range fsys.DeletePrefix(strings.TrimRight(dir, "/") + "/") {
			s.app.Logger().Error("purge: a file could not be deleted", "folder", dir, "error", err)
		}
	}
}

// PurgeRecord is a past purge, as the page lists it.
type PurgeRecord struct {
	At                               time.Time
	Actor                            string
	Students, Tutors, Records, Files int
	From, To                         string // the months the purged students left in, "2026-07"
}

// Purges lists the past purges, the latest first.
func (s *Store) Purges() ([]PurgeRecord, error) {
	var rows []struct {
		Created types.DateTime `db:"created"`
		Detail  string         `db:"detail"`
		First   string         `db:"first_name"`
		Last    string         `db:"last_name"`
	}
	err := s.app.DB().NewQuery(`SELECT a.created, a.detail, COALESCE(u.first_name, '') AS first_name,
		COALESCE(u.last_name, '') AS last_name FROM audit_log a LEFT JOIN users u ON u.id = a.actor
		WHERE a.action = {:a} ORDER BY a.created DESC LIMIT 100`).Bind(dbx.Params{"a": auditPurge}).All(&rows)
	out := make([]PurgeRecord, len(rows))
	for i, r := range rows {
		var d struct {
			Students int    `json:"eleves"`
			Tutors   int    `json:"tuteurs"`
			Records  int    `json:"enregistrements"`
			Files    int    `json:"fichiers"`
			From     string `json:"departs_du"`
			To       string `json:"departs_au"`
		}
		_ = json.Unmarshal([]byte(r.Detail), &d)
		out[i] = PurgeRecord{At: r.Created.Time(), Actor: userName(r.First, r.Last), Students: d.Students, Tutors: d.Tutors,
			Records: d.Records, Files: d.Files, From: d.From, To: d.To}
	}
	return out, err
}

// idsWhere lists the ids of a collection's records whose field is one of values.
func idsWhere(app core.App, collection, field string, values []string) ([]string, error) {
	var ids []string
	if len(values) == 0 {
		return ids, nil
	}
	err := app.DB().NewQuery(`SELECT id FROM ` + collection + ` WHERE ` + field + ` IN (` + idList(values) + `)`).Column(&ids)
	return ids, err
}

func countWhere(app core.App, query string, params dbx.Params) (int, error) {
	var n int
	err := app.DB().NewQuery(query).Bind(params).Row(&n)
	return n, err
}

// idList is ids as an SQL list of quoted values. Ids are PocketBase's own (15 characters of
// [a-z0-9]), read from the database: anything else is dropped, so nothing can be injected.
func idList(ids []string) string {
	var b strings.Builder
	b.WriteString("''")
	for _, id := range ids {
		if !plainID(id) {
			continue
		}
		b.WriteString(",'" + id + "'")
	}
	return b.String()
}

func plainID(id string) bool {
	if id == "" {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}
