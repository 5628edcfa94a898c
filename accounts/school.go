package accounts

import "time"

// School is what an import must know of the accounts already there (dossier reads it).
type School struct {
	Students  []Student
	Classes   []Class
	Usernames []string          // every username in use, whatever the role
	Emails    map[string]string // every email in use, lower case → its account's id
	Masters   []Person          // the apprenticeship masters' accounts
	Diplomas  []Diploma
}

// Student is a student's account.
type Student struct {
	ID                  string
	FirstName, LastName string
	Username, Email     string
	Status              string
	ClassID, MasterID   string
	BirthDate           time.Time // zero when unknown (an account made by hand)
	LeftAt              time.Time // the day he left the school (a closing of the year); zero when he has not
}

// Class is a class of the school.
type Class struct{ ID, Name, Level string }

// Person is an account named in a file: an apprenticeship master.
type Person struct{ ID, FirstName, LastName, Email string }

// nameKey compares two people's names.
func nameKey(first, last string) string { return key(last) + "|" + key(first) }
