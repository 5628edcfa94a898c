package export_test

import (
	"io"
	"runtime"
	"testing"
)

// The figures: a 50-report portfolio as DOCX and as ODT (target ≤ 300 ms each), and
// the memory an export leaves behind (retained-B/op, heap after a GC: must stay near 0 so
// that memory does not grow from one export to the next).

func BenchmarkWriteDOCX(b *testing.B) { benchmarkWrite(b, formats[0].write) }

func BenchmarkWriteODT(b *testing.B) { benchmarkWrite(b, formats[1].write) }

func benchmarkWrite(b *testing.B, write writer) {
	p := richPortfolio()
	var size countingWriter
	if err := write(&size, p); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for b.Loop() {
		if err := write(io.Discard, p); err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/float64(b.N), "retained-B/op")
	b.ReportMetric(float64(size), "file-bytes") // after the loop: b.Loop resets the metrics
}

type countingWriter int

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}
