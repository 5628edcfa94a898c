package web

// « Comptes des élèves »: the classes with their students' accounts, each class's login slips
// and a student's password reset (accounts_slips.go), the import for teachers given the right
// (accounts_import.go); the teachers' accounts for the school's administrator (teachers.go).

import (
	"github.com/gofiber/fiber/v2"

	"livret/dossier"
	"livret/pfmp"
)

const accountsURL = "/comptes"

func classAccountsURL(id string) string { return accountsURL + "/classes/" + id }

// accountsView lists the classes with their accounts counted.
type accountsView struct {
	Page
	Classes     []dossier.AccountClass
	CanImport   bool
	CanTeachers bool // the school's administrator: the teachers' accounts too
}

// classAccountsView is a class's students, with their usernames and passwords' state.
type classAccountsView struct {
	Page
	Class    *dossier.AccountClass
	Students []dossier.Login
	URL      string
}

// accountsIndex lists the classes with their accounts counted.
func (s *Server) accountsIndex(c *fiber.Ctx) error {
	classes, err := s.store.AccountClasses()
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "accounts/index", "Comptes des élèves", &accountsView{
		Classes: classes, CanImport: pfmp.CanSchool(actorOf(c), pfmp.ImportStudents),
		CanTeachers: pfmp.CanSchool(actorOf(c), pfmp.ImportTeachers)})
}

// classAccounts lists a class's students with their usernames and the state of their password.
func (s *Server) classAccounts(c *fiber.Ctx) error {
	class, students, err := s.store.ClassLogins(c.Params("id"))
	if err != nil {
		return err
	}
	return s.page(c, fiber.StatusOK, "accounts/class", "Comptes — "+class.Name, &classAccountsView{
		Class: class, Students: students, URL: classAccountsURL(class.ID)})
}
