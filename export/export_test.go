package export_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"livret/export"
)

var formats = []struct {
	name  string
	write writer
}{{"docx", export.WriteDOCX}, {"odt", export.WriteODT}}

func TestNoPortfolioIsAnError(t *testing.T) {
	for _, f := range formats {
		var buf bytes.Buffer
		assert.Error(t, f.write(&buf, nil), f.name)
		assert.Zero(t, buf.Len(), "%s: nothing written", f.name)
	}
}

// An export keeps nothing from the one before: the same portfolio gives the same bytes,
// whatever was exported in between.
func TestExportIsRepeatable(t *testing.T) {
	for _, f := range formats {
		var first, between, again bytes.Buffer
		require.NoError(t, f.write(&first, richPortfolio()))
		require.NoError(t, f.write(&between, &export.Portfolio{Attachments: []export.Attachment{{Title: "x", URL: "https://a.example"}}}))
		require.NoError(t, f.write(&again, richPortfolio()))
		assert.Equal(t, first.Bytes(), again.Bytes(), f.name)
	}
}
