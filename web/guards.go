package web

import (
	"github.com/gofiber/fiber/v2"

	"livret/pfmp"
)

// requireCan keeps a school-wide page for those the policy lets do act.
func requireCan(act pfmp.Action, refusal string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !pfmp.CanSchool(actorOf(c), act) {
			return pfmp.Forbidden(refusal)
		}
		return c.Next()
	}
}

// The guards of the school's pages and of the personal homes.
var (
	requireSchool         = requireCan(pfmp.ManageSchool, "Cette page est réservée aux enseignants.")
	requireOwnDossiers    = requireCan(pfmp.ListOwnDossiers, "Cette page n'est pas destinée à votre profil.")
	requireGrantedFiles   = requireCan(pfmp.ListGrantedFiles, "Cette page n'est pas destinée à votre profil.")
	requireOwnEvaluations = requireCan(pfmp.ListOwnEvaluations, "Cette page n'est pas destinée à votre profil.")
	requireLogins         = requireCan(pfmp.ManageLogins, "Cette page est réservée aux enseignants.")
	requireImport         = requireCan(pfmp.ImportStudents, "L'import des élèves est réservé aux enseignants à qui l'administrateur en a donné le droit (tableau de bord, compte de l'enseignant : can_import).")
	requireYear           = requireCan(pfmp.ManageYear, "Cette page est réservée à l'administrateur de l'établissement.")
	requireOwnData        = requireCan(pfmp.DownloadOwnData, "Cette page n'est pas destinée à votre profil.")
	requireTeachers       = requireCan(pfmp.ImportTeachers, "Les comptes des enseignants sont réservés à l'administrateur de l'application dans l'établissement (tableau de bord, compte de l'enseignant : school_admin).")
	requirePassword       = requireCan(pfmp.ChangePassword, "Votre compte n'a pas de mot de passe : vous accédez à Livret par le lien reçu par courriel.")
)
