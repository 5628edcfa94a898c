// Package accounts holds the rules of a school's accounts, in plain Go: reading the students'
// CSV that school software exports (encoding, separator, loosely named columns, each line
// checked), matching its lines to the accounts already there (name + birth date), the
// usernames (prenom.nom) and initial passwords of students without an email, the strength
// rule of a chosen password. No HTTP, no database: dossier/ reads the school and applies a
// Plan in one transaction; web/ shows it.
package accounts
