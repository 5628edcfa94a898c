package accounts

import (
	"errors"
	"strings"
	"time"
)

// readOrder is the order in which a line's cells are checked, hence its reasons given.
var readOrder = []Column{ColLastName, ColFirstName, ColClass, ColEmail, ColUsername, ColStatus, ColMaster, ColBirthDate}

// row checks one line of the kind: every reason it is refused, joined.
func (k *Kind) row(l Layout, rec []string, today time.Time) (Row, error) {
	var r Row
	var errs []string
	for _, c := range readOrder {
		if !k.has(c) {
			continue
		}
		cell := ""
		if i := l[c]; i >= 0 && i < len(rec) {
			cell = rec[i]
		}
		if err := r.read(c, cell, k.requires(c), today); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		msg := strings.Join(errs, " ; ")
		return Row{}, errors.New(strings.ToUpper(msg[:1]) + msg[1:] + ".")
	}
	return r, nil
}

// read checks one cell into its field; names, classes and birth dates are always required
// where a kind reads them, an email where the kind requires it.
func (r *Row) read(c Column, cell string, required bool, today time.Time) (err error) {
	switch c {
	case ColLastName:
		r.LastName, err = name("nom", "nom manquant", cell)
	case ColFirstName:
		r.FirstName, err = name("prénom", "prénom manquant", cell)
	case ColClass:
		r.Class, err = name("classe", "classe manquante", cell)
	case ColEmail:
		r.Email, err = email(cell)
		if err == nil && required && r.Email == "" {
			err = errors.New("adresse électronique manquante (l'invitation y est envoyée)")
		}
	case ColUsername:
		r.FileUsername, err = username(cell)
	case ColStatus:
		r.Status, err = status(cell)
	case ColMaster:
		r.Master = cleanSpaces(cell)
	case ColBirthDate:
		if strings.TrimSpace(cell) == "" {
			return errors.New("date de naissance manquante")
		}
		r.BirthDate, err = birthDate(cell, today)
	}
	return err
}
