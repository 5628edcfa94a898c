package archive

import (
	"strings"
	"time"

	"livret/dossier"
	"livret/pfmp"
)

// readmeText is LISEZMOI.txt: whose archive, when it was made, what it holds and what is
// missing. Windows line ends: the file is opened on school computers with the Notepad.
func readmeText(name, class string, at time.Time, dossiers []*dossier.Dossier, entries, notes []string) string {
	var b strings.Builder
	line := func(s string) { b.WriteString(s + "\r\n") }
	if class != "" {
		name += " (" + class + ")"
	}
	line("Archive des données de " + name)
	line("Créée le " + pfmp.FormatDateTime(at) + " par Livret, le livret de suivi des PFMP.")
	line("")
	line("Cette archive contient tout ce que Livret conserve de vos périodes en entreprise :")
	line("pour chaque période, votre portfolio (Word .docx et LibreOffice .odt), vos bilans")
	line("(bilan personnel, attitudes professionnelles, bilan entreprise : page .html et .pdf)")
	line("et les fichiers que vous avez joints (dossier « Annexes ») ; votre tableau de bord.")
	line("")
	line("Périodes : " + periodsLine(dossiers))
	line("")
	line("Contenu :")
	for _, e := range entries {
		line("  " + e)
	}
	if len(notes) > 0 {
		line("")
		line("Non inclus :")
		for _, n := range notes {
			line("  " + n)
		}
	}
	return b.String()
}

// periodsLine names the dossiers' periods, or says there is none.
func periodsLine(dossiers []*dossier.Dossier) string {
	if len(dossiers) == 0 {
		return "aucune."
	}
	names := make([]string, len(dossiers))
	for i, d := range dossiers {
		names[i] = d.Period.GetString("name") + " (du " + pfmp.FormatShort(d.Period.Start()) + " au " + pfmp.FormatShort(d.Period.End()) + ")"
	}
	return strings.Join(names, " ; ")
}
