// Package archive writes one student's archive: a ZIP of every dossier he has (the portfolio
// as DOCX and ODT, the bilans as HTML and PDF, the attachments' original files), his tableau
// de bord (HTML and PDF) and a LISEZMOI.txt listing it all. The same builder serves the
// student's own download (right of access, web/my_data.go) and the year-end archives of the
// leavers (web/year_close_jobs.go). It is written entry by entry to any io.Writer (a file):
// only one document at a time is in memory.
//
//	b := &archive.Builder{Store: store, Printer: printer, Dashboard: render}
//	err := b.Write(ctx, w, studentID)
package archive

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"livret/dossier"
	"livret/pfmp"
	"livret/print"
)

// Builder writes students' archives.
type Builder struct {
	Store *dossier.Store
	// Printer prints the PDFs; nil, or a print that fails, leaves them out (LISEZMOI says so).
	Printer *print.Service
	// Dashboard is the student's tableau de bord as a document of its own (the web layer draws
	// its charts); nil leaves it out.
	Dashboard func(studentID string) (print.Document, error)
}

// FileName is the archive's name: « Archive Prénom Nom 2025-2026.zip », without a year when yearLabel is "".
func FileName(firstName, lastName, yearLabel string) string {
	return pfmp.FileName("Archive "+firstName+" "+lastName+" "+yearLabel, ".zip")
}

// archiveWriter is one archive being written: its ZIP and what LISEZMOI will list.
type archiveWriter struct {
	ctx     context.Context
	b       *Builder
	zw      *zip.Writer
	now     time.Time
	entries []string // the files written, in order
	notes   []string // what is missing, and why
}

// Write writes a student's archive to w.
func (b *Builder) Write(ctx context.Context, w io.Writer, studentID string) error {
	student, class, err := b.Store.Student(studentID)
	if err != nil {
		return err
	}
	dossiers, err := b.Store.StudentDossiers(studentID)
	if err != nil {
		return err
	}
	aw := &archiveWriter{ctx: ctx, b: b, zw: zip.NewWriter(w), now: b.Store.Now()}
	for i, d := range dossiers {
		if err := aw.dossier(i, d); err != nil {
			return err
		}
	}
	if err := aw.dashboard(studentID); err != nil {
		return err
	}
	readme := readmeText(student.FullName(), class, aw.now, dossiers, aw.entries, aw.notes)
	if err := aw.entry("LISEZMOI.txt", func(w io.Writer) error { _, err := io.WriteString(w, readme); return err }); err != nil {
		return err
	}
	return aw.zw.Close()
}

// BuildFile writes a student's archive into a new file of dir and returns its path; the
// caller removes it once stored or sent.
func (b *Builder) BuildFile(ctx context.Context, dir, studentID string) (string, error) {
	f, err := os.CreateTemp(dir, "archive-*.zip")
	if err != nil {
		return "", err
	}
	err = b.Write(ctx, f, studentID)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

// entry writes one file of the archive.
func (aw *archiveWriter) entry(name string, write func(io.Writer) error) error {
	fw, err := aw.zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: aw.now})
	if err != nil {
		return err
	}
	if err := write(fw); err != nil {
		return fmt.Errorf("archive : %s : %w", name, err)
	}
	aw.entries = append(aw.entries, name)
	return nil
}

// bytesEntry writes a file held in memory.
func (aw *archiveWriter) bytesEntry(name string, data []byte) error {
	return aw.entry(name, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// document writes a document as HTML, and as PDF when it can be printed.
func (aw *archiveWriter) document(base string, doc print.Document) error {
	if err := aw.bytesEntry(base+".html", doc.HTML); err != nil {
		return err
	}
	if aw.b.Printer == nil {
		aw.notes = append(aw.notes, base+".pdf : l'impression en PDF n'est pas installée sur le serveur ; ouvrez la page HTML et imprimez-la.")
		return nil
	}
	pdf, err := aw.b.Printer.PDF(aw.ctx, doc)
	if err != nil {
		aw.notes = append(aw.notes, base+".pdf : "+err.Error()+" Ouvrez la page HTML et imprimez-la.")
		return nil
	}
	return aw.bytesEntry(base+".pdf", pdf)
}

// dashboard writes the student's tableau de bord.
func (aw *archiveWriter) dashboard(studentID string) error {
	if aw.b.Dashboard == nil {
		return nil
	}
	doc, err := aw.b.Dashboard(studentID)
	if err != nil {
		return err
	}
	return aw.document("Tableau de bord", doc)
}
