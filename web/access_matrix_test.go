package web_test

import (
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/stretchr/testify/require"

	"livret/apptest"
	"livret/demo"
)

// actors of the access matrix, in column order.
var actors = []string{"anonyme", "enseignant", "apprenant", "autre apprenant", "maître (accès)", "tuteur (sans accès)"}

// matrixRow is one route with the status each actor must get.
type matrixRow struct {
	route   string // "METHOD /pattern", exactly as web.RouteList names it
	path    string // the concrete path; {placement} and {period} are filled in
	htmx    bool
	form    url.Values
	expects [6]int
}

var matrix = []matrixRow{
	{route: "GET /", path: "/", expects: [6]int{303, 303, 303, 303, 303, 303}},
	{route: "GET /connexion", path: "/connexion", expects: [6]int{200, 303, 303, 303, 303, 303}},
	{route: "POST /connexion", path: "/connexion", form: url.Values{"identifiant": {"inconnu-{actor}"}, "mot_de_passe": {"y"}},
		expects: [6]int{422, 422, 422, 422, 422, 422}},
	{route: "POST /deconnexion", path: "/deconnexion", form: url.Values{}, expects: [6]int{303, 303, 303, 303, 303, 303}},
	{route: "GET /periodes", path: "/periodes", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "GET /periodes/:id/apprenants", path: "/periodes/{period}/apprenants", htmx: true,
		expects: [6]int{401, 200, 403, 403, 403, 403}},
	{route: "GET /mes-periodes", path: "/mes-periodes", expects: [6]int{303, 403, 200, 200, 403, 403}},
	{route: "GET /mes-apprenants", path: "/mes-apprenants", expects: [6]int{303, 403, 403, 403, 200, 200}},
	// The end of the school year (issue 14): the school administrator's pages (prof.martin is one;
	// prof.benali, who is not: TestYearPagesAreTheAdministrators). Forms refused, so nothing closes.
	{route: "GET /annee", path: "/annee", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /annee/conservation", path: "/annee/conservation", form: url.Values{"mois": {"0"}}, expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "GET /annee/cloture", path: "/annee/cloture", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /annee/cloture", path: "/annee/cloture", form: url.Values{}, expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "GET /annee/cloture/:id", path: "/annee/cloture/inconnue", expects: [6]int{303, 404, 403, 403, 403, 403}},
	{route: "GET /annee/archives/:id", path: "/annee/archives/inconnue", expects: [6]int{303, 404, 403, 403, 403, 403}},
	{route: "GET /annee/purge", path: "/annee/purge", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /annee/purge", path: "/annee/purge", form: url.Values{}, expects: [6]int{303, 422, 403, 403, 403, 403}},
	// The student's own data (issue 14): built on demand; the year-end archive once stored (none here).
	{route: "GET /mes-donnees", path: "/mes-donnees", expects: [6]int{303, 403, 200, 200, 403, 403}},
	{route: "GET /mes-donnees/archive", path: "/mes-donnees/archive", expects: [6]int{303, 403, 404, 404, 403, 403}},
	{route: "GET /dossiers/:id", path: "/dossiers/{placement}", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio", path: "/dossiers/{placement}/portfolio", expects: [6]int{303, 303, 303, 303, 303, 303}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/entreprise", expects: [6]int{303, 200, 200, 404, 200, 404}},
	// Fiche de liaison: valid forms, so 303 means "saved" and 403/404 come from the policy alone.
	{route: "GET /dossiers/:id/liaison", path: "/dossiers/{placement}/liaison", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/liaison", path: "/dossiers/{placement}/liaison?onglet=objectifs", htmx: true,
		expects: [6]int{401, 200, 200, 404, 200, 404}},
	{route: "POST /dossiers/:id/liaison/entreprise", path: "/dossiers/{placement}/liaison/entreprise", form: validLiaisonCompany(),
		expects: [6]int{303, 303, 303, 404, 403, 404}},
	{route: "POST /dossiers/:id/liaison/objectifs", path: "/dossiers/{placement}/liaison/objectifs",
		form: url.Values{"objectives": {"Réaliser la maintenance préventive des convoyeurs."}}, expects: [6]int{303, 303, 403, 404, 403, 404}},
	{route: "POST /dossiers/:id/liaison/reinitialiser", path: "/dossiers/{placement}/liaison/reinitialiser", form: url.Values{},
		expects: [6]int{303, 303, 403, 404, 403, 404}},
	// Teachers' school-wide screens: periods, annexes, checkpoints. {locked} is a period locked by a
	// checkpoint (so a teacher's write answers 409 and changes nothing); {annexe2} and
	// {checkpoint} are made to be deleted.
	{route: "GET /periodes/:id/modifier", path: "/periodes/{period}/modifier?onglet=apprenants", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /periodes/:id/modifier/:tab", path: "/periodes/{locked}/modifier/objectifs", form: url.Values{"objectives": {"x"}},
		expects: [6]int{303, 409, 403, 403, 403, 403}},
	{route: "GET /periodes/:id/supprimer", path: "/periodes/{locked}/supprimer", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /periodes/:id/supprimer", path: "/periodes/{locked}/supprimer", form: url.Values{}, expects: [6]int{303, 409, 403, 403, 403, 403}},
	{route: "GET /periodes/:id/apprenants/:pid/menu", path: "/periodes/{locked}/apprenants/{lockedplacement}/menu",
		htmx: true, expects: [6]int{401, 200, 403, 403, 403, 403}},
	{route: "GET /periodes/:id/apprenants/:pid/retirer", path: "/periodes/{locked}/apprenants/{lockedplacement}/retirer",
		expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /periodes/:id/apprenants/:pid/retirer", path: "/periodes/{locked}/apprenants/{lockedplacement}/retirer",
		form: url.Values{}, expects: [6]int{303, 409, 403, 403, 403, 403}},
	{route: "GET /annexes", path: "/annexes", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "GET /annexes/nouvelle", path: "/annexes/nouvelle", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /annexes", path: "/annexes", form: url.Values{"name": {""}, "level": {"2de"}}, expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "GET /annexes/:id", path: "/annexes/{annexe}", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /annexes/:id", path: "/annexes/{annexe}", form: url.Values{"name": {""}, "level": {"2de"}}, expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "POST /annexes/:id/dupliquer", path: "/annexes/{annexe}/dupliquer", form: url.Values{}, expects: [6]int{303, 303, 403, 403, 403, 403}},
	{route: "GET /annexes/:id/supprimer", path: "/annexes/{annexe2}/supprimer", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /annexes/:id/supprimer", path: "/annexes/{annexe2}/supprimer", form: url.Values{}, expects: [6]int{303, 303, 403, 403, 403, 403}},
	{route: "GET /annexes/:id/periode", path: "/annexes/{annexe}/periode", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /annexes/:id/periode", path: "/annexes/{annexe}/periode", form: url.Values{"name": {"X"}, "level": {"1re"}, "kind": {"P2"}},
		expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "GET /bilans-intermediaires", path: "/bilans-intermediaires", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /bilans-intermediaires", path: "/bilans-intermediaires", form: url.Values{"target": {""}, "date": {"2026-03-01"}},
		expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "GET /bilans-intermediaires/:id/modifier", path: "/bilans-intermediaires/{planned}/modifier",
		expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /bilans-intermediaires/:id/modifier", path: "/bilans-intermediaires/{planned}/modifier",
		form: url.Values{"date": {"2026-06-19"}, "label": {"Bilan de juin"}}, expects: [6]int{303, 303, 403, 403, 403, 403}},
	{route: "POST /bilans-intermediaires/:id/supprimer", path: "/bilans-intermediaires/{checkpoint}/supprimer", form: url.Values{},
		expects: [6]int{303, 303, 403, 403, 403, 403}},
	// Portfolio tabs 1–3 and 7: everyone who reads the portfolio reads them; only its student
	// writes them; comments are written by teachers and granted tutors or masters.
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/carte", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/organigramme", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/commentaires", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "POST /dossiers/:id/portfolio/entreprise", path: "/dossiers/{placement}/portfolio/entreprise",
		form: url.Values{"company_name": {"Papeteries de la Seine"}, "company_address": {"12, quai de Seine"},
			"company_postal_code": {"76100"}, "company_city": {"Rouen"}, "tutor_last_name": {"Boisseau"},
			"tutor_first_name": {"Julien"}, "tutor_email": {"julien.boisseau@demo.livret.fr"}},
		expects: [6]int{303, 403, 303, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/carte", path: "/dossiers/{placement}/portfolio/carte",
		form: url.Values{"lat": {"49.43"}, "lng": {"1.08"}}, expects: [6]int{303, 403, 303, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/organigramme", path: "/dossiers/{placement}/portfolio/organigramme",
		form: url.Values{"op": {"add"}, "add_name": {"Direction"}}, expects: [6]int{303, 403, 303, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/commentaires", path: "/dossiers/{placement}/portfolio/commentaires",
		form: url.Values{"body": {"Un conseil."}}, expects: [6]int{303, 303, 403, 404, 303, 404}},
	// Portfolio tabs 4–6: weeks, intervention reports, annexes. Only the student writes (303 saved,
	// 422 reached the form's checks); :rid and :aid name a record of ANOTHER collection here
	// ({placement}), so whoever passes the policy gets 404: a report or annexe must belong to
	// this placement. The same routes on real records: TestPortfolioWriteRoutesByActor.
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/semaines", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/semaines?semaine=2", htmx: true,
		expects: [6]int{401, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/activites", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio/:tab", path: "/dossiers/{placement}/portfolio/annexes", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "POST /dossiers/:id/portfolio/semaines/:n", path: "/dossiers/{placement}/portfolio/semaines/2",
		form: url.Values{"version": {"0"}, "activities": {"Graissage des convoyeurs."}}, expects: [6]int{303, 403, 303, 404, 403, 404}},
	{route: "GET /dossiers/:id/portfolio/activites/nouvelle", path: "/dossiers/{placement}/portfolio/activites/nouvelle",
		expects: [6]int{303, 403, 200, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/activites", path: "/dossiers/{placement}/portfolio/activites",
		form: url.Values{"title": {"Changement d'un vérin"}}, expects: [6]int{303, 403, 303, 404, 403, 404}},
	{route: "GET /dossiers/:id/portfolio/activites/:rid", path: "/dossiers/{placement}/portfolio/activites/{placement}",
		expects: [6]int{303, 404, 404, 404, 404, 404}},
	{route: "POST /dossiers/:id/portfolio/activites/:rid", path: "/dossiers/{placement}/portfolio/activites/{placement}",
		form: url.Values{"title": {"x"}, "version": {"1"}}, expects: [6]int{303, 403, 404, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/activites/:rid/selection", path: "/dossiers/{placement}/portfolio/activites/{placement}/selection",
		form: url.Values{"selected": {"1"}}, expects: [6]int{303, 403, 404, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/activites/:rid/supprimer", path: "/dossiers/{placement}/portfolio/activites/{placement}/supprimer",
		form: url.Values{}, expects: [6]int{303, 403, 404, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/annexes", path: "/dossiers/{placement}/portfolio/annexes",
		form: url.Values{"titre": {"Sans fichier"}}, expects: [6]int{303, 403, 422, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/annexes/lien", path: "/dossiers/{placement}/portfolio/annexes/lien",
		form: url.Values{"lien_titre": {"Fiche INRS"}, "url": {"https://www.inrs.fr/"}}, expects: [6]int{303, 403, 303, 404, 403, 404}},
	{route: "POST /dossiers/:id/portfolio/annexes/:aid/supprimer", path: "/dossiers/{placement}/portfolio/annexes/{placement}/supprimer",
		form: url.Values{}, expects: [6]int{303, 403, 404, 404, 403, 404}},
	{route: "GET /dossiers/:id/portfolio/annexes/:aid/fichier", path: "/dossiers/{placement}/portfolio/annexes/{placement}/fichier",
		expects: [6]int{303, 404, 404, 404, 404, 404}},
	// The portfolio's exports: whoever may print the dossier (its student, teachers, its master).
	{route: "GET /dossiers/:id/portfolio.docx", path: "/dossiers/{placement}/portfolio.docx", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio.odt", path: "/dossiers/{placement}/portfolio.odt", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio.pdf", path: "/dossiers/{placement}/portfolio.pdf", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/portfolio.html", path: "/dossiers/{placement}/portfolio.html", expects: [6]int{303, 200, 200, 404, 200, 404}},
	// Prints: the pré-convention is the teachers' and its student's (the student reads the
	// teachers' sections), the attestation also its company's, typed by teachers and the student;
	// a period's batch is seen by the teacher who started it ({batch}, a finished one) alone.
	{route: "GET /dossiers/:id/preconvention", path: "/dossiers/{placement}/preconvention", expects: [6]int{303, 200, 200, 404, 403, 404}},
	{route: "POST /dossiers/:id/preconvention", path: "/dossiers/{placement}/preconvention",
		form: url.Values{"hours": {"8 h – 17 h"}}, expects: [6]int{303, 303, 403, 404, 403, 404}},
	{route: "POST /dossiers/:id/preconvention/reinitialiser", path: "/dossiers/{placement}/preconvention/reinitialiser",
		form: url.Values{}, expects: [6]int{303, 303, 403, 404, 403, 404}},
	{route: "GET /dossiers/:id/preconvention/pdf", path: "/dossiers/{placement}/preconvention/pdf", expects: [6]int{303, 200, 200, 404, 403, 404}},
	{route: "GET /dossiers/:id/preconvention/apercu", path: "/dossiers/{placement}/preconvention/apercu", expects: [6]int{303, 200, 200, 404, 403, 404}},
	{route: "GET /dossiers/:id/attestation", path: "/dossiers/{placement}/attestation", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "POST /dossiers/:id/attestation", path: "/dossiers/{placement}/attestation",
		form: url.Values{"place": {"Rouen"}}, expects: [6]int{303, 303, 303, 404, 403, 404}},
	{route: "GET /dossiers/:id/attestation/pdf", path: "/dossiers/{placement}/attestation/pdf", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /dossiers/:id/attestation/apercu", path: "/dossiers/{placement}/attestation/apercu", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /periodes/:id/preconvention", path: "/periodes/{period}/preconvention", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /periodes/:id/preconvention", path: "/periodes/{period}/preconvention",
		form: url.Values{"hours": {"8 h – 17 h"}}, expects: [6]int{303, 303, 403, 403, 403, 403}},
	{route: "POST /periodes/:id/preconvention/impression", path: "/periodes/{period}/preconvention/impression",
		form: url.Values{}, expects: [6]int{303, 303, 403, 403, 403, 403}},
	{route: "GET /periodes/:id/preconvention/apercu", path: "/periodes/{period}/preconvention/apercu", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "GET /impressions/:id", path: "/impressions/{batch}", expects: [6]int{303, 200, 404, 404, 404, 404}},
	{route: "GET /impressions/:id", path: "/impressions/{batch}", htmx: true, expects: [6]int{401, 200, 404, 404, 404, 404}},
	{route: "GET /impressions/:id/fichier", path: "/impressions/{batch}/fichier", expects: [6]int{303, 200, 404, 404, 404, 404}},
	// Evaluations. Bilan personnel: read like the portfolio, written by its student only.
	{route: "GET /dossiers/:id/bilan-personnel", path: "/dossiers/{placement}/bilan-personnel", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "POST /dossiers/:id/bilan-personnel", path: "/dossiers/{placement}/bilan-personnel",
		form: url.Values{"version": {"0"}, "strengths": {"Rigueur."}}, expects: [6]int{303, 403, 303, 404, 403, 404}},
	// Attitudes: teachers and granted tutors or masters edit (422: the form's checks reached, nothing
	// saved); the student reads them only once saved (none is here: 403).
	{route: "GET /dossiers/:id/attitudes", path: "/dossiers/{placement}/attitudes", expects: [6]int{303, 200, 403, 404, 200, 404}},
	{route: "POST /dossiers/:id/attitudes", path: "/dossiers/{placement}/attitudes",
		form: url.Values{"version": {"0"}, "attitude:ATT01": {"9"}}, expects: [6]int{303, 422, 403, 404, 422, 404}},
	// Bilan entreprise, on {autre} (the student's dossier on a period of kind « autre », granted to
	// the master): editors reach the checks (422, nothing saved, so the student still may not
	// read it: 403); the poll finds nothing new (204).
	{route: "GET /dossiers/:id/bilan-entreprise", path: "/dossiers/{autre}/bilan-entreprise", expects: [6]int{303, 200, 403, 404, 200, 404}},
	{route: "POST /dossiers/:id/bilan-entreprise", path: "/dossiers/{autre}/bilan-entreprise",
		form: url.Values{"engagement": {"9"}}, expects: [6]int{303, 422, 403, 404, 422, 404}},
	{route: "POST /dossiers/:id/bilan-entreprise/choix", path: "/dossiers/{autre}/bilan-entreprise/choix", htmx: true,
		form: url.Values{"engagement": {"9"}, "v:engagement": {"0"}}, expects: [6]int{401, 422, 403, 404, 422, 404}},
	{route: "GET /dossiers/:id/bilan-entreprise/changements", path: "/dossiers/{autre}/bilan-entreprise/changements?depuis=0", htmx: true,
		expects: [6]int{401, 204, 403, 404, 204, 404}},
	{route: "GET /dossiers/:id/bilan-entreprise", path: "/dossiers/{placement}/bilan-entreprise", expects: [6]int{303, 404, 404, 404, 404, 404}},
	// Its paper grid (« Préparer la rencontre »), for those who evaluate; not on a period without a bilan entreprise.
	{route: "GET /dossiers/:id/bilan-entreprise/grille.pdf", path: "/dossiers/{autre}/bilan-entreprise/grille.pdf", expects: [6]int{303, 200, 403, 404, 200, 404}},
	{route: "GET /dossiers/:id/bilan-entreprise/grille", path: "/dossiers/{autre}/bilan-entreprise/grille", expects: [6]int{303, 200, 403, 404, 200, 404}},
	{route: "GET /dossiers/:id/bilan-entreprise/grille.pdf", path: "/dossiers/{placement}/bilan-entreprise/grille.pdf", expects: [6]int{303, 404, 404, 404, 404, 404}},
	// Certification grid, on {placement} (a period E31): like the bilan entreprise.
	{route: "GET /dossiers/:id/grille-certificative", path: "/dossiers/{placement}/grille-certificative", expects: [6]int{303, 200, 403, 404, 200, 404}},
	{route: "POST /dossiers/:id/grille-certificative", path: "/dossiers/{placement}/grille-certificative",
		form: url.Values{"niveau:C2.1": {"9"}}, expects: [6]int{303, 422, 403, 404, 422, 404}},
	{route: "POST /dossiers/:id/grille-certificative/choix", path: "/dossiers/{placement}/grille-certificative/choix", htmx: true,
		form: url.Values{"niveau:C2.1": {"9"}, "v:niveau:C2.1": {"0"}}, expects: [6]int{401, 422, 403, 404, 422, 404}},
	{route: "GET /dossiers/:id/grille-certificative/changements", path: "/dossiers/{placement}/grille-certificative/changements?depuis=0", htmx: true,
		expects: [6]int{401, 204, 403, 404, 204, 404}},
	{route: "GET /dossiers/:id/grille-certificative", path: "/dossiers/{autre}/grille-certificative", expects: [6]int{303, 404, 404, 404, 404, 404}},
	{route: "GET /dossiers/:id/grille-certificative/grille.pdf", path: "/dossiers/{placement}/grille-certificative/grille.pdf", expects: [6]int{303, 200, 403, 404, 200, 404}},
	{route: "GET /dossiers/:id/grille-certificative/grille", path: "/dossiers/{placement}/grille-certificative/grille", expects: [6]int{303, 200, 403, 404, 200, 404}},
	{route: "GET /dossiers/:id/grille-certificative/grille", path: "/dossiers/{autre}/grille-certificative/grille", expects: [6]int{303, 404, 404, 404, 404, 404}},
	{route: "GET /evaluations-certificatives", path: "/evaluations-certificatives", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "GET /bilans-intermediaires/:id", path: "/bilans-intermediaires/{checkpoint2}", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /bilans-intermediaires/:id/ajuster", path: "/bilans-intermediaires/{checkpoint2}/ajuster",
		form: url.Values{"code": {"C1.1"}, "level": {"3"}}, expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "GET /evaluations-etablissement", path: "/evaluations-etablissement", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /evaluations-etablissement", path: "/evaluations-etablissement", form: url.Values{"target": {""}, "level": {"3"}},
		expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "POST /evaluations-etablissement/:id/supprimer", path: "/evaluations-etablissement/{schooleval}/supprimer", form: url.Values{},
		expects: [6]int{303, 303, 403, 403, 403, 403}},
	// The student's side: « Mes évaluations » and his own tableau de bord; the tableau de bord of a
	// dossier's student for whoever may see the dossier.
	{route: "GET /dossiers/:id/tableau-de-bord", path: "/dossiers/{placement}/tableau-de-bord", expects: [6]int{303, 200, 200, 404, 200, 404}},
	{route: "GET /mes-evaluations", path: "/mes-evaluations", expects: [6]int{303, 403, 200, 200, 403, 403}},
	{route: "GET /tableau-de-bord", path: "/tableau-de-bord", expects: [6]int{303, 403, 200, 200, 403, 403}},
	// Accounts: one's own password for whoever logs in with one (a tutor comes by his link);
	// classes' logins and slips for teachers; the import for teachers given the right (the
	// demo's prof.martin). {slipclass} has one student waiting for his first login
	// ({pending}); {import} is prof.martin's previewed file, whose confirmation starts it.
	{route: "GET /mot-de-passe", path: "/mot-de-passe", expects: [6]int{303, 200, 200, 200, 200, 403}},
	{route: "POST /mot-de-passe", path: "/mot-de-passe", form: url.Values{"mot_de_passe": {"x"}}, expects: [6]int{303, 422, 422, 422, 422, 403}},
	{route: "GET /comptes", path: "/comptes", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "GET /comptes/classes/:id", path: "/comptes/classes/{slipclass}", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/classes/:id/fiches", path: "/comptes/classes/{slipclass}/fiches", form: url.Values{"format": {"html"}},
		expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/eleves/:id/reinitialiser", path: "/comptes/eleves/{pending}/reinitialiser", form: url.Values{"format": {"html"}},
		expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/eleves/:id/reinitialiser", path: "/comptes/eleves/{teacher}/reinitialiser", form: url.Values{"format": {"html"}},
		expects: [6]int{303, 404, 403, 403, 403, 403}},
	{route: "GET /comptes/import", path: "/comptes/import", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/import", path: "/comptes/import", form: url.Values{}, expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "GET /comptes/import/:id", path: "/comptes/import/{import}", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "GET /comptes/import/:id", path: "/comptes/import/{import}", htmx: true, expects: [6]int{401, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/import/:id", path: "/comptes/import/{import}", form: url.Values{}, expects: [6]int{303, 303, 403, 403, 403, 403}},
	// Teachers' accounts, the school's administrator's (the demo's prof.martin): {pendingteacher}
	// has not chosen his password, so his slip prints; no SMTP here, so no invitation leaves
	// (409); {timport} is prof.martin's previewed teachers' file. An invitation link that opens
	// nothing (no cookie, an unknown token) answers 404 to everyone.
	{route: "GET /comptes/enseignants", path: "/comptes/enseignants", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/enseignants/fiches", path: "/comptes/enseignants/fiches", form: url.Values{"format": {"html"}},
		expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/enseignants/:id/inviter", path: "/comptes/enseignants/{pendingteacher}/inviter", form: url.Values{},
		expects: [6]int{303, 409, 403, 403, 403, 403}},
	{route: "GET /comptes/enseignants/import", path: "/comptes/enseignants/import", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/enseignants/import", path: "/comptes/enseignants/import", form: url.Values{}, expects: [6]int{303, 422, 403, 403, 403, 403}},
	{route: "GET /comptes/enseignants/import/:id", path: "/comptes/enseignants/import/{timport}", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "GET /comptes/enseignants/import/:id", path: "/comptes/enseignants/import/{timport}", htmx: true, expects: [6]int{401, 200, 403, 403, 403, 403}},
	{route: "POST /comptes/enseignants/import/:id", path: "/comptes/enseignants/import/{timport}", form: url.Values{}, expects: [6]int{303, 303, 403, 403, 403, 403}},
	{route: "GET /invitation/:token", path: "/invitation/lien-invente-{actor}", expects: [6]int{404, 404, 404, 404, 404, 404}},
	{route: "GET /invitation", path: "/invitation", expects: [6]int{404, 404, 404, 404, 404, 404}},
	{route: "POST /invitation", path: "/invitation", form: url.Values{"mot_de_passe": {"x"}}, expects: [6]int{404, 404, 404, 404, 404, 404}},
	// Tutors (issue 9): a link that opens nothing always redirects to the page saying why (no
	// error ever names its address); the lost-link request answers the same to everyone; the
	// tutor window and the referents are the teachers'. {scolaire} is manon.girard's dossier (a
	// student sous statut scolaire: an apprentice gets no link). The tutors' own rows, valid,
	// expired, revoked: TestTutorAccessMatrix.
	{route: "GET /acces/fin", path: "/acces/fin", expects: [6]int{404, 404, 404, 404, 404, 404}},
	{route: "GET /acces/:token", path: "/acces/lien-invente-{actor}", expects: [6]int{303, 303, 303, 303, 303, 303}},
	{route: "POST /connexion/lien", path: "/connexion/lien", form: url.Values{"courriel": {"inconnu-{actor}@exemple.fr"}},
		expects: [6]int{200, 200, 200, 200, 200, 200}},
	{route: "GET /periodes/:id/tuteurs", path: "/periodes/{period}/tuteurs?apprenant={scolaire}", expects: [6]int{303, 200, 403, 403, 403, 403}},
	{route: "POST /periodes/:id/tuteurs/:pid/envoyer", path: "/periodes/{period}/tuteurs/{scolaire}/envoyer",
		form:    url.Values{"tutor_last_name": {"Pillet"}, "tutor_first_name": {"Antoine"}, "tutor_email": {"antoine.pillet@usine.example"}},
		expects: [6]int{303, 200, 403, 403, 403, 403}}, // 200: no SMTP here, the window shows the link
	{route: "POST /periodes/:id/tuteurs/:pid/invalider", path: "/periodes/{period}/tuteurs/{scolaire}/invalider", form: url.Values{},
		expects: [6]int{303, 303, 403, 403, 403, 403}},
	{route: "POST /periodes/:id/apprenants/:pid/referents", path: "/periodes/{period}/apprenants/{scolaire}/referents",
		form: url.Values{"referents": {""}}, expects: [6]int{303, 422, 403, 403, 403, 403}},
}

func TestAccessMatrix(t *testing.T) {
	t.Parallel()
	a := apptest.MustStartDemo(t)
	a.MustRecord(t, "users", map[string]any{"role": "tutor", "username": "tuteur.sans.acces",
		"first_name": "Paul", "last_name": "Sansacces", "password": demo.Password})
	period := a.MustFind(t, "periods", "name", "PFMP 1re MSPC — E31")
	lucas := a.MustFind(t, "users", "username", "lucas.lambert")
	placement, err := a.PB.FindFirstRecordByFilter("placements", "period = {:p} && student = {:s}",
		map[string]any{"p": period.Id, "s": lucas.Id})
	require.NoError(t, err)

	logins := []string{"", "prof.martin", "lucas.lambert", "manon.girard", "julien.boisseau", "tuteur.sans.acces"}
	locked := a.MustFind(t, "periods", "name", "PFMP 1 — 2de PMIA")
	lockedPlacement := a.MustFind(t, "placements", "period", locked.Id)
	annexe := a.MustFind(t, "annexes", "level", "1re")
	annexe2 := a.MustRecord(t, "annexes", map[string]any{"name": "À supprimer", "level": "2de"})
	checkpoint := a.MustRecord(t, "checkpoints", map[string]any{"student": lucas.Id, "date": "2020-01-01"})
	autre := mustAutrePlacement(t, a, lucas.Id)
	checkpoint2 := a.MustRecord(t, "checkpoints", map[string]any{"student": lucas.Id, "date": "2020-02-01"})
	schoolEval := a.MustRecord(t, "school_evaluations", map[string]any{"student": lucas.Id, "level": "2", "date": "2026-03-02",
		"competence": a.MustFind(t, "competences", "code", "C2.1").Id})
	planned := a.MustRecord(t, "checkpoints", map[string]any{"student": lucas.Id, "date": "2026-06-12"})
	batchOwner := a.MustLogin(t, "prof.martin", demo.Password)
	batch := mustStartBatch(t, batchOwner, period.Id)
	mustBatchDone(t, batchOwner, batch)
	slipClass := a.MustRecord(t, "classes", map[string]any{"name": "Tle Matrice", "level": "Tle"})
	pending := a.MustRecord(t, "users", map[string]any{"role": "student", "username": "eleve.matrice", "first_name": "Zoé",
		"last_name": "Matrice", "class": slipClass.Id, "must_change_password": true, "password": "provisoire-1"})
	importJob := mustPreviewImport(t, batchOwner, "eleves.csv", []byte("Nom;Prénom;Classe;Date de naissance\nMatrice;Noé;Tle Matrice;01/09/2008\n"))
	pendingTeacher := a.MustRecord(t, "users", map[string]any{"role": "teacher", "username": "prof.matrice", "first_name": "Zoé",
		"last_name": "Matrice", "email": "prof.matrice@lycee.example", "must_change_password": true, "password": "provisoire-1"})
	teachersJob := mustPreviewAt(t, batchOwner, teachersImportURL, "enseignants.csv", teachersCSV("Matrice;Noé;noe.matrice@lycee.example;"))
	fill := strings.NewReplacer("{placement}", placement.Id, "{period}", period.Id, "{locked}", locked.Id,
		"{scolaire}", a.MustPlacement(t, period.GetString("name"), "manon.girard").Id,
		"{lockedplacement}", lockedPlacement.Id, "{annexe}", annexe.Id, "{annexe2}", annexe2.Id,
		"{checkpoint}", checkpoint.Id, "/impressions/{batch}", batch, "{autre}", autre.Id,
		"{schooleval}", schoolEval.Id, "{checkpoint2}", checkpoint2.Id, "{slipclass}", slipClass.Id,
		"{pending}", pending.Id, "{teacher}", a.MustFind(t, "users", "username", "prof.benali").Id,
		"/comptes/import/{import}", importJob, "{planned}", planned.Id, "{pendingteacher}", pendingTeacher.Id,
		"/comptes/enseignants/import/{timport}", teachersJob)

	// One session per actor (logging in costs a bcrypt); logging out ends every session of
	// the account, so the next row logs in again.
	sessions := map[string]*apptest.Client{}
	session := func(t *testing.T, who string, logout bool) *apptest.Client {
		switch {
		case who == "":
			return a.NewClient(t)
		case logout:
			delete(sessions, who)
			return a.MustLogin(t, who, demo.Password)
		case sessions[who] == nil:
			sessions[who] = a.MustLogin(t, who, demo.Password)
		}
		return sessions[who].For(t)
	}

	covered := map[string]bool{}
	for _, row := range matrix {
		covered[row.route] = true
		for i, who := range logins {
			t.Run(row.route+" "+actors[i], func(t *testing.T) {
				c := session(t, who, row.route == "POST /deconnexion")
				var headers []string
				if row.htmx {
					headers = []string{"HX-Request", "true"}
				}
				var r *apptest.Response
				if row.form != nil {
					form := url.Values{}
					for k, v := range row.form { // one identity per actor: the throttle counts per identity
						form.Set(k, strings.ReplaceAll(v[0], "{actor}", who))
					}
					r = c.PostForm(fill.Replace(row.path), form, headers...)
				} else {
					r = c.Get(strings.ReplaceAll(fill.Replace(row.path), "{actor}", who), headers...)
				}
				require.Equal(t, row.expects[i], r.Status, "%s as %s", row.path, actors[i])
			})
		}
	}
	for _, r := range a.Web.RouteList() {
		require.True(t, covered[r], "route %s has no row in the access matrix", r)
	}

	// The matrix's teacher is the school's administrator, who may import: a teacher who is
	// neither is refused every page of the year's end, of the teachers' accounts and of the
	// students' import.
	for _, row := range matrix {
		path := strings.SplitN(row.route, " ", 2)[1]
		if !strings.HasPrefix(path, "/annee") && !strings.HasPrefix(path, "/comptes/enseignants") &&
			!strings.HasPrefix(path, "/comptes/import") {
			continue
		}
		t.Run(row.route+" enseignant sans droit", func(t *testing.T) {
			c := session(t, "prof.benali", false)
			var r *apptest.Response
			if row.form != nil {
				r = c.PostForm(fill.Replace(row.path), row.form)
			} else {
				r = c.Get(fill.Replace(row.path))
			}
			require.Equal(t, 403, r.Status, "%s as a teacher who is not the administrator", row.path)
		})
	}
}

// mustAutrePlacement places a student on a new period of kind « autre » (it has a bilan
// entreprise) and grants it to the demo's master.
func mustAutrePlacement(t *testing.T, a *apptest.App, studentID string) *core.Record {
	t.Helper()
	start := a.Clock.Now().AddDate(0, 0, 14)
	tasks := []string{a.MustFind(t, "tasks", "code", "A2T2").Id, a.MustFind(t, "tasks", "code", "A3T1").Id}
	period := a.MustRecord(t, "periods", map[string]any{"name": "PFMP Autre — 1re", "level": "1re", "kind": "autre",
		"start": start, "end": start.AddDate(0, 0, 25), "tasks": tasks})
	p := a.MustRecord(t, "placements", map[string]any{"period": period.Id, "student": studentID})
	a.MustRecord(t, "tutor_access", map[string]any{"placement": p.Id,
		"tutor": a.MustFind(t, "users", "username", "julien.boisseau").Id, "expires": a.Clock.Now().AddDate(0, 6, 0)})
	return p
}
