package web

import (
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/filesystem"

	"livret/static"
)

// routes is the app's table of contents: every page and fragment, in one list.
func (s *Server) routes() {
	f := s.fiber
	f.Use("/static", filesystem.New(filesystem.Config{
		Root: http.FS(static.FS), MaxAge: int((24 * time.Hour).Seconds()),
	}))
	f.Use(refuseTooLarge, s.session, s.csrf, holdToPasswordChange)

	f.Get("/", s.home)
	f.Get("/connexion", s.loginForm)
	f.Post("/connexion", s.login)
	f.Post("/deconnexion", s.logout)
	f.Get("/mot-de-passe", requireLogin, requirePassword, s.passwordForm)
	f.Post("/mot-de-passe", requireLogin, requirePassword, s.passwordChange)
	f.Post("/connexion/lien", s.lostLink)

	// Company tutors (issue 9): the access link swapped for a session, the page that says why a
	// link no longer opens, the tutor window of a period, a dossier's referent teachers.
	f.Get("/acces/fin", s.accessEnded)
	f.Get("/acces/:token", s.openLink)
	f.Get("/periodes/:id/tuteurs", requireLogin, requireSchool, s.tutorsPage)
	f.Post("/periodes/:id/tuteurs/:pid/envoyer", requireLogin, requireSchool, s.tutorSend)
	f.Post("/periodes/:id/tuteurs/:pid/invalider", requireLogin, requireSchool, s.tutorRevoke)
	f.Post("/periodes/:id/apprenants/:pid/referents", requireLogin, requireSchool, s.referentsSave)

	f.Get("/periodes", requireLogin, requireSchool, s.periodsIndex)
	f.Get("/periodes/:id/apprenants", requireLogin, requireSchool, s.periodStudents)
	f.Get("/periodes/:id/modifier", requireLogin, requireSchool, s.periodEdit)
	f.Post("/periodes/:id/modifier/:tab", requireLogin, requireSchool, s.periodUpdate)
	f.Get("/periodes/:id/supprimer", requireLogin, requireSchool, s.periodDeleteConfirm)
	f.Post("/periodes/:id/supprimer", requireLogin, requireSchool, s.periodDelete)
	f.Get("/periodes/:id/apprenants/:pid/menu", requireLogin, requireSchool, s.dossierMenu)
	f.Get("/periodes/:id/apprenants/:pid/retirer", requireLogin, requireSchool, s.placementRemoveConfirm)
	f.Post("/periodes/:id/apprenants/:pid/retirer", requireLogin, requireSchool, s.placementRemove)
	f.Get("/bilans-intermediaires", requireLogin, requireSchool, s.checkpointsIndex)
	f.Post("/bilans-intermediaires", requireLogin, requireSchool, s.checkpointCreate)
	f.Get("/bilans-intermediaires/:id/modifier", requireLogin, requireSchool, s.checkpointEdit)
	f.Post("/bilans-intermediaires/:id/modifier", requireLogin, requireSchool, s.checkpointUpdate)
	f.Post("/bilans-intermediaires/:id/supprimer", requireLogin, requireSchool, s.checkpointDelete)
	f.Get("/bilans-intermediaires/:id", requireLogin, requireSchool, s.checkpointShow)
	f.Post("/bilans-intermediaires/:id/ajuster", requireLogin, requireSchool, s.checkpointAdjust)
	f.Get("/annexes", requireLogin, requireSchool, s.annexesIndex)
	f.Get("/annexes/nouvelle", requireLogin, requireSchool, s.annexeNew)
	f.Post("/annexes", requireLogin, requireSchool, s.annexeSave)
	f.Get("/annexes/:id", requireLogin, requireSchool, s.annexeEdit)
	f.Post("/annexes/:id", requireLogin, requireSchool, s.annexeSave)
	f.Post("/annexes/:id/dupliquer", requireLogin, requireSchool, s.annexeDuplicate)
	f.Get("/annexes/:id/supprimer", requireLogin, requireSchool, s.annexeDeleteConfirm)
	f.Post("/annexes/:id/supprimer", requireLogin, requireSchool, s.annexeDelete)
	f.Get("/annexes/:id/periode", requireLogin, requireSchool, s.periodNew)
	f.Post("/annexes/:id/periode", requireLogin, requireSchool, s.periodCreate)
	// A school's accounts (issue 14): each class's login slips, a student's password reset, and
	// the students' import for the teachers an administrator gave the right.
	f.Get("/comptes", requireLogin, requireLogins, s.accountsIndex)
	f.Get("/comptes/classes/:id", requireLogin, requireLogins, s.classAccounts)
	f.Post("/comptes/classes/:id/fiches", requireLogin, requireLogins, s.classSlips)
	f.Post("/comptes/eleves/:id/reinitialiser", requireLogin, requireLogins, s.studentSlip)
	f.Get("/comptes/import", requireLogin, requireImport, s.importForm(studentsImport))
	f.Post("/comptes/import", requireLogin, requireImport, s.importUpload(studentsImport))
	f.Get("/comptes/import/:id", requireLogin, requireImport, s.importPage(studentsImport))
	f.Post("/comptes/import/:id", requireLogin, requireImport, s.importConfirm(studentsImport))
	// The teachers' accounts, the school's administrator's: their import, their invitations by
	// email (a one-time link to choose one's password), their slips when no SMTP is set.
	f.Get("/comptes/enseignants", requireLogin, requireTeachers, s.teachersIndex)
	f.Post("/comptes/enseignants/fiches", requireLogin, requireTeachers, s.teacherSlips)
	f.Post("/comptes/enseignants/:id/inviter", requireLogin, requireTeachers, s.teacherInvite)
	f.Get("/comptes/enseignants/import", requireLogin, requireTeachers, s.importForm(teachersImport))
	f.Post("/comptes/enseignants/import", requireLogin, requireTeachers, s.importUpload(teachersImport))
	f.Get("/comptes/enseignants/import/:id", requireLogin, requireTeachers, s.importPage(teachersImport))
	f.Post("/comptes/enseignants/import/:id", requireLogin, requireTeachers, s.importConfirm(teachersImport))
	f.Get("/invitation/:token", s.openInvitation)
	f.Get("/invitation", s.invitationForm)
	f.Post("/invitation", s.invitationAccept)
	// The end of the school year (issue 14), the school administrator's: retention, closing, purge.
	f.Get("/annee", requireLogin, requireYear, s.yearPage)
	f.Post("/annee/conservation", requireLogin, requireYear, s.retentionSave)
	f.Get("/annee/cloture", requireLogin, requireYear, s.yearClosePage)
	f.Post("/annee/cloture", requireLogin, requireYear, s.yearCloseConfirm)
	f.Get("/annee/cloture/:id", requireLogin, requireYear, s.yearCloseJobPage)
	f.Get("/annee/archives/:id", requireLogin, requireYear, s.yearArchiveDownload)
	f.Get("/annee/purge", requireLogin, requireYear, s.purgePage)
	f.Post("/annee/purge", requireLogin, requireYear, s.purgeConfirm)
	f.Get("/mes-periodes", requireLogin, requireOwnDossiers, s.studentHome)
	f.Get("/mes-apprenants", requireLogin, requireGrantedFiles, s.companyHome)
	f.Get("/mes-donnees", requireLogin, requireOwnData, s.myData) // issue 14: right of access
	f.Get("/mes-donnees/archive", requireLogin, requireOwnData, s.myStoredArchive)
	f.Get("/dossiers/:id", requireLogin, s.dossier)
	f.Get("/dossiers/:id/portfolio", requireLogin, s.portfolioHome)
	f.Get("/dossiers/:id/portfolio/:tab", requireLogin, s.portfolioTabPage)
	f.Get("/dossiers/:id/liaison", requireLogin, s.liaisonPage)
	f.Post("/dossiers/:id/liaison/entreprise", requireLogin, s.liaisonCompany)
	f.Post("/dossiers/:id/liaison/objectifs", requireLogin, s.liaisonObjectives)
	f.Post("/dossiers/:id/liaison/reinitialiser", requireLogin, s.liaisonReset)
	f.Post("/dossiers/:id/portfolio/entreprise", requireLogin, s.portfolioCompanySave)
	f.Post("/dossiers/:id/portfolio/carte", requireLogin, s.portfolioMapSave)
	f.Post("/dossiers/:id/portfolio/organigramme", requireLogin, s.portfolioOrgChartSave)
	f.Post("/dossiers/:id/portfolio/commentaires", requireLogin, s.commentCreate)

	// Portfolio tabs 4–6: weekly journal, intervention reports, annexes (files and links).
	f.Post("/dossiers/:id/portfolio/semaines/:n", requireLogin, s.weekSave)
	f.Get("/dossiers/:id/portfolio/activites/nouvelle", requireLogin, s.interventionNew)
	f.Post("/dossiers/:id/portfolio/activites", requireLogin, s.interventionCreate)
	f.Get("/dossiers/:id/portfolio/activites/:rid", requireLogin, s.interventionShow)
	f.Post("/dossiers/:id/portfolio/activites/:rid", requireLogin, s.interventionUpdate)
	f.Post("/dossiers/:id/portfolio/activites/:rid/selection", requireLogin, s.interventionSelect)
	f.Post("/dossiers/:id/portfolio/activites/:rid/supprimer", requireLogin, s.interventionDelete)
	f.Post("/dossiers/:id/portfolio/annexes", requireLogin, s.attachmentUpload)
	f.Post("/dossiers/:id/portfolio/annexes/lien", requireLogin, s.attachmentLink)
	f.Post("/dossiers/:id/portfolio/annexes/:aid/supprimer", requireLogin, s.attachmentDelete)
	f.Get("/dossiers/:id/portfolio/annexes/:aid/fichier", requireLogin, s.attachmentDownload)

	// The portfolio's exports (issue 12): files to download, and the print view the PDF prints.
	f.Get("/dossiers/:id/portfolio.docx", requireLogin, s.portfolioDOCX)
	f.Get("/dossiers/:id/portfolio.odt", requireLogin, s.portfolioODT)
	f.Get("/dossiers/:id/portfolio.pdf", requireLogin, s.portfolioPDF)
	f.Get("/dossiers/:id/portfolio.html", requireLogin, s.portfolioPrintView)

	// Prints: a dossier's pré-convention and attestation de présence (PDF, or /apercu in HTML);
	// a period's pré-conventions as one PDF printed in the background, polled at /impressions/:id.
	f.Get("/dossiers/:id/preconvention", requireLogin, s.preconventionPage)
	f.Post("/dossiers/:id/preconvention", requireLogin, s.preconventionSave)
	f.Post("/dossiers/:id/preconvention/reinitialiser", requireLogin, s.preconventionReset)
	f.Get("/dossiers/:id/preconvention/pdf", requireLogin, s.preconventionPDF)
	f.Get("/dossiers/:id/preconvention/apercu", requireLogin, s.preconventionView)
	f.Get("/dossiers/:id/attestation", requireLogin, s.attestationPage)
	f.Post("/dossiers/:id/attestation", requireLogin, s.attestationSave)
	f.Get("/dossiers/:id/attestation/pdf", requireLogin, s.attestationPDF)
	f.Get("/dossiers/:id/attestation/apercu", requireLogin, s.attestationView)
	f.Get("/periodes/:id/preconvention", requireLogin, requireSchool, s.periodPreconventionPage)
	f.Post("/periodes/:id/preconvention", requireLogin, requireSchool, s.periodPreconventionSave)
	f.Post("/periodes/:id/preconvention/impression", requireLogin, requireSchool, s.periodPreconventionPrint)
	f.Get("/periodes/:id/preconvention/apercu", requireLogin, requireSchool, s.periodPreconventionView)
	f.Get("/impressions/:id", requireLogin, s.batchPage)
	f.Get("/impressions/:id/fichier", requireLogin, s.batchFile)

	// Evaluations: bilan personnel, attitudes, bilan entreprise, the student's side.
	f.Get("/dossiers/:id/bilan-personnel", requireLogin, s.selfReviewPage)
	f.Post("/dossiers/:id/bilan-personnel", requireLogin, s.selfReviewSave)
	f.Get("/dossiers/:id/attitudes", requireLogin, s.attitudesPage)
	f.Post("/dossiers/:id/attitudes", requireLogin, s.attitudesSave)
	for _, rv := range []*ratedReview{companyReview, gridReview} { // bilan entreprise, certification grid
		f.Get("/dossiers/:id/"+rv.slug, requireLogin, s.companyReviewPage(rv))
		f.Post("/dossiers/:id/"+rv.slug, requireLogin, s.companyReviewSave(rv))
		f.Post("/dossiers/:id/"+rv.slug+"/choix", requireLogin, s.companyReviewChoice(rv))
		f.Get("/dossiers/:id/"+rv.slug+"/changements", requireLogin, s.companyReviewChanges(rv))
		f.Get("/dossiers/:id/"+rv.slug+"/grille.pdf", requireLogin, s.companyGridPDF(rv)) // « Préparer la rencontre »
		f.Get("/dossiers/:id/"+rv.slug+"/grille", requireLogin, s.companyGridView(rv))
	}
	f.Get("/dossiers/:id/tableau-de-bord", requireLogin, s.dossierDashboard)
	f.Get("/evaluations-certificatives", requireLogin, requireSchool, s.certificativeIndex)
	f.Get("/evaluations-etablissement", requireLogin, requireSchool, s.schoolEvaluationsIndex)
	f.Post("/evaluations-etablissement", requireLogin, requireSchool, s.schoolEvaluationCreate)
	f.Post("/evaluations-etablissement/:id/supprimer", requireLogin, requireSchool, s.schoolEvaluationDelete)
	f.Get("/mes-evaluations", requireLogin, requireOwnEvaluations, s.myEvaluations)
	f.Get("/tableau-de-bord", requireLogin, requireOwnEvaluations, s.myDashboard)

	f.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
}

// portfolioTabs are the seven tabs of the manual, in its order: each is served by
// portfolioTabPage at /dossiers/:id/portfolio/<slug> from the loader named here and the template
// views/portfolio/<slug>.html.
var portfolioTabs = []*portfolioTab{
	{Slug: tabCompany, Label: "Présenter l'entreprise", Short: "Entreprise", load: loadCompanyTab},
	{Slug: tabMap, Label: "Géolocaliser l'entreprise", Short: "Carte", load: loadMapTab},
	{Slug: tabOrgChart, Label: "Construire l'organigramme", Short: "Organigramme", load: loadOrgChartTab},
	{Slug: "semaines", Label: "Présenter les activités hebdomadaires", Short: "Semaines", load: journalTab},
	{Slug: "activites", Label: "Présenter une activité", Short: "Activités", load: interventionsTab},
	{Slug: "annexes", Label: "Ajouter des annexes", Short: "Annexes", load: attachmentsTab},
	{Slug: tabComments, Label: "Commentaires", Short: "Commentaires", load: loadCommentsTab},
}

// RouteList lists "METHOD /path" of every page and fragment, for the access-matrix test.
func (s *Server) RouteList() []string {
	var out []string
	for _, r := range s.fiber.GetRoutes(true) {
		if r.Method != fiber.MethodHead && r.Method != "USE" && r.Path != "/static" {
			out = append(out, r.Method+" "+r.Path)
		}
	}
	return out
}
