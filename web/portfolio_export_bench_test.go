package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// The figures over HTTP: a 50-report portfolio downloaded as DOCX and as ODT
// (target ≤ 300 ms each), the query, the writing and the answer included.

func BenchmarkExportDOCX50(b *testing.B) { benchmarkExport50(b, ".docx") }

func BenchmarkExportODT50(b *testing.B) { benchmarkExport50(b, ".odt") }

func benchmarkExport50(b *testing.B, ext string) {
	a, sts := benchStudentsOf(b, 1, 1)
	col, err := a.PB.FindCollectionByNameOrId("interventions")
	if err != nil {
		b.Fatal(err)
	}
	text := strings.Repeat("Démontage du carter, contrôle des courroies et de l’alignement. ", 15)
	for i := range 50 {
		r := core.NewRecord(col)
		r.Set("placement", sts[0].placement)
		r.Set("title", fmt.Sprintf("Intervention n° %d sur la ligne de conditionnement", i+1))
		r.Set("wo_date", time.Date(2026, 3, 1+i%28, 0, 0, 0, 0, time.UTC))
		r.Set("wo_machine", "Thermoformeuse TF-2")
		r.Set("conditions", text)
		r.Set("defects", text)
		r.Set("repairs", text)
		if err := a.PB.Save(r); err != nil {
			b.Fatal(err)
		}
	}
	target := a.URL + "/dossiers/" + sts[0].placement + "/portfolio" + ext
	req, _ := http.NewRequest(http.MethodGet, target, nil)
	status, body := pfDo(b, sts[0].c, req)
	if status != http.StatusOK || !strings.HasPrefix(body, "PK") {
		b.Fatalf("GET %s: status %d, %.200q", target, status, body)
	}
	for b.Loop() {
		if status, _ := pfDo(b, sts[0].c, req); status != http.StatusOK {
			b.Fatalf("GET %s: status %d", target, status)
		}
	}
	b.ReportMetric(float64(len(body)), "file-bytes") // after the loop: b.Loop resets the metrics
}
