package pfmp

// Messages shown to users that more than one place needs, written once.
const (
	MsgNoDossier     = "Ce dossier n'existe pas (ou plus)."
	MsgNoGrant       = "Cet accès n'existe pas (ou plus)."
	MsgNoPeriod      = "Cette période n'existe pas (ou plus)."
	MsgNoReport      = "Ce compte rendu n'existe pas (ou plus)."
	MsgNoAttachment  = "Cette annexe n'existe pas (ou plus)."
	MsgNoCheckpoint  = "Ce bilan intermédiaire n'existe pas (ou plus)."
	MsgNoAnnexe      = "Cette annexe pédagogique n'existe pas (ou plus)."
	MsgDossierDenied = "Vous ne pouvez pas faire cela sur ce dossier."
	// MsgFormStale answers a form saved over a newer version of its own fields.
	MsgFormStale = "Ces informations ont été modifiées entre-temps (autre onglet ou autre appareil). " +
		"Votre saisie n'a pas été enregistrée ; elle est conservée ci-dessous : rechargez la page pour voir " +
		"la dernière version, puis reportez-y ce qui manque."
	MsgWeekStale = "Cette semaine a été modifiée ailleurs (autre onglet ou appareil) : rechargez pour voir " +
		"la dernière version ; votre texte n'a pas été perdu, le voici :"
	MsgReportStale = "Ce compte rendu a été modifié ailleurs (autre onglet ou appareil) : rechargez pour " +
		"voir la dernière version ; votre texte n'a pas été perdu, le voici :"
)
