package pfmp

// ExportedReports are the maintenance activity reports a portfolio's export shows: those the
// student selected (« sélectionnée pour l'export », the greyed square of the manual), or all
// of them while none is selected, so an export is never empty of the work written. Order is
// kept.
func ExportedReports[T any](reports []T, selected func(T) bool) []T {
	var kept []T
	for _, r := range reports {
		if selected(r) {
			kept = append(kept, r)
		}
	}
	if len(kept) == 0 {
		return reports
	}
	return kept
}
