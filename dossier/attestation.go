package dossier

import "livret/pfmp"

// The attestation de présence's six fields (pfmp.AttestationFields), typed per dossier in
// attestation_<key>.

func attestationColumns() []string {
	cols := make([]string, len(pfmp.AttestationFields))
	for i, f := range pfmp.AttestationFields {
		cols[i] = "attestation_" + f.Key
	}
	return cols
}

// Attestation is the dossier's attestation fields, keyed by field.
func (p *Placement) Attestation() map[string]string {
	out := map[string]string{}
	for _, f := range pfmp.AttestationFields {
		out[f.Key] = p.GetString("attestation_" + f.Key)
	}
	return out
}

// AttestationVersion is the version of the attestation form.
func AttestationVersion(p *Placement) string { return Fingerprint(p.Record, attestationColumns()) }

// SaveAttestation writes the six fields, keyed by field, and nothing else, after checking in
// the same transaction that they are still as the form showed them ("" skips the check).
func (s *Store) SaveAttestation(placementID, seen string, values map[string]string) error {
	f := Fields{}
	for _, fd := range pfmp.AttestationFields {
		f["attestation_"+fd.Key] = pfmp.NormalizeText(values[fd.Key])
	}
	_, err := s.UpdatePlacement(placementID, PlacementEdit{Owned: attestationColumns(), Seen: seen, Values: f})
	return err
}
