package pfmp

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// HostRule is how a host-company or tutor column of a placement is checked, wherever it is
// typed: the fiche de liaison and the portfolio's company presentation edit the same columns,
// so they share one set of rules.
type HostRule struct {
	Max      int
	Required bool // by the fiche de liaison: the host company, which students record first
	Check    func(string) error
}

// HostRules are the rules of each host column.
var HostRules = map[string]HostRule{
	"company_name":        {Max: 150, Required: true},
	"company_address":     {Max: 255, Required: true},
	"company_postal_code": {Max: 5, Required: true, Check: PostalCode},
	"company_city":        {Max: 120, Required: true},
	"company_sector":      {Max: 150},
	"company_phone":       {Max: 20, Check: Phone},
	"company_siret":       {Max: 17, Check: SIRET},
	// The tutor is often known later: his name and address are needed only to send him an
	// access link (the tutors' window asks for them then).
	"tutor_last_name":  {Max: 100},
	"tutor_first_name": {Max: 100},
	"tutor_phone":      {Max: 20, Check: Phone},
	"tutor_email":      {Max: 254, Check: Email},
}

// maxHeadcount is more than any French employer: a typo guard, not a rule.
const maxHeadcount = 500000

// ParseHeadcount reads a number of people as typed ("1 200", empty for unknown → 0).
func ParseHeadcount(s string) (int, error) {
	s = strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(strings.TrimSpace(s))
	if s == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, errors.New("Indiquez un nombre entier, 0 ou plus.")
	}
	if n > maxHeadcount {
		return 0, errors.New("Ce nombre semble trop grand (500 000 au plus).")
	}
	return n, nil
}

// CheckStaff: the maintenance service is part of the company, when its size is known.
func CheckStaff(employees, staff int) error {
	if employees > 0 && staff > employees {
		return fmt.Errorf("Le service maintenance ne peut pas compter plus de personnes que l'entreprise (%d).", employees)
	}
	return nil
}
