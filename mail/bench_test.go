package mail

import (
	"strconv"
	"testing"
	"time"

	"livret/mail/mailtest"
)

// BenchmarkSend30 is the figure: queue the links of a 30-student period (each
// Enqueue returns at once) and wait until all 30 reached the SMTP server (target < 5 s).
func BenchmarkSend30(b *testing.B) {
	app, srv := mustApp(b), mailtest.Start(b)
	mustSMTP(b, app, srv)
	m := mustStart(b, app, Config{})
	e, err := TutorLink(tutorData())
	if err != nil {
		b.Fatal(err)
	}
	link := func() (string, error) { return "https://livret.test/tuteur/acces?jeton=x", nil }
	var enqueue time.Duration
	n := 0
	for b.Loop() {
		start := time.Now()
		for range 30 {
			n++
			msg := Message{Email: e, Kind: KindTutorLink, To: "tuteur" + strconv.Itoa(n) + "@usine.fr", Link: link}
			if _, err := m.Enqueue(msg); err != nil {
				b.Fatal(err)
			}
		}
		enqueue += time.Since(start)
		srv.Wait(b, n, 30*time.Second)
	}
	b.ReportMetric(float64(enqueue.Microseconds())/float64(n), "µs/enqueue")
}
