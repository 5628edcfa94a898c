package apptest

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"livret/pfmp"
)

// BenchPassword is the password of the students MustBenchPeriod creates.
const BenchPassword = "livret-bench"

// MustBenchPeriod creates a class "1re Bench" of n students (every fifth an apprentice) and a
// four-week P2 period "PFMP Bench <n>" starting this week with all of them placed on it, half
// with an edited portfolio. One call per data folder (the class name is unique).
func (a *App) MustBenchPeriod(tb testing.TB, n int) (periodID, classID string) {
	tb.Helper()
	err := a.PB.RunInTransaction(func(tx core.App) error {
		var err error
		periodID, classID, err = benchPeriod(tx, a.Clock.Now(), n)
		return err
	})
	if err != nil {
		tb.Fatalf("bench period: %v", err)
	}
	return periodID, classID
}

func benchPeriod(app core.App, now time.Time, n int) (periodID, classID string, err error) {
	class, err := benchSave(app, "classes", map[string]any{"name": "1re Bench", "level": "1re"}, nil)
	if err != nil {
		return "", "", err
	}
	today := pfmp.DateOnly(now)
	monday := today.AddDate(0, 0, -int((today.Weekday()+6)%7))
	end := monday.AddDate(0, 0, 7*4-3)
	period, err := benchSave(app, "periods", map[string]any{"name": fmt.Sprintf("PFMP Bench %d", n),
		"level": "1re", "kind": "P2", "start": monday, "end": end, "review_date": end}, nil)
	if err != nil {
		return "", "", err
	}
	var hash *core.PasswordFieldValue // bcrypt once, then reuse the hash
	for i := range n {
		st, err := benchSave(app, "users", benchStudent(class.Id, i), hash)
		if err != nil {
			return "", "", err
		}
		hash, _ = st.GetRaw(core.FieldNamePassword).(*core.PasswordFieldValue)
		pl := map[string]any{"period": period.Id, "student": st.Id}
		if i%2 == 0 {
			pl["portfolio_edited"] = monday.AddDate(0, 0, 1)
		}
		if _, err := benchSave(app, "placements", pl, nil); err != nil {
			return "", "", err
		}
	}
	return period.Id, class.Id, nil
}

func benchStudent(classID string, i int) map[string]any {
	status := "scolaire"
	if i%5 == 4 {
		status = "apprenti"
	}
	return map[string]any{"role": "student", "username": fmt.Sprintf("bench.eleve%02d", i),
		"first_name": fmt.Sprintf("Élève%02d", i), "last_name": fmt.Sprintf("Banc%02d", i),
		"class": classID, "status": status}
}

// benchSave saves a new record; an auth record gets hash, or BenchPassword hashed when nil.
func benchSave(app core.App, col string, fields map[string]any, hash *core.PasswordFieldValue) (*core.Record, error) {
	c, err := app.FindCollectionByNameOrId(col)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(c)
	for k, v := range fields {
		r.Set(k, v)
	}
	switch {
	case c.IsAuth() && hash != nil:
		r.SetRaw(core.FieldNamePassword, &core.PasswordFieldValue{Hash: hash.Hash})
	case c.IsAuth():
		r.SetPassword(BenchPassword)
	}
	if err := app.Save(r); err != nil {
		return nil, fmt.Errorf("save %s: %w", col, err)
	}
	return r, nil
}

// MustBenchClient logs in through the login form and returns a plain keep-alive client
// holding the session cookie (no per-response CSRF scan, unlike Client).
func (a *App) MustBenchClient(tb testing.TB, identity, password string) *http.Client {
	tb.Helper()
	jar, _ := cookiejar.New(nil)
	c := &http.Client{Jar: jar, Timeout: 10 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Get(a.URL + "/connexion")
	if err != nil {
		tb.Fatalf("login page: %v", err)
	}
	body := readClose(res)
	m := csrfRe.FindStringSubmatch(body)
	if m == nil {
		tb.Fatalf("login page: no CSRF token (status %d)", res.StatusCode)
	}
	form := url.Values{"identifiant": {identity}, "mot_de_passe": {password}, "_csrf": {m[1] + m[2]}}
	req, _ := http.NewRequest(http.MethodPost, a.URL+"/connexion", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", a.URL)
	if res, err = c.Do(req); err != nil {
		tb.Fatalf("login %s: %v", identity, err)
	}
	if body = readClose(res); res.StatusCode != http.StatusSeeOther {
		tb.Fatalf("login %s: status %d: %s", identity, res.StatusCode, body)
	}
	return c
}

func readClose(res *http.Response) string {
	defer res.Body.Close()
	var b strings.Builder
	_, _ = io.Copy(&b, res.Body)
	return b.String()
}
