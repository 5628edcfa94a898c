package archive

import (
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"livret/dossier"
	"livret/export"
	"livret/pfmp"
)

// dossier writes one dossier's folder: « 01 <période>/ » with the portfolio (DOCX, ODT), the
// bilans (HTML, PDF) and « Annexes/ », the attachments' original files the portfolio names.
func (aw *archiveWriter) dossier(i int, d *dossier.Dossier) error {
	pf, err := aw.b.Store.Portfolio(d)
	if err != nil {
		return err
	}
	dir := pfmp.FileName(fmt.Sprintf("%02d %s", i+1, d.Period.GetString("name")), "") + "/"
	files := attachmentNames(pf.Attachments)
	// The files sit beside the portfolio, which names where (it links only web addresses).
	p := export.FromDossier(pf, func(string) string { return "" })
	for i, a := range pf.Attachments {
		if name := files[a.ID]; name != "" {
			p.Attachments[i].Detail += " · dans cette archive : Annexes/" + name
		}
	}
	first, last := d.Student.GetString("first_name"), d.Student.GetString("last_name")
	period := d.Period.GetString("name")
	for _, f := range []struct {
		ext   string
		write func(io.Writer, *export.Portfolio) error
	}{{".docx", export.WriteDOCX}, {".odt", export.WriteODT}} {
		name := dir + pfmp.DossierFileName("Portfolio", period, first, last, f.ext)
		if err := aw.entry(name, func(w io.Writer) error { return f.write(w, p) }); err != nil {
			return err
		}
	}
	if err := aw.bilans(dir, pf); err != nil {
		return err
	}
	for _, a := range pf.Attachments {
		if name := files[a.ID]; name != "" {
			if err := aw.attachment(dir+"Annexes/"+name, d.ID(), a.ID); err != nil {
				return err
			}
		}
	}
	return nil
}

// bilans writes the dossier's evaluations as one document.
func (aw *archiveWriter) bilans(dir string, pf *dossier.Portfolio) error {
	b, err := aw.b.Store.Bilans(pf.Dossier)
	if err != nil {
		return err
	}
	doc, err := renderBilans(pf, b)
	if err != nil {
		return err
	}
	st, period := pf.Student, pf.Period.GetString("name")
	base := pfmp.DossierFileName("Bilans", period, st.GetString("first_name"), st.GetString("last_name"), "")
	return aw.document(dir+base, doc)
}

// attachment copies an attachment's stored file into the archive, streamed; a file missing
// from the storage is noted, not fatal.
func (aw *archiveWriter) attachment(name, placementID, id string) error {
	r, err := aw.b.Store.OpenAttachment(placementID, id)
	if err != nil {
		aw.notes = append(aw.notes, name+" : fichier introuvable sur le serveur.")
		return nil
	}
	defer r.Close()
	return aw.entry(name, func(w io.Writer) error { _, err := io.Copy(w, r); return err })
}

// attachmentNames names each attached file in the folder « Annexes/ » after its title and
// type, numbered when two would share a name; links have none (the portfolio lists them).
func attachmentNames(rows []dossier.AttachmentRow) map[string]string {
	out := map[string]string{}
	taken := map[string]bool{}
	for _, a := range rows {
		if a.Kind == "link" {
			continue
		}
		ext := ""
		if t, ok := pfmp.TypeByMIME(a.MIME); ok {
			ext = t.Ext
		}
		name := pfmp.FileName(a.Title, ext)
		for n := 2; taken[strings.ToLower(name)]; n++ {
			name = pfmp.FileName(a.Title+" ("+strconv.Itoa(n)+")", ext)
		}
		taken[strings.ToLower(name)] = true
		out[a.ID] = path.Base(name)
	}
	return out
}
