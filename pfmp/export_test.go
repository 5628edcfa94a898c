package pfmp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExportedReports(t *testing.T) {
	type report struct {
		title    string
		selected bool
	}
	a, b, c := report{"a", false}, report{"b", true}, report{"c", true}
	isSelected := func(r report) bool { return r.selected }
	for _, tc := range []struct {
		name    string
		reports []report
		want    []report
	}{
		{"none written", nil, nil},
		{"none selected: all of them", []report{a, {"d", false}}, []report{a, {"d", false}}},
		{"some selected: only them, in order", []report{c, a, b}, []report{c, b}},
		{"all selected", []report{b, c}, []report{b, c}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, ExportedReports(tc.reports, isSelected))
		})
	}
}
