package pfmp

// HostRule is how a host-company or tutor column of a placement is checked, wherever it is
// typed: the fiche de liaison and the portfolio's company presentation edit the same columns,
// so they share one set of rules.
type HostRule struct {
	Max      int
	Required bool // by the fiche de liaison
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
	"tutor_last_name":     {Max: 100, Required: true},
	"tutor_first_name":    {Max: 100, Required: true},
	"tutor_phone":         {Max: 20, Check: Phone},
	"tutor_email":         {Max: 254, Required: true, Check: Email},
}
