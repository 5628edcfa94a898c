package web_test

import (
	"bytes"
	"html"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// hostileValues is the standard hostile set every form field and every id in a path gets.
var hostileValues = []string{
	"", " ", strings.Repeat("é", 10000), strings.Repeat("x", 10001),
	"-1", "-99999999999999999999", "99999999999999999999", "1e308", "NaN", "0x1F", "3,5",
	"0001-01-01", "9999-12-31", "31/02/2026", "2026-13-45",
	"zzzzzzzzzzzzzzz", "classe:zzzzzzzzzzzzzzz", "eleve:", "\x00", "a\x00b", "\r\n",
	"𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀 \u202e\ufeff", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "%00",
}

// hostilePathValues replace the ids of a route's path.
var hostilePathValues = []string{"zzzzzzzzzzzzzzz", "-1", "99999999999999999999", "\x00", strings.Repeat("x", 2000),
	"é😀", "..", " ", "' OR 1=1 --"}

// hostileForm is one form of one route: the page that shows it, as whom.
type hostileForm struct {
	route  string // "METHOD /pattern", as web.RouteList names it
	who    string // the username posting; "" is anonymous
	page   string // the page holding the form ({placeholders} filled in)
	action string // the form's action
	fields url.Values
}

// hostileForms covers every POST route (TestNoFormAnswers500ToHostileValues fails on a route
// without a row). Rows run in order: the deletions come after the forms of what they delete.
var hostileForms = []hostileForm{
	{route: "POST /connexion", page: "/connexion", action: "/connexion"},
	{route: "POST /deconnexion", action: "/deconnexion", fields: url.Values{"suite": {"/"}}},
	{route: "POST /periodes/:id/modifier/:tab", who: "prof.martin", page: "/periodes/{period}/modifier?onglet=informations", action: "/periodes/{period}/modifier/informations"},
	{route: "POST /periodes/:id/modifier/:tab", who: "prof.martin", page: "/periodes/{period}/modifier?onglet=apprenants", action: "/periodes/{period}/modifier/apprenants"},
	{route: "POST /periodes/:id/modifier/:tab", who: "prof.martin", page: "/periodes/{period}/modifier?onglet=objectifs", action: "/periodes/{period}/modifier/objectifs"},
	{route: "POST /periodes/:id/modifier/:tab", who: "prof.martin", page: "/periodes/{period}/modifier?onglet=activites", action: "/periodes/{period}/modifier/activites"},
	{route: "POST /periodes/:id/apprenants/:pid/retirer", who: "prof.martin", page: "/periodes/{period}/apprenants/{member}/retirer", action: "/periodes/{period}/apprenants/{member}/retirer"},
	{route: "POST /periodes/:id/supprimer", who: "prof.martin", page: "/periodes/{doomed}/supprimer", action: "/periodes/{doomed}/supprimer"},
	{route: "POST /bilans-intermediaires", who: "prof.martin", page: "/bilans-intermediaires", action: "/bilans-intermediaires"},
	{route: "POST /bilans-intermediaires/:id/modifier", who: "prof.martin", page: "/bilans-intermediaires/{checkpoint}/modifier", action: "/bilans-intermediaires/{checkpoint}/modifier"},
	{route: "POST /bilans-intermediaires/:id/supprimer", who: "prof.martin", page: "/bilans-intermediaires", action: "/bilans-intermediaires/{checkpoint}/supprimer"},
	{route: "POST /annexes", who: "prof.martin", page: "/annexes/nouvelle", action: "/annexes"},
	{route: "POST /annexes/:id", who: "prof.martin", page: "/annexes/{annexe}", action: "/annexes/{annexe}"},
	{route: "POST /annexes/:id/periode", who: "prof.martin", page: "/annexes/{annexe}/periode", action: "/annexes/{annexe}/periode"},
	{route: "POST /annexes/:id/dupliquer", who: "prof.martin", page: "/annexes", action: "/annexes/{annexe}/dupliquer"},
	{route: "POST /annexes/:id/supprimer", who: "prof.martin", page: "/annexes/{annexe2}/supprimer", action: "/annexes/{annexe2}/supprimer"},
	{route: "POST /dossiers/:id/liaison/entreprise", who: "prof.martin", page: "/dossiers/{p}/liaison", action: "/dossiers/{p}/liaison/entreprise"},
	{route: "POST /dossiers/:id/liaison/objectifs", who: "prof.martin", page: "/dossiers/{p}/liaison?onglet=objectifs", action: "/dossiers/{p}/liaison/objectifs"},
	{route: "POST /dossiers/:id/liaison/reinitialiser", who: "prof.martin", page: "/dossiers/{p}/liaison?onglet=objectifs", action: "/dossiers/{p}/liaison/reinitialiser"},
	{route: "POST /dossiers/:id/portfolio/commentaires", who: "prof.martin", page: "/dossiers/{p}/portfolio/commentaires", action: "/dossiers/{p}/portfolio/commentaires"},
	{route: "POST /dossiers/:id/portfolio/entreprise", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/entreprise", action: "/dossiers/{p}/portfolio/entreprise"},
	{route: "POST /dossiers/:id/portfolio/carte", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/carte", action: "/dossiers/{p}/portfolio/carte"},
	{route: "POST /dossiers/:id/portfolio/organigramme", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/organigramme", action: "/dossiers/{p}/portfolio/organigramme"},
	{route: "POST /dossiers/:id/portfolio/semaines/:n", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/semaines?semaine=2", action: "/dossiers/{p}/portfolio/semaines/{week}"},
	{route: "POST /dossiers/:id/portfolio/activites", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/activites/nouvelle", action: "/dossiers/{p}/portfolio/activites"},
	{route: "POST /dossiers/:id/portfolio/activites/:rid", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/activites/{report}", action: "/dossiers/{p}/portfolio/activites/{report}"},
	{route: "POST /dossiers/:id/portfolio/activites/:rid/selection", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/activites", action: "/dossiers/{p}/portfolio/activites/{report}/selection"},
	{route: "POST /dossiers/:id/portfolio/activites/:rid/supprimer", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/activites/{report}", action: "/dossiers/{p}/portfolio/activites/{report}/supprimer"},
	{route: "POST /dossiers/:id/portfolio/annexes/lien", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/annexes", action: "/dossiers/{p}/portfolio/annexes/lien"},
	{route: "POST /dossiers/:id/portfolio/annexes", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/annexes", action: "/dossiers/{p}/portfolio/annexes"},
	{route: "POST /dossiers/:id/portfolio/annexes/:aid/supprimer", who: "lucas.lambert", page: "/dossiers/{p}/portfolio/annexes", action: "/dossiers/{p}/portfolio/annexes/{attachment}/supprimer"},
	{route: "POST /dossiers/:id/preconvention", who: "prof.martin", page: "/dossiers/{p}/preconvention", action: "/dossiers/{p}/preconvention"},
	{route: "POST /dossiers/:id/preconvention/reinitialiser", who: "prof.martin", action: "/dossiers/{p}/preconvention/reinitialiser", fields: url.Values{}},
	{route: "POST /dossiers/:id/attestation", who: "lucas.lambert", page: "/dossiers/{p}/attestation", action: "/dossiers/{p}/attestation"},
	{route: "POST /periodes/:id/preconvention", who: "prof.martin", page: "/periodes/{period}/preconvention", action: "/periodes/{period}/preconvention"},
	{route: "POST /periodes/:id/preconvention/impression", who: "prof.martin", page: "/periodes/{period}/preconvention", action: "/periodes/{period}/preconvention/impression"},
	// Evaluations ({p2}: a dossier with a bilan entreprise; {p}, on E31, has a certification grid).
	{route: "POST /dossiers/:id/bilan-personnel", who: "lucas.lambert", page: "/dossiers/{p}/bilan-personnel", action: "/dossiers/{p}/bilan-personnel"},
	{route: "POST /dossiers/:id/attitudes", who: "prof.martin", page: "/dossiers/{p}/attitudes", action: "/dossiers/{p}/attitudes"},
	{route: "POST /dossiers/:id/bilan-entreprise", who: "prof.martin", page: "/dossiers/{p2}/bilan-entreprise", action: "/dossiers/{p2}/bilan-entreprise"},
	{route: "POST /dossiers/:id/bilan-entreprise/choix", who: "prof.martin", action: "/dossiers/{p2}/bilan-entreprise/choix",
		fields: url.Values{"niveau:C1.6": {"3"}, "v:niveau:C1.6": {"0"}}},
	{route: "POST /dossiers/:id/grille-certificative", who: "prof.martin", page: "/dossiers/{p}/grille-certificative", action: "/dossiers/{p}/grille-certificative"},
	{route: "POST /dossiers/:id/grille-certificative/choix", who: "prof.martin", action: "/dossiers/{p}/grille-certificative/choix",
		fields: url.Values{"evaluateurs": {"C. Martin"}, "v:evaluateurs": {"0"}}},
	{route: "POST /bilans-intermediaires/:id/ajuster", who: "prof.martin", page: "/bilans-intermediaires/{checkpoint2}", action: "/bilans-intermediaires/{checkpoint2}/ajuster"},
	{route: "POST /evaluations-etablissement", who: "prof.martin", page: "/evaluations-etablissement", action: "/evaluations-etablissement"},
	{route: "POST /evaluations-etablissement/:id/supprimer", who: "prof.martin", page: "/evaluations-etablissement", action: "/evaluations-etablissement/{schooleval}/supprimer"},
	{route: "POST /mot-de-passe", who: "prof.martin", page: "/mot-de-passe", action: "/mot-de-passe"},
	{route: "POST /comptes/classes/:id/fiches", who: "prof.martin", page: "/comptes/classes/{slipclass}", action: "/comptes/classes/{slipclass}/fiches"},
	{route: "POST /comptes/eleves/:id/reinitialiser", who: "prof.martin", page: "/comptes/classes/{slipclass}", action: "/comptes/eleves/{pending}/reinitialiser"},
	{route: "POST /comptes/import", who: "prof.martin", page: "/comptes/import", action: "/comptes/import"},
	{route: "POST /comptes/import/:id", who: "prof.martin", page: "/comptes/import/{import}", action: "/comptes/import/{import}"},
	{route: "POST /connexion/lien", page: "/connexion", action: "/connexion/lien"},
	{route: "POST /annee/conservation", who: "prof.martin", page: "/annee", action: "/annee/conservation"},
	{route: "POST /annee/cloture", who: "prof.martin", page: "/annee/cloture", action: "/annee/cloture"},
	{route: "POST /annee/purge", who: "prof.martin", action: "/annee/purge", fields: url.Values{"eleve": {"x"}, "confirmer": {"oui"}}},
	{route: "POST /periodes/:id/tuteurs/:pid/envoyer", who: "prof.martin", page: "/periodes/{e31}/tuteurs?apprenant={scolaire}", action: "/periodes/{e31}/tuteurs/{scolaire}/envoyer"},
	{route: "POST /periodes/:id/tuteurs/:pid/invalider", who: "prof.martin", action: "/periodes/{e31}/tuteurs/{scolaire}/invalider", fields: url.Values{}},
	{route: "POST /periodes/:id/apprenants/:pid/referents", who: "prof.martin", page: "/periodes/{e31}/modifier?onglet=apprenants", action: "/periodes/{e31}/apprenants/{scolaire}/referents"},
	{route: "POST /comptes/enseignants/fiches", who: "prof.martin", page: "/comptes/enseignants", action: "/comptes/enseignants/fiches"},
	{route: "POST /comptes/enseignants/:id/inviter", who: "prof.martin", action: "/comptes/enseignants/{pendingteacher}/inviter", fields: url.Values{}},
	{route: "POST /comptes/enseignants/import", who: "prof.martin", page: "/comptes/enseignants/import", action: "/comptes/enseignants/import"},
	{route: "POST /comptes/enseignants/import/:id", who: "prof.martin", page: "/comptes/enseignants/import/{timport}", action: "/comptes/enseignants/import/{timport}"},
	{route: "POST /invitation", who: invited, page: "/invitation", action: "/invitation"},
}

// invited is the visitor who opened a teacher's invitation link (see mustInvitedVisitor).
const invited = "invité"

// TestNoFormAnswers500ToHostileValues posts every field of every form (as the page renders
// it, the other fields valid) with each value of the hostile set, then every id of its path:
// a refusal is fine, a 500 is not. The rows run in eight parallel groups, each on its own
// school; a resource's rows stay together, in order (its deletions after its forms). Small
// groups: the suite's last seconds were one big group running alone.
func TestNoFormAnswers500ToHostileValues(t *testing.T) {
	t.Parallel()
	for g, rows := range hostileGroups(8) {
		t.Run("groupe "+strconv.Itoa(g+1), func(t *testing.T) {
			t.Parallel()
			postHostileValues(t, rows)
		})
	}
	a := apptest.MustStart(t)
	covered := map[string]bool{}
	for _, row := range hostileForms {
		covered[row.route] = true
	}
	for _, r := range a.Web.RouteList() {
		if strings.HasPrefix(r, "POST ") {
			require.True(t, covered[r], "POST route %s has no row in hostileForms", r)
		}
	}
}

// hostileGroups deals the rows into n groups by resource (the route's first segments after
// the method, « /dossiers/:id/liaison »), in the order of the table.
func hostileGroups(n int) [][]hostileForm {
	groups := make([][]hostileForm, n)
	bin := map[string]int{}
	for _, row := range hostileForms {
		parts := strings.SplitN(row.route, "/", 5)
		key := strings.Join(parts[:min(len(parts), 4)], "/")
		g, ok := bin[key]
		if !ok {
			g = len(bin) % n
			bin[key] = g
		}
		groups[g] = append(groups[g], row)
	}
	return groups
}

// postHostileValues runs rows, in order, on a new demo school.
func postHostileValues(t *testing.T, rows []hostileForm) {
	a := apptest.MustStartDemo(t)
	fill := hostileFixtures(t, a)
	clients := map[string]*apptest.Client{"": a.NewClient(t)}
	for _, row := range rows {
		if _, ok := clients[row.who]; !ok && row.who != invited {
			clients[row.who] = a.MustLogin(t, row.who, demo.Password)
		}
	}
	for _, row := range rows {
		if row.who == invited && clients[invited] == nil {
			clients[invited] = mustInvitedVisitor(t, a) // invited late: the teachers' slips printed above end invitations
		}
		t.Run(row.route+" "+row.action, func(t *testing.T) {
			c := clients[row.who].For(t)
			action := fill.Replace(row.action)
			forms := []formFields{{fields: row.fields}}
			if row.page != "" {
				forms = sampleOfForms(formsOf(t, c.Get(fill.Replace(row.page)).Body, action))
			}
			for _, form := range forms {
				for _, name := range sampleOfFamilies(form.names()) {
					for _, v := range hostileValues {
						r := form.post(c, action, name, v)
						require.Less(t, r.Status, 500, "%s = %q: %s", name, v, alertOf(r.Body))
					}
				}
			}
			for placeholder, id := range placeholdersOf(row.action, fill) {
				for _, v := range hostilePathValues {
					path := strings.Replace(action, id, url.PathEscape(v), 1)
					r := forms[0].post(c, path, "", "")
					require.Less(t, r.Status, 500, "%s = %q: %s", placeholder, v, alertOf(r.Body))
				}
			}
		})
	}
}

// hostileFixtures makes what the rows act on, and returns the filler of their placeholders.
func hostileFixtures(t *testing.T, a *apptest.App) *strings.Replacer {
	teacher := a.MustLogin(t, "prof.martin", demo.Password)
	annexe := a.MustFind(t, "annexes", "level", "1re")
	for _, name := range []string{"Période à modifier", "Période à supprimer"} {
		r := teacher.PostForm("/annexes/"+annexe.Id+"/periode", url.Values{"name": {name}, "kind": {"P2"},
			"start": {"2026-05-04"}, "end": {"2026-05-29"}})
		require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	}
	period := a.MustFind(t, "periods", "name", "Période à modifier")
	member := a.MustRecord(t, "placements", map[string]any{"period": period.Id,
		"student": a.MustFind(t, "users", "username", "manon.girard").Id})
	p := a.MustPlacement(t, demoE31, "lucas.lambert")
	lucas := a.MustFind(t, "users", "username", "lucas.lambert")
	student := a.MustLogin(t, "lucas.lambert", demo.Password)
	for _, name := range []string{"Direction", "Maintenance"} { // so the chart shows every form
		r := student.PostForm(portfolioPath(p, "organigramme"), url.Values{"op": {"add"}, "add_name": {name}})
		require.Equal(t, http.StatusSeeOther, r.Status, alertOf(r.Body))
	}
	autre := a.MustRecord(t, "periods", map[string]any{"name": "Période autre", "level": "1re", "kind": "autre",
		"start": "2026-05-04", "end": "2026-05-29", "tasks": []string{a.MustFind(t, "tasks", "code", "A1T6").Id}})
	slipClass := a.MustRecord(t, "classes", map[string]any{"name": "Tle Hostile", "level": "Tle"})
	pending := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "eleve.hostile", "first_name": "Zoé",
		"last_name": "Hostile", "class": slipClass.Id, "must_change_password": true, "password": "provisoire-1"})
	importPage := mustPreviewImport(t, teacher, "eleves.csv", studentsCSV("Hostile;Noé;Tle Hostile;01/09/2008;"))
	pendingTeacher := a.MustRecord(t, "users", map[string]any{"role": "teacher", "username": "prof.hostile", "first_name": "Zoé",
		"last_name": "Hostile", "email": "prof.hostile@lycee.example", "must_change_password": true, "password": "provisoire-1"})
	teachersPage := mustPreviewAt(t, teacher, teachersImportURL, "enseignants.csv", teachersCSV("Hostile;Noé;noe.hostile@lycee.example;"))
	return strings.NewReplacer(
		"{p2}", a.MustRecord(t, "placements", map[string]any{"period": autre.Id, "student": lucas.Id}).Id,
		"{checkpoint2}", a.MustRecord(t, "checkpoints", map[string]any{"student": lucas.Id, "date": "2020-02-01"}).Id,
		"{schooleval}", a.MustRecord(t, "school_evaluations", map[string]any{"student": lucas.Id, "level": "2",
			"date": "2026-03-02", "competence": a.MustFind(t, "competences", "code", "C2.1").Id}).Id,
		"{slipclass}", slipClass.Id, "{pending}", pending.Id, "{import}", strings.TrimPrefix(importPage, "/comptes/import/"),
		"{pendingteacher}", pendingTeacher.Id, "{timport}", strings.TrimPrefix(teachersPage, teachersImportURL+"/"),
		"{p}", p.Id, "{period}", period.Id, "{member}", member.Id, "{week}", "2",
		"{e31}", p.GetString("period"), "{scolaire}", a.MustPlacement(t, demoE31, "sarah.bonnet").Id,
		"{doomed}", a.MustFind(t, "periods", "name", "Période à supprimer").Id,
		"{checkpoint}", a.MustRecord(t, "checkpoints", map[string]any{"student": lucas.Id, "date": "2020-01-01"}).Id,
		"{annexe}", annexe.Id,
		"{annexe2}", a.MustRecord(t, "annexes", map[string]any{"name": "À supprimer", "level": "2de"}).Id,
		"{report}", mustReport(t, a, p, "Rapport à malmener").Id,
		"{attachment}", a.MustRecord(t, "attachments", map[string]any{"placement": p.Id, "title": "Lien",
			"kind": "link", "url": "https://www.inrs.fr/"}).Id)
}

// placeholdersOf maps each placeholder of an action to the id it was filled with.
func placeholdersOf(action string, fill *strings.Replacer) map[string]string {
	out := map[string]string{}
	for _, m := range regexp.MustCompile(`\{[a-z0-9]+\}`).FindAllString(action, -1) {
		out[m] = fill.Replace(m)
	}
	return out
}

// formFields is one form as the page rendered it: its fields with their values.
type formFields struct {
	fields    url.Values
	files     map[string]bool // file inputs
	multipart bool
}

// codeSuffix is the code a field's name carries (« niveau:C2.1 », « tache:A1T6 », an id).
var codeSuffix = regexp.MustCompile(`[A-Za-z]*[0-9][\w.]*$`)

// sampleOfFamilies keeps, of the fields whose names differ only by the code they carry (one
// per competence, task or attitude: read by the same parser), the first and the last; every
// other field stays. A grid's hundred radio groups would otherwise be a third of the suite.
func sampleOfFamilies(names []string) []string {
	slices.Sort(names)
	families := map[string][]string{}
	var out []string
	for _, n := range names {
		fam := codeSuffix.ReplaceAllString(n, "#")
		if fam == n {
			out = append(out, n)
			continue
		}
		families[fam] = append(families[fam], n)
	}
	for _, members := range families {
		out = append(out, members[0])
		if len(members) > 1 {
			out = append(out, members[len(members)-1])
		}
	}
	return out
}

// sampleOfForms keeps, of the forms of a page that carry the same fields (one per competence
// on a checkpoint's page: read by the same handler), the first and the last, as
// sampleOfFamilies does for fields; the checkpoint's fifteen forms were a fifth of the posts.
func sampleOfForms(forms []formFields) []formFields {
	first, last := map[string]int{}, map[string]int{}
	for i, f := range forms {
		k := f.fieldsKey()
		if _, seen := first[k]; !seen {
			first[k] = i
		}
		last[k] = i
	}
	var out []formFields
	for i, f := range forms {
		if k := f.fieldsKey(); first[k] == i || last[k] == i {
			out = append(out, f)
		}
	}
	return out
}

// fieldsKey names the form's set of fields, whatever their order.
func (f formFields) fieldsKey() string {
	names := f.names()
	slices.Sort(names)
	return strings.Join(names, "&")
}

// names are the form's fields, files included.
func (f formFields) names() []string {
	var out []string
	for name := range f.fields {
		out = append(out, name)
	}
	for name := range f.files {
		out = append(out, name)
	}
	return out
}

// post sends the form with one field set to value ("" name: as rendered).
func (f formFields) post(c *apptest.Client, action, name, value string) *apptest.Response {
	values := url.Values{}
	for k, v := range f.fields {
		values[k] = append([]string(nil), v...)
	}
	if name != "" && !f.files[name] {
		values.Set(name, value)
	}
	if !f.multipart {
		return c.PostForm(action, values)
	}
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	_ = w.WriteField("_csrf", c.CSRF)
	for k, vs := range values {
		for _, v := range vs {
			_ = w.WriteField(k, v)
		}
	}
	for file := range f.files {
		filename, content := "photo.png", []byte(value)
		if file == name {
			filename = value
		}
		fw, _ := w.CreateFormFile(file, filename)
		_, _ = fw.Write(content)
	}
	_ = w.Close()
	return c.Do(http.MethodPost, action, &b, w.FormDataContentType())
}

var (
	formRe     = regexp.MustCompile(`(?s)<form\b([^>]*)>(.*?)</form>`)
	attrRe     = regexp.MustCompile(`([a-z-]+)="([^"]*)"`)
	inputRe    = regexp.MustCompile(`<(?:input|button)\b[^>]*>`)
	textareaRe = regexp.MustCompile(`(?s)<textarea\b([^>]*)>(.*?)</textarea>`)
	selectRe   = regexp.MustCompile(`(?s)<select\b([^>]*)>(.*?)</select>`)
	optionRe   = regexp.MustCompile(`<option\b[^>]*>`)
)

func attrs(tag string) map[string]string {
	out := map[string]string{}
	for _, m := range attrRe.FindAllStringSubmatch(tag, -1) {
		out[m[1]] = html.UnescapeString(m[2])
	}
	if strings.Contains(tag, " checked") {
		out["checked"] = "checked"
	}
	if strings.Contains(tag, " selected") {
		out["selected"] = "selected"
	}
	return out
}

// formsOf finds the forms of a page that post to action, fields as rendered (checked boxes
// and selected options only, but every name listed).
func formsOf(t *testing.T, page, action string) []formFields {
	t.Helper()
	var out []formFields
	for _, m := range formRe.FindAllStringSubmatch(page, -1) {
		fa := attrs(m[1])
		if fa["action"] != action {
			continue
		}
		f := formFields{fields: url.Values{}, files: map[string]bool{}, multipart: fa["enctype"] == "multipart/form-data"}
		for _, tag := range inputRe.FindAllString(m[2], -1) {
			in := attrs(tag)
			switch name := in["name"]; {
			case name == "" || name == "_csrf":
			case in["type"] == "file":
				f.files[name] = true
			case in["type"] == "checkbox" || in["type"] == "radio":
				if _, listed := f.fields[name]; !listed {
					f.fields[name] = nil // fuzzed even when nothing is ticked
				}
				if in["checked"] != "" {
					f.fields.Add(name, in["value"])
				}
			default:
				f.fields.Add(name, in["value"])
			}
		}
		for _, ta := range textareaRe.FindAllStringSubmatch(m[2], -1) {
			f.fields.Add(attrs(ta[1])["name"], html.UnescapeString(ta[2]))
		}
		for _, sel := range selectRe.FindAllStringSubmatch(m[2], -1) {
			name, chosen := attrs(sel[1])["name"], ""
			for i, opt := range optionRe.FindAllString(sel[2], -1) {
				if o := attrs(opt); i == 0 || o["selected"] != "" {
					chosen = o["value"]
				}
			}
			f.fields.Set(name, chosen)
		}
		out = append(out, f)
	}
	require.NotEmpty(t, out, "no form posting to %s on the page", action)
	return out
}
