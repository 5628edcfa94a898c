package web_test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"livret/accounts"
	"livret/apptest"
	"livret/dossier"
)

// BenchmarkImport1000Students: a file of 1,000 new students in 4 new classes read, matched,
// applied in one transaction, then every account given a usable initial password (drawn,
// hashed and stored, as printing all the classes' slips does, without the PDF).
func BenchmarkImport1000Students(b *testing.B) {
	a := apptest.MustStartIn(b, b.TempDir())
	store := dossier.New(a.PB, a.Clock.Now)
	n := 0
	for b.Loop() {
		n++
		lines := []string{"Nom;Prénom;Classe;Date de naissance;Statut"}
		for i := range 1000 {
			lines = append(lines, fmt.Sprintf("Élève%d-%04d;Zoé;%s %d;01/09/2009;scolaire", n, i, []string{"2de A", "1re B", "Tle C", "1re D"}[i%4], n))
		}
		sheet, err := accounts.Students.Parse([]byte(strings.Join(lines, "\n")), a.Clock.Now())
		if err != nil {
			b.Fatal(err)
		}
		out, err := store.ApplyImport(sheet, "", nil)
		if err != nil || out.Plan.Count(accounts.Create) != 1000 {
			b.Fatalf("import: %v", err)
		}
		given := 0
		for _, ref := range out.NewLogins { // a class's slips at a time, as the teachers print them
			_, students, err := store.ClassLogins(ref.ID)
			if err != nil {
				b.Fatal(err)
			}
			passwords := make([]string, len(students))
			for i := range students {
				passwords[i] = accounts.NewPassword()
			}
			hashes, err := accounts.HashInitials(passwords)
			if err != nil {
				b.Fatal(err)
			}
			pws := make([]dossier.InitialPassword, len(students))
			for i, st := range students {
				pws[i] = dossier.InitialPassword{AccountID: st.ID, Hash: hashes[i]}
			}
			if err := store.SetInitialPasswords("", pws, true); err != nil {
				b.Fatal(err)
			}
			given += len(pws)
		}
		if given != 1000 {
			b.Fatalf("%d accounts given a password", given)
		}
	}
}

// BenchmarkSlips30: the login slips of a 30-student class, as the teacher's button asks them
// (new passwords drawn, hashed and stored, one PDF printed), Chromium warm.
func BenchmarkSlips30(b *testing.B) {
	a := apptest.MustStartIn(b, b.TempDir())
	class := a.MustRecord(b, "classes", map[string]any{"name": "1re Fiches", "level": "1re"})
	for i := range 30 {
		a.MustRecord(b, "users", map[string]any{"role": "student", "username": fmt.Sprintf("fiche.eleve%02d", i),
			"first_name": "Zoé", "last_name": fmt.Sprintf("Élève%02d", i), "class": class.Id,
			"must_change_password": true, "password": "provisoire-1"})
	}
	a.MustRecord(b, "users", map[string]any{"role": "teacher", "username": "bench.prof",
		"first_name": "Paul", "last_name": "Banc", "password": "livret-bench-prof"})
	c := a.MustBenchClient(b, "bench.prof", "livret-bench-prof")
	_, page := do(b, c, a.URL+"/comptes/classes/"+class.Id, nil)
	m := benchCSRF.FindStringSubmatch(page)
	if m == nil {
		b.Fatalf("class page: no CSRF token")
	}
	token := m[1]
	slips := func() {
		form := url.Values{"_csrf": {token}, "format": {"pdf"}}
		req, _ := http.NewRequest(http.MethodPost, a.URL+"/comptes/classes/"+class.Id+"/fiches", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Origin", a.URL)
		res, err := c.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusOK || !strings.HasPrefix(string(body), "%PDF-") {
			b.Fatalf("slips: status %d: %.200s", res.StatusCode, body)
		}
	}
	slips() // Chromium started
	for b.Loop() {
		slips()
	}
}
