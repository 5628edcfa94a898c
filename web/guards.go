package web

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// requireSchool lets through only those the policy allows to manage the school's periods.
func requireSchool(c *fiber.Ctx) error {
	if !pfmp.CanSchool(actorOf(c), pfmp.ManageSchool) {
		return pfmp.Forbidden("Cette page est réservée aux enseignants.")
	}
	return c.Next()
}

// requireRole keeps a personal home page for the roles it was made for.
func requireRole(roles ...pfmp.Role) fiber.Handler {
	return func(c *fiber.Ctx) error {
		a := actorOf(c)
		for _, r := range roles {
			if a != nil && a.Role == r {
				return c.Next()
			}
		}
		return pfmp.Forbidden("Cette page n'est pas destinée à votre profil.")
	}
}
